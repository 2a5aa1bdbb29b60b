package io.jenkins.plugins.clustersweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.spec.FailOn;
import dev.clustersweep.spec.ProgressLine;
import dev.clustersweep.spec.SweepResult;
import dev.clustersweep.spec.SweepSpec;
import dev.clustersweep.spec.SweepSummary;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;
import jenkins.util.Timer;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code clusterSweep}: runs one program over a grid of arguments as a job array on Slurm, Grid
 * Engine or the agent's cores, waits for the tasks (surviving a controller restart), relaunches
 * failed ones for {@code retries}, archives the sweep's logs and records under
 * {@code sweep/JOBNAME/}, and returns a map of the outcome.
 *
 * <p>The step's fields are those of a spec file and of the command line ({@link SweepSpec#FIELDS});
 * {@code spec} names a YAML or JSON spec file in the working directory, and fields given to the
 * step override the file's, field by field. Everything is checked before anything is written or
 * submitted. All the work is the engine's; this class only moves small maps between the controller
 * and the agent and turns the outcome into a build result.
 */
public final class ClusterSweepStep extends Step {

    private String spec;
    private String command;
    private String jobName;
    private Map<String, Object> args;
    private List<Object> posArgs;
    private List<String> flags;
    private Object tag;
    private List<String> tagArgs;
    private Boolean tagNumber;
    private String argMode;
    private String backend;
    private Integer cpus;
    private Integer gpus;
    private String mem;
    private String duration;
    private String partition;
    private String account;
    private String qos;
    private String constraint;
    private String exclude;
    private String nodelist;
    private String queue;
    private Integer signalBefore;
    private List<String> extraOptions;
    private Integer maxTasks;
    private Integer tasksPerNode;
    private Integer maxTasksPerNode;
    private Integer killGrace;
    private String tasks;
    private String venv;
    private String conda;
    private Map<String, Object> env;
    private String setup;
    private Boolean wait;
    private Integer retries;
    private String failOn;

    @DataBoundConstructor
    public ClusterSweepStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** The fields given, by their spec names, for the engine to check and bind. */
    LinkedHashMap<String, Object> fields() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        put(m, "command", command);
        put(m, "jobName", jobName);
        put(m, "args", args);
        put(m, "posArgs", posArgs);
        put(m, "flags", flags);
        put(m, "tag", tag);
        put(m, "tagArgs", tagArgs);
        put(m, "tagNumber", tagNumber);
        put(m, "argMode", argMode);
        put(m, "backend", backend);
        put(m, "cpus", cpus);
        put(m, "gpus", gpus);
        put(m, "mem", mem);
        put(m, "duration", duration);
        put(m, "partition", partition);
        put(m, "account", account);
        put(m, "qos", qos);
        put(m, "constraint", constraint);
        put(m, "exclude", exclude);
        put(m, "nodelist", nodelist);
        put(m, "queue", queue);
        put(m, "signalBefore", signalBefore);
        put(m, "extraOptions", extraOptions);
        put(m, "maxTasks", maxTasks);
        put(m, "tasksPerNode", tasksPerNode);
        put(m, "maxTasksPerNode", maxTasksPerNode);
        put(m, "killGrace", killGrace);
        put(m, "tasks", tasks);
        put(m, "venv", venv);
        put(m, "conda", conda);
        put(m, "env", env);
        put(m, "setup", setup);
        put(m, "wait", wait);
        put(m, "retries", retries);
        put(m, "failOn", failOn);
        return m;
    }

    private static void put(Map<String, Object> m, String name, Object value) {
        if (value instanceof String s && s.isBlank()) {
            return; // an empty form field is no field
        }
        if (value != null) {
            m.put(name, value);
        }
    }

    // ------------------------------------------------------------------ fields

    public String getSpec() {
        return spec;
    }

    /** A YAML or JSON spec file, relative to the working directory; step fields override its fields. */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = Util.fixEmptyAndTrim(spec);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Util.fixEmpty(command);
    }

    public String getJobName() {
        return jobName;
    }

    @DataBoundSetter
    public void setJobName(String jobName) {
        this.jobName = Util.fixEmptyAndTrim(jobName);
    }

    public Map<String, Object> getArgs() {
        return args;
    }

    /** Name to list of values, in order; a Groovy map literal keeps its order. */
    @DataBoundSetter
    public void setArgs(Map<String, Object> args) {
        this.args = args == null ? null : new LinkedHashMap<>(args);
    }

    public List<Object> getPosArgs() {
        return posArgs;
    }

    @DataBoundSetter
    public void setPosArgs(List<Object> posArgs) {
        this.posArgs = posArgs;
    }

    public List<String> getFlags() {
        return flags;
    }

    @DataBoundSetter
    public void setFlags(List<String> flags) {
        this.flags = flags;
    }

    public Object getTag() {
        return tag;
    }

    /** {@code true} for {@code --tag}, or the name of the argument that takes the tag. */
    @DataBoundSetter
    public void setTag(Object tag) {
        this.tag = tag;
    }

    public List<String> getTagArgs() {
        return tagArgs;
    }

    @DataBoundSetter
    public void setTagArgs(List<String> tagArgs) {
        this.tagArgs = tagArgs;
    }

    public Boolean getTagNumber() {
        return tagNumber;
    }

    @DataBoundSetter
    public void setTagNumber(Boolean tagNumber) {
        this.tagNumber = tagNumber;
    }

    public String getArgMode() {
        return argMode;
    }

    @DataBoundSetter
    public void setArgMode(String argMode) {
        this.argMode = Util.fixEmptyAndTrim(argMode);
    }

    public String getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = Util.fixEmptyAndTrim(backend);
    }

    public Integer getCpus() {
        return cpus;
    }

    @DataBoundSetter
    public void setCpus(Integer cpus) {
        this.cpus = cpus;
    }

    public Integer getGpus() {
        return gpus;
    }

    @DataBoundSetter
    public void setGpus(Integer gpus) {
        this.gpus = gpus;
    }

    public String getMem() {
        return mem;
    }

    @DataBoundSetter
    public void setMem(String mem) {
        this.mem = Util.fixEmptyAndTrim(mem);
    }

    public String getDuration() {
        return duration;
    }

    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = Util.fixEmptyAndTrim(duration);
    }

    public String getPartition() {
        return partition;
    }

    @DataBoundSetter
    public void setPartition(String partition) {
        this.partition = Util.fixEmptyAndTrim(partition);
    }

    public String getAccount() {
        return account;
    }

    @DataBoundSetter
    public void setAccount(String account) {
        this.account = Util.fixEmptyAndTrim(account);
    }

    public String getQos() {
        return qos;
    }

    @DataBoundSetter
    public void setQos(String qos) {
        this.qos = Util.fixEmptyAndTrim(qos);
    }

    public String getConstraint() {
        return constraint;
    }

    @DataBoundSetter
    public void setConstraint(String constraint) {
        this.constraint = Util.fixEmptyAndTrim(constraint);
    }

    public String getExclude() {
        return exclude;
    }

    @DataBoundSetter
    public void setExclude(String exclude) {
        this.exclude = Util.fixEmptyAndTrim(exclude);
    }

    public String getNodelist() {
        return nodelist;
    }

    @DataBoundSetter
    public void setNodelist(String nodelist) {
        this.nodelist = Util.fixEmptyAndTrim(nodelist);
    }

    public String getQueue() {
        return queue;
    }

    @DataBoundSetter
    public void setQueue(String queue) {
        this.queue = Util.fixEmptyAndTrim(queue);
    }

    public Integer getSignalBefore() {
        return signalBefore;
    }

    @DataBoundSetter
    public void setSignalBefore(Integer signalBefore) {
        this.signalBefore = signalBefore;
    }

    public List<String> getExtraOptions() {
        return extraOptions;
    }

    @DataBoundSetter
    public void setExtraOptions(List<String> extraOptions) {
        this.extraOptions = extraOptions;
    }

    public Integer getMaxTasks() {
        return maxTasks;
    }

    @DataBoundSetter
    public void setMaxTasks(Integer maxTasks) {
        this.maxTasks = maxTasks;
    }

    public Integer getTasksPerNode() {
        return tasksPerNode;
    }

    @DataBoundSetter
    public void setTasksPerNode(Integer tasksPerNode) {
        this.tasksPerNode = tasksPerNode;
    }

    public Integer getMaxTasksPerNode() {
        return maxTasksPerNode;
    }

    @DataBoundSetter
    public void setMaxTasksPerNode(Integer maxTasksPerNode) {
        this.maxTasksPerNode = maxTasksPerNode;
    }

    public Integer getKillGrace() {
        return killGrace;
    }

    @DataBoundSetter
    public void setKillGrace(Integer killGrace) {
        this.killGrace = killGrace;
    }

    public String getTasks() {
        return tasks;
    }

    @DataBoundSetter
    public void setTasks(String tasks) {
        this.tasks = Util.fixEmptyAndTrim(tasks);
    }

    public String getVenv() {
        return venv;
    }

    @DataBoundSetter
    public void setVenv(String venv) {
        this.venv = Util.fixEmptyAndTrim(venv);
    }

    public String getConda() {
        return conda;
    }

    @DataBoundSetter
    public void setConda(String conda) {
        this.conda = Util.fixEmptyAndTrim(conda);
    }

    public Map<String, Object> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(Map<String, Object> env) {
        this.env = env == null ? null : new LinkedHashMap<>(env);
    }

    public String getSetup() {
        return setup;
    }

    /** Shell lines run before each task, one per line. */
    @DataBoundSetter
    public void setSetup(String setup) {
        this.setup = Util.fixEmpty(setup);
    }

    public Boolean getWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(Boolean wait) {
        this.wait = wait;
    }

    public Integer getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn);
    }

    /**
     * A form (the Snippet Generator's) posts every select and checkbox; what is at its default was not
     * set by anyone, so it is dropped, and the snippet shows only what was. Not done in the setters:
     * a Pipeline's explicit {@code wait: true} must still win over a spec file's {@code wait: false}.
     */
    ClusterSweepStep dropFormDefaults() {
        tagNumber = Settings.TAG_NUMBER.unlessDefault(tagNumber);
        argMode = Settings.ARG_MODE.unlessDefault(argMode);
        wait = Settings.WAIT.unlessDefault(wait);
        retries = Settings.RETRIES.unlessDefault(retries);
        failOn = Settings.FAIL_ON.unlessDefault(failOn);
        killGrace = Settings.KILL_GRACE.unlessDefault(killGrace);
        return this;
    }

    // ------------------------------------------------------------------ execution

    /**
     * Launches on the agent, then polls from {@link Timer} with backoff until the sweep has ended.
     * Nothing here blocks the CPS VM thread: {@link #start()} only checks the fields and schedules.
     * What must survive a restart is plain data (node name, working directory, job name, limits, the
     * last progress line); {@link #onResume()} finds the directory again and goes on polling, and the
     * engine reads everything else from the sweep directory.
     */
    @Restricted(NoExternalUse.class)
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "the transient fields are caches and timers, set up again in onResume")
    public static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        /** How long an agent may stay offline before the step gives up (the tasks go on; see the log). */
        static final long AGENT_TIMEOUT_MILLIS = SystemProperties.getLong(ClusterSweepStep.class.getName()
                + ".AGENT_TIMEOUT_MILLIS", TimeUnit.MINUTES.toMillis(5));
        /** Limit on one launch (writing a large grid, submitting many arrays). */
        static final long LAUNCH_TIMEOUT_SECONDS = SystemProperties.getLong(ClusterSweepStep.class.getName()
                + ".LAUNCH_TIMEOUT_SECONDS", 600L);
        /** Limit on one poll, cancel or artifact listing. */
        static final long REMOTE_TIMEOUT_SECONDS = SystemProperties.getLong(ClusterSweepStep.class.getName()
                + ".REMOTE_TIMEOUT_SECONDS", 300L);
        /** Polls in a row that may fail (scheduler not answering) before the step fails. */
        static final int MAX_POLL_FAILURES = 10;
        private static final double BACKOFF = 1.5;

        private final transient ClusterSweepStep step;
        private transient FilePath dir;
        private transient volatile ScheduledFuture<?> task;
        private transient long interval;
        private transient long offlineSince;
        private transient int pollFailures;
        private transient long stopDeadline;
        private transient Throwable stopCause;

        private String node;
        private String remote;
        private LinkedHashMap<String, Object> fields;
        private String specFile;
        private LinkedHashMap<String, Object> defaults;
        private long minPollMillis;
        private long maxPollMillis;
        private String jobName;
        private int retries;
        private String failOn = FailOn.FAILURE.name();
        private boolean await = true;
        private boolean launched;
        private String lastLine;
        /** Submissions that are not retries: 1, plus one per relaunch from the page; a relaunch build's own count. */
        private int base = 1;
        /** The task ids this run is about (a relaunch build's), or null for the whole sweep. */
        private String scope;
        /** From a {@link RelaunchAction} on the build: relaunch these ids of this job name's sweep. */
        private String relaunchJob;
        private String relaunchIds;
        private String relaunchOrigin;
        private volatile boolean stopping;
        /** Set by the first beginStop; not kept over a restart, where stop() may come again. */
        private transient boolean stopBegun;
        private volatile boolean done;

        Execution(ClusterSweepStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            dir = context.get(FilePath.class);
            if (dir == null) {
                throw new AbortException(Messages.ClusterSweepStep_NoWorkspace());
            }
            node = FilePathUtils.getNodeName(dir);
            remote = dir.getRemote();
            specFile = step.spec;
            RelaunchAction relaunch = RelaunchAction.of(context.get(Run.class));
            if (relaunch != null) {
                relaunchJob = relaunch.getJobName();
                relaunchIds = relaunch.getIds();
                relaunchOrigin = relaunch.origin();
            }
            try {
                fields = SweepSpec.checkFields(step.fields());
                if (specFile == null) {
                    // The whole spec is here: check all of it now, before anything reaches the agent.
                    SweepSpec spec = SweepSpec.fromMap(fields);
                    jobName = spec.jobName();
                    retries = spec.retries();
                    failOn = spec.failOn().name();
                    await = spec.await();
                }
            } catch (BadInputException e) {
                throw new AbortException(Messages.ClusterSweepStep_BadInput(e.getMessage()));
            }
            ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
            defaults = config.toDefaults().toMap();
            minPollMillis = config.minPollMillis();
            maxPollMillis = config.maxPollMillis();
            task = Timer.get().schedule(this::launch, 0, TimeUnit.MILLISECONDS);
            return false;
        }

        /** On a timer thread: write the grid and submit it on the agent. */
        private void launch() {
            task = null;
            try {
                FilePath work = workspace();
                if (work == null) {
                    task = Timer.get().schedule(this::launch, 5, TimeUnit.SECONDS);
                    return;
                }
                LinkedHashMap<String, Object> out;
                try (Timeout timeout = Timeout.limit(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    out = work.act(new SweepCallables.Launch(fields, specFile, defaults, relaunchJob, relaunchIds,
                            relaunchOrigin));
                }
                jobName = (String) out.get("spec.jobName");
                retries = ((Number) out.get("spec.retries")).intValue();
                failOn = (String) out.get("spec.failOn");
                await = (Boolean) out.get("spec.wait");
                launched = true;
                SweepSummary summary = SweepSummary.fromMap(out);
                if (out.containsKey("relaunch.base")) {
                    base = ((Number) out.get("relaunch.base")).intValue();
                    scope = (String) out.get("relaunch.scope");
                    log(Messages.ClusterSweepStep_Relaunched(jobName, relaunchOrigin, out.get("relaunch.message")));
                } else {
                    log(Messages.ClusterSweepStep_Launched(summary.tasks(), jobName, summary.backend(), node.isEmpty()
                            ? Messages.ClusterSweepStep_BuiltInNode() : node, summary.sweepDir()));
                }
                getContext().saveState();
                Run<?, ?> run = getContext().get(Run.class);
                SweepAction.of(run, jobName).started(summary, node, remote);
                run.save();
                SweepWaits.register(run, jobName, this::wake);
                if (stopping) {
                    beginStop();
                } else if (!await) {
                    finish(summary, false);
                } else {
                    interval = minPollMillis;
                    schedule(this::check, interval);
                }
            } catch (Throwable x) {
                done = true;
                getContext().onFailure(channelLost(x)
                        ? new AbortException(Messages.ClusterSweepStep_AgentLostDuringLaunch(node.isEmpty()
                                ? Messages.ClusterSweepStep_BuiltInNode() : node, jobName != null ? jobName : specFile, remote))
                        : x);
            }
        }

        /** The agent's channel closed under a remote call (seen as a ClosedChannelException, often proxied). */
        static boolean channelLost(Throwable x) {
            for (Throwable t = x; t != null; t = t.getCause()) {
                if (t instanceof java.nio.channels.ClosedChannelException
                        || t instanceof hudson.remoting.ChannelClosedException
                        || String.valueOf(t.getMessage()).contains("ClosedChannelException")) {
                    return true;
                }
            }
            return false;
        }

        /** On a timer thread: one poll (which may relaunch failed tasks); ends the step when the sweep has ended. */
        private void check() {
            task = null;
            if (done || stopping) {
                return;
            }
            try {
                FilePath work = workspace();
                if (work == null) {
                    schedule(this::check, Math.min(maxPollMillis, 15_000));
                    return;
                }
                Run<?, ?> run = getContext().get(Run.class);
                SweepAction action = SweepAction.of(run, jobName);
                relaunchQueued(work, action);
                LinkedHashMap<String, Object> out;
                try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    out = work.act(new SweepCallables.Advance(jobName, retries, base, scope));
                    pollFailures = 0;
                } catch (AbortException e) {
                    // The scheduler did not answer (or answered nonsense): ask again, a few times.
                    if (++pollFailures >= MAX_POLL_FAILURES) {
                        throw e;
                    }
                    log(Messages.ClusterSweepStep_PollFailed(pollFailures, MAX_POLL_FAILURES, e.getMessage()));
                    backoffAndCheck();
                    return;
                } catch (IOException | InterruptedException e) {
                    LOGGER.log(Level.FINE, "could not poll " + remote + " on " + node, e);
                    dir = null; // the agent may have gone; find it again next time
                    backoffAndCheck();
                    return;
                }
                SweepSummary summary = SweepSummary.fromMap(out);
                String line = ProgressLine.changed(lastLine, summary);
                if (line != null) {
                    log(line);
                    lastLine = line;
                    getContext().saveState();
                }
                if (summary.relaunchedIds() != null) {
                    log(Messages.ClusterSweepStep_Retry(summary.retriesUsed(), retries, summary.relaunchedIds()));
                    interval = minPollMillis;
                    schedule(this::check, interval);
                } else if (summary.finished() && action.hasQueuedRelaunches()) {
                    schedule(this::check, 0); // a relaunch came in since this poll began
                } else if (summary.finished()) {
                    finish(summary, false);
                } else {
                    backoffAndCheck();
                }
            } catch (Throwable x) {
                done = true;
                unregister();
                getContext().onFailure(x);
            }
        }

        /**
         * Launches the relaunches queued on the build page (taken from the build's action, where they
         * survive a restart); the step then waits for them as for the rest. A failure is logged: the
         * sweep goes on.
         */
        private void relaunchQueued(FilePath work, SweepAction action) throws Exception {
            String ids = action.takeRelaunches();
            if (ids == null) {
                return;
            }
            try (Timeout timeout = Timeout.limit(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                Map<String, String> plan = work.act(new SweepCallables.Act(jobName, "RELAUNCH", ids,
                        new java.util.ArrayList<>(), false, false));
                if (!plan.get("acted").isEmpty()) {
                    base++;
                    if (scope != null) {
                        scope = TaskList.parse(scope).union(TaskList.parse(plan.get("acted"))).toString();
                    }
                    interval = minPollMillis;
                    getContext().saveState();
                }
                log(Messages.ClusterSweepStep_RelaunchFromPage(plan.get("message")));
            } catch (AbortException e) {
                log(Messages.ClusterSweepStep_RelaunchFromPageFailed(ids, e.getMessage()));
            }
        }

        /** The page queued a relaunch: poll now rather than at the end of the interval. */
        private void wake() {
            ScheduledFuture<?> t = task;
            if (!done && !stopping && t != null && t.cancel(false)) {
                schedule(this::check, 0);
            }
        }

        private void backoffAndCheck() {
            interval = Math.min(maxPollMillis, Math.max(minPollMillis, (long) (interval * BACKOFF)));
            schedule(this::check, interval);
        }

        private void schedule(Runnable r, long millis) {
            task = Timer.get().schedule(r, millis, TimeUnit.MILLISECONDS);
        }

        /**
         * The sweep has ended (or the step does not wait): archive, record, and end the step with the
         * result map, UNSTABLE (as the {@code unstable} step does it) or a failure.
         */
        private void finish(SweepSummary summary, boolean aborted) throws Exception {
            done = true;
            SweepResult result = new SweepResult(summary, FailOn.named(failOn), await, aborted);
            // The last progress line already told it: say only what it adds ("after 2 retries"); the
            // unsuccessful ids come in the result's own message below.
            String line = result.line();
            if (lastLine == null || !(line.equals(lastLine) || line.startsWith(lastLine + "; unsuccessful tasks"))) {
                log(line);
            }
            Run<?, ?> run = getContext().get(Run.class);
            keep(run, result);
            switch (result.result()) {
                case "SUCCESS" -> getContext().onSuccess(result.toMap());
                case "UNSTABLE" -> {
                    String message = Messages.ClusterSweepStep_Unsuccessful(summary.unsuccessful(), jobName,
                            summary.unsuccessfulIds());
                    getContext().get(FlowNode.class).addOrReplaceAction(
                            new WarningAction(Result.UNSTABLE).withMessage(message));
                    run.setResult(Result.UNSTABLE);
                    log("WARNING: " + message);
                    getContext().onSuccess(result.toMap());
                }
                case "ABORTED" -> getContext().onFailure(stopCause != null ? stopCause
                        : new AbortException(Messages.ClusterSweepStep_Aborted(jobName)));
                default -> getContext().onFailure(new AbortException(Messages.ClusterSweepStep_Unsuccessful(
                        summary.unsuccessful(), jobName, summary.unsuccessfulIds())));
            }
        }

        /**
         * Archives the sweep's files under {@code sweep/JOBNAME/} as ArtifactArchiverStepExecution
         * does, writes the per-task table into the build directory and records the summary in the
         * build's {@link SweepAction}. Failures here are logged, never fatal: the sweep's outcome
         * stands.
         */
        private void keep(Run<?, ?> run, SweepResult result) {
            TaskListener listener = listener();
            try {
                FilePath work = workspace();
                if (work != null) {
                    SweepArchive.keep(run, work, getContext().get(Launcher.class), listener, jobName,
                            REMOTE_TIMEOUT_SECONDS);
                }
            } catch (Exception e) {
                listener.error(Messages.ClusterSweepStep_KeepFailed(jobName, e.toString()));
                LOGGER.log(Level.FINE, "archiving sweep " + jobName, e);
            }
            SweepAction.of(run, jobName).update(result, node);
            SweepWaits.unregister(run, jobName);
        }

        /**
         * The build was aborted: cancel the sweep's active tasks, wait a little for their wrappers to
         * record it, keep what there is, and end with the cause. Runs on timer threads, never the
         * caller's.
         */
        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            stopCause = cause;
            stopping = true;
            ScheduledFuture<?> t = task;
            boolean unscheduled = t != null && t.cancel(false);
            if (done) {
                return;
            }
            if (!launched) {
                if (unscheduled) {
                    // The launch had not started: nothing was written or submitted.
                    done = true;
                    getContext().onFailure(cause);
                }
                // Otherwise the launch is under way; it sees the flag and cancels what it submitted.
                return;
            }
            Timer.get().submit(this::beginStop);
        }

        private void beginStop() {
            // stop() and a launch that just finished can both get here: one cancel, one wait.
            if (done || !claimStop()) {
                return;
            }
            try {
                log(Messages.ClusterSweepStep_Cancelling(jobName));
                FilePath work = workspace();
                if (work != null) {
                    try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        work.act(new SweepCallables.Cancel(jobName));
                    }
                }
                long grace = fields.get("killGrace") instanceof Number n ? n.longValue() : 10;
                stopDeadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(grace + 20);
                schedule(this::awaitCancelled, 500);
            } catch (Throwable x) {
                LOGGER.log(Level.FINE, "cancelling sweep " + jobName, x);
                listener().error(Messages.ClusterSweepStep_CancelFailed(jobName, x.toString()));
                endStopped(null);
            }
        }

        private synchronized boolean claimStop() {
            if (stopBegun) {
                return false;
            }
            stopBegun = true;
            return true;
        }

        /** Polls (without retrying anything) until the cancelled tasks have ended, or the deadline. */
        private void awaitCancelled() {
            if (done) {
                return;
            }
            SweepSummary summary = null;
            try {
                FilePath work = workspace();
                if (work != null) {
                    try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        summary = SweepSummary.fromMap(work.act(new SweepCallables.Advance(jobName, 0)));
                    }
                }
            } catch (Throwable x) {
                LOGGER.log(Level.FINE, "polling cancelled sweep " + jobName, x);
            }
            if ((summary == null || !summary.finished()) && System.currentTimeMillis() < stopDeadline) {
                schedule(this::awaitCancelled, 1000);
                return;
            }
            endStopped(summary);
        }

        private void endStopped(@CheckForNull SweepSummary summary) {
            if (summary != null) {
                try {
                    log(summary.line());
                    finish(summary, true);
                    return;
                } catch (Throwable x) {
                    LOGGER.log(Level.FINE, "recording aborted sweep " + jobName, x);
                }
            }
            done = true;
            unregister();
            getContext().onFailure(stopCause);
        }

        private void unregister() {
            try {
                Run<?, ?> run = getContext().get(Run.class);
                if (run != null && jobName != null) {
                    SweepWaits.unregister(run, jobName);
                }
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, null, e);
            }
        }

        @Override
        public void onResume() {
            dir = null;
            interval = minPollMillis;
            if (done) {
                return;
            }
            if (stopping) {
                done = true;
                getContext().onFailure(new AbortException(Messages.ClusterSweepStep_StoppedAcrossRestart(jobName)));
            } else if (!launched) {
                // The controller went down during the launch: we cannot tell what was submitted.
                done = true;
                getContext().onFailure(new AbortException(Messages.ClusterSweepStep_RestartDuringLaunch(
                        jobName == null ? "?" : jobName, remote)));
            } else {
                log(Messages.ClusterSweepStep_Resumed(jobName));
                try {
                    SweepWaits.register(getContext().get(Run.class), jobName, this::wake);
                } catch (IOException | InterruptedException e) {
                    LOGGER.log(Level.FINE, "no run for " + jobName, e);
                }
                schedule(this::check, minPollMillis);
            }
        }

        @Override
        public String getStatus() {
            if (!launched) {
                return "launching sweep in " + remote + " on " + node;
            }
            return (done ? "done: " : "waiting for ") + (lastLine != null ? lastLine : jobName) + " in " + remote
                    + " on " + (node.isEmpty() ? "the built-in node" : node);
        }

        /**
         * The working directory, found again after a restart or a reconnect; null while its agent is
         * offline, an error once it has been offline longer than {@link #AGENT_TIMEOUT_MILLIS}.
         */
        private @CheckForNull FilePath workspace() throws IOException, InterruptedException {
            if (dir == null) {
                dir = FilePathUtils.find(node, remote);
                if (dir == null) {
                    long now = System.currentTimeMillis();
                    if (offlineSince == 0) {
                        offlineSince = now;
                        log(Messages.ClusterSweepStep_AgentOffline(node,
                                hudson.Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS)));
                    } else if (now - offlineSince > AGENT_TIMEOUT_MILLIS) {
                        throw new AbortException(Messages.ClusterSweepStep_AgentGone(node,
                                hudson.Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS), jobName, remote));
                    }
                    return null;
                }
                if (offlineSince != 0) {
                    offlineSince = 0;
                    log(Messages.ClusterSweepStep_AgentBack(node));
                }
            }
            return dir;
        }

        private TaskListener listener() {
            try {
                TaskListener l = getContext().get(TaskListener.class);
                return l != null ? l : TaskListener.NULL;
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, null, e);
                return TaskListener.NULL;
            }
        }

        private void log(String line) {
            listener().getLogger().println("[clusterSweep] " + line);
        }
    }

    // ------------------------------------------------------------------ descriptor

    @Extension
    @Symbol("clusterSweep")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "clusterSweep";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClusterSweepStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class);
        }

        public ListBoxModel doFillBackendItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ClusterSweepStep_SiteDefaultBackend(), "");
            for (String name : Backends.names()) {
                items.add(name);
            }
            return items;
        }

        public ListBoxModel doFillArgModeItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("argparse");
            items.add("hydra");
            return items;
        }

        public ListBoxModel doFillFailOnItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ClusterSweepStep_FailOn_FAILURE(), FailOn.FAILURE.name());
            items.add(Messages.ClusterSweepStep_FailOn_UNSTABLE(), FailOn.UNSTABLE.name());
            return items;
        }

        /**
         * Pipeline only warns of an argument it does not know, and drops it: a misspelt {@code cpu: 2}
         * would run with the default. Bound here through the one settings binder first, an unknown
         * name or a value of the wrong type fails the step before anything is submitted, in the
         * Pipeline's own words ({@code unknown argument 'cpu' (did you mean 'cpus'?)}).
         */
        @Override
        public Step newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject formData)
                throws hudson.model.Descriptor.FormException {
            return ((ClusterSweepStep) super.newInstance(req, formData)).dropFormDefaults();
        }

        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            Map<String, Object> settings = new java.util.LinkedHashMap<>(arguments);
            settings.remove("spec"); // the file the settings come from, not a setting
            try {
                SettingsBinder.bind(settings, Caller.PIPELINE);
            } catch (BadInputException e) {
                throw new AbortException(Messages.ClusterSweepStep_BadInput(e.getMessage()));
            }
            return super.newInstance(arguments);
        }

        @POST
        public FormValidation doCheckJobName(@QueryParameter String value, @AncestorInPath Item item) {
            checkPermission(item);
            String v = Util.fixEmptyAndTrim(value);
            return v == null ? FormValidation.ok() : parse(() -> SweepDirectory.checkJobName(v));
        }

        @POST
        public FormValidation doCheckMem(@QueryParameter String value, @AncestorInPath Item item) {
            checkPermission(item);
            String v = Util.fixEmptyAndTrim(value);
            return v == null ? FormValidation.ok() : parse(() -> Memory.parseMegabytes(v));
        }

        @POST
        public FormValidation doCheckDuration(@QueryParameter String value, @AncestorInPath Item item) {
            checkPermission(item);
            String v = Util.fixEmptyAndTrim(value);
            return v == null ? FormValidation.ok() : parse(() -> Durations.parseSeconds(v));
        }

        @POST
        public FormValidation doCheckTasks(@QueryParameter String value, @AncestorInPath Item item) {
            checkPermission(item);
            String v = Util.fixEmptyAndTrim(value);
            return v == null ? FormValidation.ok() : parse(() -> TaskList.parse(v));
        }

        private static void checkPermission(Item item) {
            if (item != null) {
                item.checkPermission(Item.CONFIGURE);
            } else {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            }
        }

        private static FormValidation parse(Runnable check) {
            try {
                check.run();
                return FormValidation.ok();
            } catch (BadInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
