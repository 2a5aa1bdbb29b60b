package io.jenkins.plugins.clustersweep.run;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.launchers.LaunchersFile;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.LogExcerpt;
import dev.clustersweep.page.LogLink;
import dev.clustersweep.page.PageActions;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.FailOn;
import dev.clustersweep.settings.PartsPlan;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.sweep.ArchiveFiles;
import dev.clustersweep.sweep.Snapshot;
import dev.clustersweep.tasks.TaskList;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import jenkins.agents.ControllerToAgentFileCallable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the plugin asks of the agent that holds a sweep's working directory, each call one
 * {@link hudson.FilePath#act} on that directory, each answer a typed record: the engine's own
 * ({@link RunState}, {@link SweepLoop.Turn}, {@link SweepProgress}, which Jenkins' class filter
 * admits because the engine's jar says it may) or a small one of the plugin's. All the logic is the
 * engine's ({@link Sweep}, {@link SweepLoop}, {@link PageActions}); these only call it.
 *
 * <p>The engine runs the scheduler's commands (sbatch, squeue, ...) with {@link ProcessBuilder}
 * inside the agent's JVM, from these calls: the sweep directory and the scheduler's client are on
 * the agent, and the engine handles quoting, retries and parsing there. {@link hudson.Launcher}
 * would split every scheduler call in two across the channel for nothing.
 */
@Restricted(NoExternalUse.class)
public final class SweepCallables {

    private SweepCallables() {
    }

    /** Engine errors a user can fix become {@link AbortException}s: one line in the build log, no stack trace. */
    private static AbortException abort(BadInputException e) {
        return new AbortException(e.getMessage());
    }

    private static AbortException abort(BackendException e) {
        return new AbortException("scheduler error: " + e.getMessage());
    }

    /** A call on the sweep's working directory that ends in an {@link #abort} on the engine's errors. */
    interface EngineCall<T> extends ControllerToAgentFileCallable<T> {

        T call(Path work) throws IOException, BackendException;

        @Override
        default T invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return call(dir.toPath());
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /**
     * A build started by "Relaunch selected" on an earlier build's page: these ids of that sweep.
     *
     * @param origin where the sweep ran before ("build #12 in /ws on node x"), for messages
     */
    public record RelaunchOf(String jobName, String ids, String origin) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * What a launch did, with what the caller needs of the settings to follow the run.
     *
     * @param state the run's first state, or null when nothing was launched
     * @param progress the run's tasks just after the launch, or null with no state
     * @param relaunched for a relaunch build, the plan in words ("Relaunch 1 task: ..."), else null
     * @param settings the step's settings as bound on the agent (over its spec file): what the run's
     *     end reads of them (the metric, the regression gate); null in a run saved by an older version
     */
    /**
     * The commits the tasks run from ({@code snapshot}), for the build page. The tasks are queued by
     * now: a listing that fails shows none rather than failing a launch that happened.
     */
    static List<String> code(Sweep sweep) {
        try {
            return Snapshot.commits(sweep.directory());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public record Launched(String jobName, String sweepDir, String backend, int killGrace, FailOn failOn, boolean await,
            RunState state, SweepProgress progress, String relaunched, SweepSettings settings, List<String> code)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public Launched {
            code = code == null ? List.of() : List.copyOf(code); // null in one an older version saved
        }
    }

    /**
     * Binds the settings (over a spec file in the working directory when one is named), writes the
     * grid and submits it, as a fresh run: an earlier run's finished directory of the same name is
     * cleared. In a relaunch build whose job name is the relaunched one, only those ids of the sweep
     * already there are launched again, with its own jobs.json and saved settings.
     */
    public record Start(SweepSettings given, String specFile, SiteDefaults site, PollPolicy policy, RelaunchOf relaunch)
            implements EngineCall<Launched> {

        private static final long serialVersionUID = 1L;

        @Override
        public Launched call(Path work) throws IOException, BackendException {
            SweepSettings settings = specFile == null ? given.checkSweep(Caller.PIPELINE)
                    : SettingsBinder.fromFile(work.resolve(specFile), given, Caller.PIPELINE);
            String jobName = settings.get(Settings.JOB_NAME);
            boolean relaunching = relaunch != null && relaunch.jobName().equals(jobName);
            // requires and parts: the launchers files are the agent's (its workspace's, its user's). A
            // relaunch goes back to each task's submission and chooses nothing again.
            LaunchersFile launchers = LaunchersFile.forWorkDir(work);
            PartsPlan parts = relaunching ? null : settings.partsPlan(launchers, null, null, Caller.PIPELINE);
            if (!relaunching) {
                settings = parts != null ? parts.own() : settings.withLauncher(settings.launcherChoice(launchers),
                        Caller.PIPELINE);
            }
            int retries = settings.get(Settings.RETRIES);
            Sweep sweep = Sweep.open(work, jobName);
            SweepLoop loop = new SweepLoop(sweep, policy);
            RunState state;
            String relaunched = null;
            if (relaunching) {
                PageActions.Relaunch r;
                try {
                    r = PageActions.existing(sweep).relaunch(TaskList.parse(relaunch.ids()), retries, policy);
                } catch (BadInputException e) {
                    throw new AbortException("cannot relaunch tasks " + relaunch.ids() + " of sweep '" + jobName
                            + "' (" + relaunch.origin() + "): " + e.getMessage());
                }
                state = r.state();
                relaunched = r.plan().message();
            } else {
                sweep.clearFinished(); // before the snapshot, which is copied into the run's directory
                Snapshot taken = settings.has(Settings.SNAPSHOT)
                        ? settings.takeSnapshot(work, sweep.directory(), Caller.PIPELINE) : null;
                SweepSettings run = taken == null ? settings : settings.withSnapshot(taken);
                PartsPlan runParts = taken == null || parts == null ? parts : parts.withSnapshot(taken);
                boolean[] recorded = {false}; // tasks may run from the copy once a submission is recorded
                try {
                    // A search's first samples; its later ones are launched by the turns.
                    state = run.has(Settings.SEARCH)
                            ? loop.startSearch(run.searchPlan(), run.launchOptions(site), false,
                                    s -> recorded[0] = true).state()
                            : loop.startCleared(runParts == null ? List.of(run.launchRequest(site, false))
                                    : runParts.requests(site, null, run.gridSpec(), false, false), retries,
                                    s -> recorded[0] = true).state();
                } catch (Exception e) {
                    if (taken != null && !recorded[0]) {
                        taken.discard(); // a refused launch leaves nothing, not even the copy it made
                    }
                    throw e;
                }
                settings = run;
                if (state != null) { // tasks that ask to be continued, relaunched by the turns
                    state = state.withResumes(settings.get(Settings.MAX_RESUMES), settings.get(Settings.RESUME_CODE));
                }
            }
            SweepProgress progress = state == null ? null : loop.progress(state);
            // With parts, the first part's backend: the sweep's own may run no task at all.
            SweepSettings shown = parts == null ? settings : parts.launches().get(0).settings();
            return new Launched(jobName, sweep.directory().root().toString(),
                    shown.over(site.settings()).get(Settings.BACKEND), settings.get(Settings.KILL_GRACE),
                    settings.failOn(), settings.get(Settings.WAIT), state, progress, relaunched, settings,
                    code(sweep));
        }
    }

    /** One turn of the run's loop: poll, relaunch what was queued, retry; see {@link SweepLoop#turn}. */
    public record Turn(RunState state, PollPolicy policy) implements EngineCall<SweepLoop.Turn> {

        private static final long serialVersionUID = 1L;

        @Override
        public SweepLoop.Turn call(Path work) throws IOException, BackendException {
            return new SweepLoop(Sweep.open(work, state.jobName()), policy).turn(state);
        }
    }

    /** The run's progress, acting on nothing: what a build waits on once it cancelled its tasks. */
    public record Look(RunState state, PollPolicy policy) implements EngineCall<SweepProgress> {

        private static final long serialVersionUID = 1L;

        @Override
        public SweepProgress call(Path work) throws IOException, BackendException {
            return new SweepLoop(Sweep.open(work, state.jobName()), policy).progress(state);
        }
    }

    /** Cancels the sweep's active tasks; answers the ids a cancel was sent for. */
    public record Cancel(String jobName) implements EngineCall<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String call(Path work) throws IOException, BackendException {
            Sweep sweep = Sweep.open(work, jobName);
            return sweep.exists() ? sweep.cancel(null).toString() : "";
        }
    }

    /** Archive path ({@code sweep/JOBNAME/...}) to path relative to the working directory. */
    public record ListArtifacts(String jobName) implements ControllerToAgentFileCallable<LinkedHashMap<String, String>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, String> invoke(File dir, VirtualChannel channel) throws IOException {
            return new LinkedHashMap<>(ArchiveFiles.of(Sweep.open(dir.toPath(), jobName).directory(), "sweep/" + jobName));
        }
    }

    /**
     * Streams the per-task table, gzipped, to {@code out}: a {@link hudson.remoting.RemoteOutputStream}
     * onto a file in the build's directory on the controller, so that a large sweep never passes
     * through the controller's memory or build.xml.
     */
    public record WriteTaskTable(String jobName, OutputStream out) implements ControllerToAgentFileCallable<Void> {

        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File dir, VirtualChannel channel) throws IOException {
            try (OutputStream gz = new GZIPOutputStream(out)) {
                new PageActions(Sweep.open(dir.toPath(), jobName)).writeTaskTable(gz);
            } catch (BackendException e) {
                throw abort(e);
            }
            return null;
        }
    }

    /**
     * One page of the build page's task table, built on the agent from the sweep directory (only the
     * page's rows cross the channel), as {@code SweepPage.toJson()}: the form the page caches and serves.
     */
    public record Page(String jobName, String filter, int page, int size) implements ControllerToAgentFileCallable<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return PageActions.existing(Sweep.open(dir.toPath(), jobName))
                        .page(TaskFilter.parse(filter), new PageRequest(page, size)).toJson();
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /**
     * What a cancel or relaunch from the page did (or, planned only, would do).
     *
     * @param acted the ids acted on, condensed; "" for none
     * @param message the plan in words
     */
    public record Acted(String acted, String message) implements Serializable {

        private static final long serialVersionUID = 1L;

        public boolean nothing() {
            return acted.isEmpty();
        }
    }

    /** Cancel or relaunch the tasks picked on the build page, or only plan it ({@code dryRun}). */
    public record Act(String jobName, TaskAction action, String ids, ArrayList<String> checked, boolean allFailed,
            boolean dryRun) implements EngineCall<Acted> {

        private static final long serialVersionUID = 1L;

        public Act(String jobName, TaskAction action, String ids, List<String> checked, boolean allFailed, boolean dryRun) {
            this(jobName, action, ids, new ArrayList<>(checked), allFailed, dryRun);
        }

        @Override
        public Acted call(Path work) throws IOException, BackendException {
            ActionPlan plan = PageActions.existing(Sweep.open(work, jobName))
                    .act(action, new Selection(ids, checked, allFailed), dryRun);
            return new Acted(plan.acted().toString(), plan.message());
        }
    }

    /** The end of one attempt's log while the sweep runs; only {@code logs/ID.N.out|err} of the sweep can be named. */
    public record LogTail(String jobName, String relativePath, int maxBytes)
            implements EngineCall<LogExcerpt> {

        private static final long serialVersionUID = 1L;

        @Override
        public LogExcerpt call(Path work) throws IOException {
            return LogExcerpt.tail(LogLink.resolve(Sweep.open(work, jobName).directory(), relativePath), maxBytes);
        }
    }
}
