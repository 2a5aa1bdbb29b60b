package io.jenkins.plugins.clustersweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.ArchivedSweep;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.SweepPages;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.page.TaskTableFile;
import dev.clustersweep.spec.SweepResult;
import dev.clustersweep.spec.SweepSummary;
import dev.clustersweep.tasks.TaskList;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Run;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import jenkins.model.ParameterizedJobMixIn;
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
 * <p>What is kept: a small summary (build.xml) and the per-task table in
 * {@code BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz} (core's {@link TaskTableFile}, with tags), read on
 * demand and held through a {@link SoftReference} (as junit's TestResultAction holds its result
 * through a WeakReference backed by a file in the build directory).
 *
 * <p>Where a page comes from: while the step runs ({@link #isLive()}), from the agent that holds the
 * sweep directory (one agent call builds the page there; only its rows come back), cached for
 * {@link #CACHE_MILLIS} so that many viewers cost one scheduler poll; once the step has ended, from
 * the table file. Logs: streamed from the agent (the end of the file, size-limited, text/plain)
 * while the step runs, the archived artifacts after.
 *
 * <p>Relaunch during the build is queued here (and saved with the build, so it survives a restart)
 * for the running step, which launches the tasks at its next poll and waits for them too. After the
 * build it starts a new build of the job with a {@link RelaunchCause} and a {@link RelaunchAction}.
 */
public final class SweepAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(SweepAction.class.getName());

    /** Longer id lists are cut in build.xml; the task table has every id. */
    static final int MAX_IDS_TEXT = 2_000;
    /** How long a live page may be served from the cache. */
    static final long CACHE_MILLIS = SystemProperties.getLong(SweepAction.class.getName() + ".CACHE_MILLIS", 3_000L);
    /** Bytes of a running task's log the page shows (its end). */
    static final int LOG_TAIL_BYTES = SystemProperties.getInteger(SweepAction.class.getName() + ".LOG_TAIL_BYTES",
            256 * 1024);
    /** Limit on one agent call of the page. */
    static final long AGENT_CALL_SECONDS = 30;
    private static final int CACHE_ENTRIES = 32;

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
    private transient Map<String, Cached> pageCache;
    private transient SoftReference<Archive> archive;

    private record Cached(long at, SweepPage page) {
    }

    private record Archive(long stamp, ArchivedSweep sweep, SweepPages pages) {
    }

    SweepAction(String jobName) {
        this.jobName = jobName;
    }

    /** The step has launched: the page shows the live sweep from now on. */
    @Restricted(NoExternalUse.class)
    synchronized void started(SweepSummary s, String nodeName, String workDirectory) {
        backend = s.backend();
        sweepDir = s.sweepDir();
        node = nodeName;
        workDir = workDirectory;
        counts = new LinkedHashMap<>(s.counts());
        tasks = s.tasks();
        notLaunched = s.notLaunched();
        live = true;
    }

    /** The sweep's outcome; the step no longer waits, so the page reads the table file from now on. */
    @Restricted(NoExternalUse.class)
    synchronized void update(SweepResult r, String nodeName) {
        SweepSummary s = r.summary();
        backend = s.backend();
        sweepDir = s.sweepDir();
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
        pageCache = null;
        archive = null;
    }

    /** The build's action for this job name, added when missing. */
    static synchronized SweepAction of(Run<?, ?> run, String jobName) {
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
    synchronized String takeRelaunches() throws IOException {
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

    /** Whether relaunches are waiting for the step. */
    synchronized boolean hasQueuedRelaunches() {
        return relaunchQueue != null && !relaunchQueue.isEmpty();
    }

    // ------------------------------------------------------------------ data for the page

    /** {@code BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz}: the per-task table of the sweep's last poll. */
    public static File taskTableFile(Run<?, ?> run, String jobName) {
        return new File(new File(run.getRootDir(), "cluster-sweep"), jobName + ".tsv.gz");
    }

    public File getTaskTableFile() {
        return run == null ? null : taskTableFile(run, jobName);
    }

    /** Whether the page shows the sweep live from the agent (the step still waits for it). */
    public synchronized boolean isLive() {
        return live && run != null && run.isBuilding();
    }

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
            SweepPage live = livePage(filter, request);
            if (live != null) {
                return live;
            }
        }
        Archive a = archived();
        if (a == null) {
            throw new AbortException(isLive() ? Messages.SweepAction_AgentOffline(node(), getWorkDir())
                    : Messages.SweepAction_NoTable(jobName));
        }
        return a.pages().page(a.sweep().status(), filter, request);
    }

    private synchronized Map<String, Cached> cache() {
        if (pageCache == null) {
            pageCache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });
        }
        return pageCache;
    }

    private @CheckForNull SweepPage livePage(TaskFilter filter, PageRequest request)
            throws IOException, InterruptedException {
        String key = filter.text() + "|" + request.page() + "|" + request.size();
        Map<String, Cached> cache = cache();
        Cached hit = cache.get(key);
        long now = System.currentTimeMillis();
        if (hit != null && now - hit.at() < CACHE_MILLIS) {
            return hit.page();
        }
        FilePath dir = workDirectory();
        if (dir == null) {
            return null;
        }
        String json;
        try (Timeout timeout = Timeout.limit(AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            json = dir.act(new SweepCallables.Page(jobName, filter.text(), request.page(), request.size()));
        }
        SweepPage page = SweepPage.fromJson(json);
        cache.put(key, new Cached(now, page));
        return page;
    }

    private void forgetLivePages() {
        Map<String, Cached> cache = pageCache;
        if (cache != null) {
            cache.clear();
        }
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

    private @CheckForNull Archive archived() throws IOException {
        File file = getTaskTableFile();
        if (file == null || !file.isFile()) {
            return null;
        }
        long stamp = file.lastModified() ^ file.length();
        SoftReference<Archive> ref = archive;
        Archive a = ref == null ? null : ref.get();
        if (a != null && a.stamp() == stamp) {
            return a;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file.toPath()), 1 << 16)) {
            ArchivedSweep sweep = TaskTableFile.read(in);
            a = new Archive(stamp, sweep, sweep.pages());
        }
        archive = new SoftReference<>(a);
        return a;
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
    public boolean isCancelAllowed() {
        return isLive() && run.hasPermission(Item.CANCEL);
    }

    /** Whether to show "Relaunch selected": the user may build the job. */
    public boolean isRelaunchAllowed() {
        return run != null && run.hasPermission(Item.BUILD);
    }

    /** Where the page's log links point: the streaming endpoint while live, the archived logs after. */
    public String getLogBase() {
        return isLive() ? "log?path=" : "../artifact/sweep/" + jobName + "/";
    }

    /**
     * What follows the log's relative path in a link: nothing while live; after, {@link #VIEW}, so
     * that the archived {@code .out}/{@code .err} file is shown as text/plain (served as itself, a
     * file with an unknown extension is application/octet-stream, which browsers download).
     */
    public String getLogSuffix() {
        return isLive() ? "" : VIEW;
    }

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
        Map<String, Object> tail;
        try (Timeout timeout = Timeout.limit(AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            tail = dir.act(new SweepCallables.LogTail(jobName, path, LOG_TAIL_BYTES));
        } catch (AbortException e) {
            throw HttpResponses.errorWithoutStack(404, e.getMessage());
        }
        long skipped = ((Number) tail.get("skipped")).longValue();
        String head = skipped > 0 ? Messages.SweepAction_LogSkipped(skipped, tail.get("size")) + "\n" : "";
        return HttpResponses.text(head + tail.get("text"));
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
        Map<String, String> plan;
        try (Timeout timeout = Timeout.limit(AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            plan = dir.act(act(req, "CANCEL", false));
        } catch (AbortException e) {
            return done(e.getMessage());
        }
        forgetLivePages();
        return done(plan.get("message"));
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
            Map<String, String> plan;
            try (Timeout timeout = Timeout.limit(AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
                plan = dir.act(act(req, "RELAUNCH", true));
            } catch (AbortException e) {
                return done(e.getMessage());
            }
            if (plan.get("acted").isEmpty()) {
                return done(plan.get("message"));
            }
            if (!queueRelaunch(plan.get("acted"))) {
                return done(Messages.SweepAction_StepEnded(jobName));
            }
            SweepWaits.wake(run, jobName);
            return done(plan.get("message") + " " + Messages.SweepAction_RelaunchQueued());
        }
        if (run.isBuilding()) {
            return done(Messages.SweepAction_StepEnded(jobName));
        }
        Archive a = archived();
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
        List<Action> actions = new ArrayList<>();
        actions.add(new CauseAction(new Cause.UserIdCause(), new RelaunchCause(run, jobName, ids)));
        actions.add(new RelaunchAction(jobName, ids, run, node(), getSweepDir()));
        actions.addAll(run.getActions(ParametersAction.class)); // the same parameters, as ReplayAction copies them
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(run.getParent(), 0, actions.toArray(new Action[0]));
        if (item == null) {
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

    private SweepCallables.Act act(StaplerRequest2 req, String action, boolean dryRun) {
        Selection s = selection(req);
        return new SweepCallables.Act(jobName, action, s.ids(), new ArrayList<>(s.checked()), s.allFailed(), dryRun);
    }

    /** The answer to a button: a small page with the message and a link back (JS shows it in place). */
    private HttpResponse done(String message) {
        return HttpResponses.forwardToView(this, "done.jelly").with("message", message);
    }

    private synchronized String node() {
        return node == null ? "" : node;
    }

    // ------------------------------------------------------------------ properties

    public String getJobName() {
        return jobName;
    }

    public synchronized String getBackend() {
        return backend;
    }

    public synchronized String getSweepDir() {
        return sweepDir;
    }

    public synchronized String getNode() {
        return node;
    }

    public synchronized String getWorkDir() {
        return workDir;
    }

    public synchronized Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }

    public synchronized long getTasks() {
        return tasks;
    }

    public synchronized long getNotLaunched() {
        return notLaunched;
    }

    public synchronized String getFailedIds() {
        return failedIds;
    }

    public synchronized int getSubmissions() {
        return submissions;
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    public synchronized String getResult() {
        return result;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.SweepAction_DisplayName(jobName);
    }

    /** {@code sweep-JOBNAME}: job names are letters, digits, '.', '_' and '-', safe in a URL. */
    @Override
    public String getUrlName() {
        return "sweep-" + jobName;
    }
}
