package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.LogExcerpt;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.tasks.TaskList;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
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
 * the sweep directory ({@link LivePages}); once the step has ended, from the table file. Logs:
 * streamed from the agent (the end of the file, size-limited, text/plain) while the step runs, the
 * archived artifacts after.
 *
 * <p>Relaunch during the build is queued here (and saved with the build, so it survives a restart)
 * for the running step, which launches the tasks at its next poll and waits for them too. After the
 * build it starts a new build of the job with a {@link RelaunchCause} and a {@link RelaunchAction}.
 */
public final class SweepAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(SweepAction.class.getName());

    /** Longer id lists are cut in build.xml; the task table has every id. */
    static final int MAX_IDS_TEXT = 2_000;
    /** Bytes of a running task's log the page shows (its end). */
    static final int LOG_TAIL_BYTES = SystemProperties.getInteger(SweepAction.class.getName() + ".LOG_TAIL_BYTES",
            256 * 1024);

    private final String jobName;
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
    /** Whether the step (or builder) that runs the sweep is still waiting for it. */
    private boolean live;
    /** Relaunches asked for on the page while the step runs, not yet taken by it (condensed id lists). */
    private List<String> relaunchQueue;

    private transient Run<?, ?> run;
    /**
     * Wakes the step or builder waiting for this sweep, so a relaunch queued on the page is taken now
     * rather than at its next poll (up to the longest interval). Only a shortcut, in memory while
     * the build runs: the queue itself is saved, and a step resumed after a restart waits again.
     */
    private transient volatile Runnable waiter;
    private transient LivePages livePages;
    private transient ArchivedTable archive;

    SweepAction(String jobName) {
        this.jobName = jobName;
    }

    /** The step has launched: the page shows the live sweep from now on. */
    @Restricted(NoExternalUse.class)
    public synchronized void started(SweepCallables.Launched launched, String nodeName, String workDirectory) {
        backend = launched.backend();
        sweepDir = launched.sweepDir();
        node = nodeName;
        workDir = workDirectory;
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
        livePages = null;
        archive = null;
    }

    /** The build's action for this job name, added when missing. */
    @Restricted(NoExternalUse.class)
    public static synchronized SweepAction of(Run<?, ?> run, String jobName) {
        for (SweepAction a : run.getActions(SweepAction.class)) {
            if (a.jobName.equals(jobName)) {
                return a;
            }
        }
        SweepAction a = new SweepAction(jobName);
        run.addAction(a);
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

    private void wakeWaiter() {
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
     * One page of the sweep.
     *
     * @throws BadInputException for a bad filter
     * @throws IOException when neither the agent nor the table file can tell (agent offline, no table)
     */
    @Restricted(NoExternalUse.class)
    public SweepPage page(String filterText, String pageText, String sizeText) throws IOException, InterruptedException {
        TaskFilter filter = TaskFilter.parse(filterText);
        PageRequest request = PageRequest.parse(pageText, sizeText);
        if (isLive()) {
            FilePath dir = workDirectory();
            if (dir != null) {
                return livePages().get(dir, jobName, filter, request);
            }
        }
        ArchivedTable.Table a = archive().read(getTaskTableFile());
        if (a == null) {
            throw new AbortException(isLive() ? Messages.SweepAction_AgentOffline(node(), getWorkDir())
                    : Messages.SweepAction_NoTable(jobName));
        }
        return a.pages().page(a.sweep().status(), filter, request);
    }

    private synchronized LivePages livePages() {
        if (livePages == null) {
            livePages = new LivePages();
        }
        return livePages;
    }

    private synchronized ArchivedTable archive() {
        if (archive == null) {
            archive = new ArchivedTable();
        }
        return archive;
    }

    /** The working directory on its agent, or null when the agent is offline. */
    private @CheckForNull FilePath workDirectory() {
        String dir;
        String on;
        synchronized (this) {
            dir = workDir;
            on = node();
        }
        return dir == null ? null : FilePathUtils.find(on, dir); // outside the lock: it looks up the node
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

    /**
     * What index.jelly shows.
     *
     * @param page the page, or null
     * @param error why there is no page
     */
    @Restricted(NoExternalUse.class)
    public record PageView(SweepPage page, String error) {
    }

    /** Whether to show "Cancel selected": the sweep is live and the user may cancel builds of the job. */
    public boolean isCancelAllowed() { return isLive() && run.hasPermission(Item.CANCEL); }

    /** Whether to show "Relaunch selected": the user may build the job. */
    public boolean isRelaunchAllowed() { return run != null && run.hasPermission(Item.BUILD); }

    /** Where the page's log links point: the streaming endpoint while live, the archived logs after. */
    public String getLogBase() { return isLive() ? "log?path=" : "../artifact/sweep/" + jobName + "/"; }

    /**
     * What follows the log's relative path in a link: nothing while live; after, {@link #VIEW}, so
     * that the archived {@code .out}/{@code .err} file is shown as text/plain (served as itself, a
     * file with an unknown extension is application/octet-stream, which browsers download).
     */
    public String getLogSuffix() { return isLive() ? "" : VIEW; }

    /** DirectoryBrowserSupport's "show this artifact as plain text". */
    static final String VIEW = "/*view*/";

    // ------------------------------------------------------------------ web methods

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
        String live = "{\"live\":" + isLive() + ",\"logBase\":\"" + getLogBase().replace("\"", "")
                + "\",\"logSuffix\":\"" + getLogSuffix() + "\",\"page\":";
        String body = live + json + "}";
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
                    throws IOException, ServletException {
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.setHeader("Cache-Control", "no-cache");
                PrintWriter w = rsp.getWriter();
                w.print(body);
                w.flush();
            }
        };
    }

    /**
     * One attempt's log, {@code path=logs/ID.N.out|err}: while the step runs the end of the file
     * from the agent as text/plain (at most {@link #LOG_TAIL_BYTES}); after, a redirect to the
     * archived artifact.
     */
    @Restricted(DoNotUse.class)
    public HttpResponse doLog(@QueryParameter String path) throws IOException, InterruptedException {
        // As core's own artifact pages: Run/Artifacts only where that permission is switched on
        // (it is off by default, and then nobody holds it: every live log answered 403).
        run.checkPermission(hudson.Functions.isArtifactsPermissionEnabled() ? Run.ARTIFACTS : hudson.model.Item.READ);
        if (path == null || !path.matches("logs/[1-9][0-9]{0,17}\\.[1-9][0-9]{0,8}\\.(out|err)")) {
            throw HttpResponses.errorWithoutStack(400, Messages.SweepAction_BadLogPath());
        }
        FilePath dir = isLive() ? workDirectory() : null;
        if (dir == null) {
            return HttpResponses.redirectTo("../artifact/sweep/" + jobName + "/" + path + VIEW);
        }
        LogExcerpt tail;
        try (Timeout timeout = Timeout.limit(LivePages.AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            tail = dir.act(new SweepCallables.LogTail(jobName, path, LOG_TAIL_BYTES));
        } catch (AbortException e) {
            throw HttpResponses.errorWithoutStack(404, e.getMessage());
        }
        String head = tail.skipped() > 0 ? Messages.SweepAction_LogSkipped(tail.skipped(), tail.size()) + "\n" : "";
        return HttpResponses.text(head + tail.text());
    }

    /** "Cancel selected": cancels the selected PENDING and RUNNING tasks on their scheduler. */
    @RequirePOST
    @Restricted(DoNotUse.class)
    public HttpResponse doCancel(StaplerRequest2 req) throws IOException, InterruptedException {
        run.checkPermission(Item.CANCEL);
        if (!isLive()) {
            return done(Messages.SweepAction_NothingActive(jobName));
        }
        FilePath dir = workDirectory();
        if (dir == null) {
            return done(Messages.SweepAction_AgentOffline(node(), getWorkDir()));
        }
        SweepCallables.Acted plan;
        try (Timeout timeout = Timeout.limit(LivePages.AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            plan = dir.act(act(req, TaskAction.CANCEL, false));
        } catch (AbortException e) {
            return done(e.getMessage());
        }
        livePages().clear();
        return done(plan.message());
    }

    /**
     * "Relaunch selected": while the step runs, queued for it (it launches them at its next poll and
     * waits for them); after the build, a new build of the job that runs only those tasks.
     */
    @RequirePOST
    @Restricted(DoNotUse.class)
    public HttpResponse doRelaunch(StaplerRequest2 req) throws IOException, InterruptedException {
        run.checkPermission(Item.BUILD);
        if (isLive()) {
            FilePath dir = workDirectory();
            if (dir == null) {
                return done(Messages.SweepAction_AgentOffline(node(), getWorkDir()));
            }
            SweepCallables.Acted plan;
            try (Timeout timeout = Timeout.limit(LivePages.AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
                plan = dir.act(act(req, TaskAction.RELAUNCH, true));
            } catch (AbortException e) {
                return done(e.getMessage());
            }
            if (plan.nothing()) {
                return done(plan.message());
            }
            if (!queueRelaunch(plan.acted())) {
                return done(Messages.SweepAction_StepEnded(jobName));
            }
            wakeWaiter();
            return done(plan.message() + " " + Messages.SweepAction_RelaunchQueued());
        }
        if (run.isBuilding()) {
            return done(Messages.SweepAction_StepEnded(jobName));
        }
        ArchivedTable.Table a = archive().read(getTaskTableFile());
        if (a == null) {
            return done(Messages.SweepAction_NoTable(jobName));
        }
        ActionPlan plan;
        try {
            TaskList selected = selection(req).resolve(a.sweep().ids(), a.sweep().status());
            plan = ActionPlan.relaunch(selected, a.sweep().status());
        } catch (BadInputException e) {
            return done(e.getMessage());
        }
        if (plan.nothingToDo()) {
            return done(plan.message());
        }
        String ids = plan.acted().toString();
        if (RelaunchAction.schedule(run, jobName, ids, node(), getSweepDir()) == null) {
            return done(Messages.SweepAction_NotBuildable(run.getParent().getFullDisplayName()));
        }
        LOGGER.log(Level.FINE, "scheduled relaunch of {0} of {1} from {2}", new Object[] {ids, jobName, run});
        return done(plan.message() + " " + Messages.SweepAction_RelaunchScheduled());
    }

    private static Selection selection(StaplerRequest2 req) {
        String[] checked = req.getParameterValues("task");
        return new Selection(req.getParameter("ids"), checked == null ? List.of() : Arrays.asList(checked),
                req.getParameter("allFailed") != null);
    }

    private SweepCallables.Act act(StaplerRequest2 req, TaskAction action, boolean dryRun) {
        Selection s = selection(req);
        return new SweepCallables.Act(jobName, action, s.ids(), s.checked(), s.allFailed(), dryRun);
    }

    /** The answer to a button: a small page with the message and a link back (JS shows it in place). */
    private HttpResponse done(String message) {
        return HttpResponses.forwardToView(this, "done.jelly").with("message", message);
    }

    private synchronized String node() {
        return node == null ? "" : node;
    }

    // ------------------------------------------------------------------ properties

    public String getJobName() { return jobName; }
    public synchronized String getBackend() { return backend; }
    public synchronized String getSweepDir() { return sweepDir; }
    public synchronized String getNode() { return node; }
    public synchronized String getWorkDir() { return workDir; }
    public synchronized Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }
    public synchronized long getTasks() { return tasks; }
    public synchronized long getNotLaunched() { return notLaunched; }
    public synchronized String getFailedIds() { return failedIds; }
    public synchronized int getSubmissions() { return submissions; }
    public synchronized boolean isFinished() { return finished; }
    public synchronized String getResult() { return result; }
    public Run<?, ?> getRun() { return run; }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() { return "symbol-analytics"; }

    @Override
    public String getDisplayName() { return Messages.SweepAction_DisplayName(jobName); }

    /** {@code sweep-JOBNAME}: job names are letters, digits, '.', '_' and '-', safe in a URL. */
    @Override
    public String getUrlName() { return "sweep-" + jobName; }
}
