package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.tasks.TaskList;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.SweepBuildAction;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * One sweep of a build, kept with the build, and its "Cluster sweep" page: counts per state with a
 * progress bar, the task table (filtered, paged), each attempt's logs, and "Cancel selected" /
 * "Relaunch selected". A build with several sweeps has one action (and page) per job name.
 *
 * <p>What is kept: a small summary (build.xml) and the per-task table in {@code
 * BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz} ({@link ArchivedTable}).
 *
 * <p>Where a page comes from: while the step runs ({@link #isLive()}), from the agent that holds
 * the sweep directory; once the step has ended, from the table file ({@link PageSource}). Logs:
 * streamed from the agent (the end of the file, size-limited, text/plain) while the step runs, the
 * archived artifacts after ({@link AttemptLog}). The buttons' work is {@link TaskButtons}'; this
 * class holds what is saved with the build and the web methods, each checking its permission.
 *
 * <p>Relaunch during the build is queued here (and saved with the build, so it survives a restart)
 * for the running step, which launches the tasks at its next poll and waits for them too. After the
 * build it starts a new build of the job with a {@link RelaunchCause} and a {@link RelaunchAction}.
 */
public final class SweepAction extends SweepBuildAction {

    /** Longer id lists are cut in build.xml; the task table has every id. */
    static final int MAX_IDS_TEXT = 2_000;

    private String backend;
    private String sweepDir;
    private String node;
    private Map<String, Long> counts;
    private long tasks;
    private long notLaunched;
    private String failedIds;
    private int submissions;
    private boolean finished;
    private String result;
    /** The step's working directory on {@link #node} (since part 2). */
    private String workDir;
    /** The commits the tasks run from ({@code snapshot}), as the launch found them; null for none. */
    private List<String> code;
    /** Whether the step (or builder) that runs the sweep is still waiting for it. */
    private boolean live;
    /** Relaunches asked for on the page while the step runs, not yet taken by it (condensed id lists). */
    private List<String> relaunchQueue;

    /**
     * Wakes the step or builder waiting for this sweep, so a relaunch queued on the page is taken now
     * rather than at its next poll (up to the longest interval). Only a shortcut, in memory while
     * the build runs: the queue itself is saved, and a step resumed after a restart waits again.
     */
    private transient volatile Runnable waiter;
    /** Where the page's rows come from, with its caches. */
    private transient PageSource source;

    SweepAction(String jobName) {
        super(jobName);
    }

    /** The step has launched: the page shows the live sweep from now on. */
    @Restricted(NoExternalUse.class)
    public synchronized void started(SweepCallables.Launched launched, String nodeName, String workDirectory) {
        backend = launched.backend();
        sweepDir = launched.sweepDir();
        node = nodeName;
        workDir = workDirectory;
        code = launched.code().isEmpty() ? null : new ArrayList<>(launched.code());
        SweepProgress s = launched.progress();
        if (s != null) {
            counts = new LinkedHashMap<>(s.counts());
            tasks = s.tasks();
            notLaunched = s.notLaunched();
        }
        live = true;
    }

    /** The sweep's outcome; the step no longer waits, so the page reads the table file from now on. */
    @Restricted(NoExternalUse.class)
    public synchronized void update(RunResult r, String nodeName) {
        SweepProgress s = r.summary();
        backend = s.backend() != null ? s.backend() : backend;
        sweepDir = r.sweepDir();
        node = nodeName;
        counts = new LinkedHashMap<>(s.counts());
        tasks = s.tasks();
        notLaunched = s.notLaunched();
        String ids = s.unsuccessfulIds();
        if (ids.length() > MAX_IDS_TEXT) {
            int cut = ids.lastIndexOf(',', MAX_IDS_TEXT);
            ids = ids.substring(0, cut > 0 ? cut : MAX_IDS_TEXT) + ",...";
        }
        failedIds = ids;
        submissions = s.submissions();
        finished = s.finished();
        result = r.result();
        live = false;
        source = null;
    }

    /** The build's action for this job name, added when missing. */
    @Restricted(NoExternalUse.class)
    public static synchronized SweepAction of(Run<?, ?> run, String jobName) {
        SweepAction a = find(run, SweepAction.class, jobName);
        if (a == null) {
            a = new SweepAction(jobName);
            run.addAction(a);
        }
        return a;
    }

    // ------------------------------------------------------------------ relaunch queue

    /** Queues a relaunch for the running step; false when the step no longer waits (the caller says so). */
    synchronized boolean queueRelaunch(String ids) throws IOException {
        if (!live) {
            return false;
        }
        if (relaunchQueue == null) {
            relaunchQueue = new ArrayList<>();
        }
        relaunchQueue.add(ids);
        run.save();
        return true;
    }

    /** The queued relaunches as one condensed list, emptying the queue; null when none. */
    @Restricted(NoExternalUse.class)
    public synchronized String takeRelaunches() throws IOException {
        if (relaunchQueue == null || relaunchQueue.isEmpty()) {
            return null;
        }
        TaskList all = TaskList.empty();
        for (String ids : relaunchQueue) {
            all = all.union(TaskList.parse(ids));
        }
        relaunchQueue = null;
        run.save();
        return all.toString();
    }

    /** The step or builder now waiting for this sweep: woken when a relaunch is queued. */
    @Restricted(NoExternalUse.class)
    public void waitWith(Runnable wake) {
        waiter = wake;
    }

    @Restricted(NoExternalUse.class)
    public void stopWaiting() {
        waiter = null;
    }

    /** Outside the action's lock, so that the waiter's turn can take the queue at once. */
    void wakeWaiter() {
        Runnable wake = waiter;
        if (wake != null) {
            wake.run();
        }
    }

    /** Whether relaunches are waiting for the step. */
    @Restricted(NoExternalUse.class)
    public synchronized boolean hasQueuedRelaunches() {
        return relaunchQueue != null && !relaunchQueue.isEmpty();
    }

    // ------------------------------------------------------------------ data for the page

    /** {@code BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz}: the per-task table of the sweep's last poll. */
    public static File taskTableFile(Run<?, ?> run, String jobName) {
        return new File(new File(run.getRootDir(), "cluster-sweep"), jobName + ".tsv.gz");
    }

    public File getTaskTableFile() { return run == null ? null : taskTableFile(run, jobName); }

    /** Whether the page shows the sweep live from the agent (the step still waits for it). */
    public synchronized boolean isLive() { return live && run != null && run.isBuilding(); }

    /**
     * One page of the sweep ({@link PageSource}).
     *
     * @throws BadInputException for a bad filter
     * @throws IOException when neither the agent nor the table file can tell (agent offline, no table)
     */
    @Restricted(NoExternalUse.class)
    public SweepPage page(String filterText, String pageText, String sizeText) throws IOException, InterruptedException {
        return source().page(filterText, pageText, sizeText);
    }

    private synchronized PageSource source() {
        if (source == null) {
            source = new PageSource(this);
        }
        return source;
    }

    /** The view's model: the page, or why there is none. */
    @Restricted(DoNotUse.class)
    public PageView getView() {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        try {
            return new PageView(page(req.getParameter("filter"), req.getParameter("page"), req.getParameter("size")),
                    null);
        } catch (BadInputException | IOException e) {
            return new PageView(null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PageView(null, e.toString());
        }
    }

    /** Whether to show "Cancel selected": the sweep is live and the user may cancel builds of the job. */
    public boolean isCancelAllowed() { return isLive() && run.hasPermission(Item.CANCEL); }

    /** Whether to show "Relaunch selected": the user may build the job. */
    public boolean isRelaunchAllowed() { return run != null && run.hasPermission(Item.BUILD); }

    /** Where the page's log links point: the streaming endpoint while live, the archived logs after. */
    public String getLogBase() { return isLive() ? "log?path=" : AttemptLog.archived(jobName); }

    /** What follows the log's relative path in a link: nothing while live; after, {@link AttemptLog#VIEW}. */
    public String getLogSuffix() { return isLive() ? "" : AttemptLog.VIEW; }

    // ------------------------------------------------------------------ web methods (each checks its permission)

    /** The live view's poll: {@code SweepPage.toJson()} (escaped by the JSON encoder; text, never HTML). */
    @Restricted(DoNotUse.class)
    public HttpResponse doData(@QueryParameter String filter, @QueryParameter String page,
            @QueryParameter String size) throws IOException, InterruptedException {
        run.checkPermission(Item.READ);
        String json;
        try {
            json = page(filter, page, size).toJson();
        } catch (BadInputException | AbortException e) {
            throw HttpResponses.errorWithoutStack(409, e.getMessage());
        }
        return PageData.of(isLive(), getLogBase(), getLogSuffix(), json);
    }

    /**
     * One attempt's log, {@code path=logs/ID.N.out|err}: while the step runs the end of the file
     * from the agent as text/plain (at most {@link AttemptLog#LOG_TAIL_BYTES}); after, a redirect to
     * the archived artifact.
     */
    @Restricted(DoNotUse.class)
    public HttpResponse doLog(@QueryParameter String path) throws IOException, InterruptedException {
        // As core's own artifact pages: Run/Artifacts only where that permission is switched on
        // (it is off by default, and then nobody holds it: every live log answered 403).
        run.checkPermission(hudson.Functions.isArtifactsPermissionEnabled() ? Run.ARTIFACTS : hudson.model.Item.READ);
        return AttemptLog.serve(jobName, path, isLive() ? source().workDirectory() : null);
    }

    /** "Cancel selected": cancels the selected PENDING and RUNNING tasks on their scheduler. */
    @RequirePOST
    @Restricted(DoNotUse.class)
    public HttpResponse doCancel(StaplerRequest2 req) throws IOException, InterruptedException {
        run.checkPermission(Item.CANCEL);
        return done(buttons().cancel(selection(req)));
    }

    /** "Relaunch selected": queued for the running step, or after the build a new build ({@link TaskButtons}). */
    @RequirePOST
    @Restricted(DoNotUse.class)
    public HttpResponse doRelaunch(StaplerRequest2 req) throws IOException, InterruptedException {
        run.checkPermission(Item.BUILD);
        return done(buttons().relaunch(selection(req)));
    }

    private TaskButtons buttons() {
        return new TaskButtons(this, source());
    }

    private static Selection selection(StaplerRequest2 req) {
        String[] checked = req.getParameterValues("task");
        return new Selection(req.getParameter("ids"), checked == null ? List.of() : Arrays.asList(checked),
                req.getParameter("allFailed") != null);
    }

    /** The answer to a button: a small page with the message and a link back (JS shows it in place). */
    private HttpResponse done(String message) {
        return HttpResponses.forwardToView(this, "done.jelly").with("message", message);
    }

    /** The node's name, "" for the built-in node. */
    synchronized String node() {
        return node == null ? "" : node;
    }

    /** Why the page cannot ask the agent now. */
    String agentOffline() {
        return Messages.SweepAction_AgentOffline(node(), getWorkDir());
    }

    // ------------------------------------------------------------------ properties

    public synchronized String getBackend() { return backend; }
    public synchronized String getSweepDir() { return sweepDir; }
    public synchronized String getNode() { return node; }
    public synchronized String getWorkDir() { return workDir; }
    public synchronized List<String> getCode() { return code == null ? List.of() : List.copyOf(code); }
    public synchronized Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }
    public synchronized long getTasks() { return tasks; }
    public synchronized long getNotLaunched() { return notLaunched; }
    public synchronized String getFailedIds() { return failedIds; }
    public synchronized int getSubmissions() { return submissions; }
    public synchronized boolean isFinished() { return finished; }
    public synchronized String getResult() { return result; }

    @Override
    public String getIconFileName() { return "symbol-analytics"; }

    @Override
    public String getDisplayName() { return Messages.SweepAction_DisplayName(jobName); }

    /** {@code sweep-JOBNAME}: job names are letters, digits, '.', '_' and '-', safe in a URL. */
    @Override
    public String getUrlName() { return "sweep-" + jobName; }
}
