package io.jenkins.plugins.clustersweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.spec.FailOn;
import dev.clustersweep.spec.ProgressLine;
import dev.clustersweep.spec.SweepResult;
import dev.clustersweep.spec.SweepSpec;
import dev.clustersweep.spec.SweepSummary;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.validation.FieldCheck;
import dev.clustersweep.validation.FieldChecks;
import dev.clustersweep.validation.GridPreview;
import dev.clustersweep.validation.ValuesText;
import dev.clustersweep.validation.WholeNumber;
import dev.clustersweep.validation.WizardForm;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run cluster sweep": the build wizard for freestyle jobs. The form (command, parameter rows,
 * positional arguments, flags, tag, backend with its resources, throttling and packing, retries)
 * becomes the same field map as the {@code clusterSweep} Pipeline step's, and the sweep runs through
 * the same agent callables and core {@code SweepRun}; being a build step, it blocks its executor
 * until the sweep has ended, then archives under {@code sweep/JOBNAME/} and sets the build result
 * from {@code failOn}. Every field is checked as it is typed (core's {@link FieldChecks}), and
 * "Preview" shows the grid's size and first commands (core's {@link GridPreview}).
 */
public final class ClusterSweepBuilder extends Builder {

    static final WholeNumber RETRIES = new WholeNumber("retries", 0, 100, 0);

    private final String command;
    private final String jobName;
    private List<ParameterRow> parameters = new ArrayList<>();
    private String posArgs;
    private String flags;
    private boolean tag;
    private String tagName;
    private String tagArgs;
    private boolean tagNumber = true;
    private String argMode;
    private BackendChoice backend;
    private String maxTasks;
    private String tasksPerNode;
    private String maxTasksPerNode;
    private String killGrace;
    private String tasks;
    private String venv;
    private String conda;
    private String env;
    private String setup;
    private String retries;
    private String failOn;

    @DataBoundConstructor
    public ClusterSweepBuilder(String command, String jobName) {
        this.command = Util.fixEmpty(command);
        this.jobName = Util.fixEmptyAndTrim(jobName);
    }

    /**
     * The form as the step's field map ({@code SweepSpec.FIELDS}), for {@code SweepSpec.fromMap}.
     *
     * @throws BadInputException for a field core cannot read (a bad number, unbalanced quotes)
     */
    LinkedHashMap<String, Object> fields() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        BackendChoice.text(m, "command", command);
        BackendChoice.text(m, "jobName", jobName);
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        for (ParameterRow row : parameters) {
            if (row.getName() != null) {
                args.put(row.getName(), new ArrayList<>(ValuesText.parse(row.getValues() == null ? "" : row.getValues())));
            }
        }
        if (!args.isEmpty()) {
            m.put("args", args);
        }
        List<Object> positional = new ArrayList<>();
        for (String line : lines(posArgs)) {
            positional.add(new ArrayList<>(ValuesText.parse(line)));
        }
        if (!positional.isEmpty()) {
            m.put("posArgs", positional);
        }
        BackendChoice.words(m, "flags", flags);
        if (tag) {
            m.put("tag", tagName == null ? (Object) Boolean.TRUE : tagName);
            BackendChoice.words(m, "tagArgs", tagArgs);
            m.put("tagNumber", tagNumber);
        }
        BackendChoice.text(m, "argMode", argMode);
        if (backend != null) {
            backend.contribute(m);
        }
        BackendChoice.number(m, "maxTasks", maxTasks, WholeNumber.MAX_TASKS);
        BackendChoice.number(m, "tasksPerNode", tasksPerNode, WholeNumber.TASKS_PER_NODE);
        BackendChoice.number(m, "maxTasksPerNode", maxTasksPerNode, WholeNumber.MAX_TASKS_PER_NODE);
        BackendChoice.number(m, "killGrace", killGrace, WholeNumber.KILL_GRACE);
        BackendChoice.text(m, "tasks", tasks);
        BackendChoice.text(m, "venv", venv);
        BackendChoice.text(m, "conda", conda);
        LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
        for (String line : lines(env)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("bad environment line '" + line + "': expected NAME=value");
            }
            vars.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        if (!vars.isEmpty()) {
            m.put("env", vars);
        }
        if (setup != null && !setup.isBlank()) {
            m.put("setup", setup);
        }
        BackendChoice.number(m, "retries", retries, RETRIES);
        BackendChoice.text(m, "failOn", failOn);
        return m;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------ perform

    /**
     * Freestyle only: not a {@code SimpleBuildStep}, whose {@code @Symbol} Pipeline would offer as a
     * second, blocking step beside {@code clusterSweep} (the one that outlives restarts and holds no
     * executor while it waits).
     */
    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        FilePath workspace = build.getWorkspace();
        if (workspace == null) {
            throw new AbortException(Messages.ClusterSweepStep_NoWorkspace());
        }
        sweep(build, workspace, build.getEnvironment(listener), launcher, listener);
        return true;
    }

    private void sweep(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars envVars,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        LinkedHashMap<String, Object> checked;
        try {
            checked = SweepSpec.checkFields(fields());
            SweepSpec.fromMap(checked); // the whole spec is here: check it before anything reaches the agent
        } catch (BadInputException e) {
            throw new AbortException(Messages.ClusterSweepStep_BadInput(e.getMessage()));
        }
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        String node = FilePathUtils.getNodeName(workspace);
        RelaunchAction relaunch = RelaunchAction.of(run);
        Map<String, Object> out;
        try (Timeout timeout = Timeout.limit(ClusterSweepStep.Execution.LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            out = workspace.act(new SweepCallables.Launch(checked, null, config.toDefaults().toMap(),
                    relaunch == null ? null : relaunch.getJobName(), relaunch == null ? null : relaunch.getIds(),
                    relaunch == null ? null : relaunch.origin()));
        }
        String name = (String) out.get("spec.jobName");
        int maxRetries = ((Number) out.get("spec.retries")).intValue();
        FailOn failure = FailOn.named((String) out.get("spec.failOn"));
        SweepSummary summary = SweepSummary.fromMap(out);
        int base = 1;
        String scope = null;
        if (out.containsKey("relaunch.base")) {
            base = ((Number) out.get("relaunch.base")).intValue();
            scope = (String) out.get("relaunch.scope");
            log(listener, Messages.ClusterSweepStep_Relaunched(name, relaunch.origin(), out.get("relaunch.message")));
        } else {
            log(listener, Messages.ClusterSweepStep_Launched(summary.tasks(), name, summary.backend(),
                    node.isEmpty() ? Messages.ClusterSweepStep_BuiltInNode() : node, summary.sweepDir()));
        }
        SweepAction action = SweepAction.of(run, name);
        action.started(summary, node, workspace.getRemote());
        run.save();
        BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
        SweepWaits.register(run, name, () -> wakeups.add(Boolean.TRUE)); // unbounded: never full
        boolean aborted = false;
        InterruptedException interruption = null;
        ProgressLine progress = new ProgressLine();
        long minPoll = config.minPollMillis();
        long interval = minPoll;
        int failures = 0;
        try {
            while (true) {
                String queued = action.takeRelaunches();
                if (queued != null) {
                    Map<String, String> plan;
                    try (Timeout timeout = Timeout.limit(ClusterSweepStep.Execution.LAUNCH_TIMEOUT_SECONDS,
                            TimeUnit.SECONDS)) {
                        plan = workspace.act(new SweepCallables.Act(name, "RELAUNCH", queued, new ArrayList<>(), false,
                                false));
                        if (!plan.get("acted").isEmpty()) {
                            base++;
                            if (scope != null) {
                                scope = TaskList.parse(scope).union(TaskList.parse(plan.get("acted"))).toString();
                            }
                        }
                        log(listener, Messages.ClusterSweepStep_RelaunchFromPage(plan.get("message")));
                    } catch (AbortException e) {
                        log(listener, Messages.ClusterSweepStep_RelaunchFromPageFailed(queued, e.getMessage()));
                    }
                    interval = minPoll;
                }
                try (Timeout timeout = Timeout.limit(ClusterSweepStep.Execution.REMOTE_TIMEOUT_SECONDS,
                        TimeUnit.SECONDS)) {
                    summary = SweepSummary.fromMap(workspace.act(new SweepCallables.Advance(name, maxRetries, base, scope)));
                    failures = 0;
                } catch (AbortException e) {
                    if (++failures >= ClusterSweepStep.Execution.MAX_POLL_FAILURES) {
                        throw e;
                    }
                    log(listener, Messages.ClusterSweepStep_PollFailed(failures,
                            ClusterSweepStep.Execution.MAX_POLL_FAILURES, e.getMessage()));
                }
                String line = progress.next(summary);
                if (line != null) {
                    log(listener, line);
                }
                if (summary.relaunchedIds() != null) {
                    log(listener, Messages.ClusterSweepStep_Retry(summary.retriesUsed(), maxRetries,
                            summary.relaunchedIds()));
                    interval = minPoll;
                    continue;
                }
                if (summary.finished() && !action.hasQueuedRelaunches()) {
                    break;
                }
                if (wakeups.poll(interval, TimeUnit.MILLISECONDS) == null) {
                    interval = Math.min(config.maxPollMillis(), (long) (interval * 1.5));
                } // else woken by a relaunch from the page: the next round takes it and polls from the minimum
            }
        } catch (InterruptedException e) {
            // The build was aborted: cancel what is active, give the wrappers a moment to record it.
            interruption = e;
            aborted = true;
            summary = stop(workspace, listener, name, checked, summary);
        } finally {
            SweepWaits.unregister(run, name);
        }
        SweepResult result = new SweepResult(summary, failure, true, aborted);
        log(listener, result.line());
        try {
            SweepArchive.keep(run, workspace, launcher, listener, name, ClusterSweepStep.Execution.REMOTE_TIMEOUT_SECONDS);
        } catch (Exception e) {
            listener.error(Messages.ClusterSweepStep_KeepFailed(name, e.toString()));
        }
        action.update(result, node);
        run.save();
        switch (result.result()) {
            case "SUCCESS" -> { }
            case "UNSTABLE" -> {
                listener.getLogger().println("WARNING: " + Messages.ClusterSweepStep_Unsuccessful(summary.unsuccessful(),
                        name, summary.unsuccessfulIds()));
                run.setResult(Result.UNSTABLE);
            }
            case "ABORTED" -> throw interruption != null ? interruption : new InterruptedException();
            default -> throw new AbortException(Messages.ClusterSweepStep_Unsuccessful(summary.unsuccessful(), name,
                    summary.unsuccessfulIds()));
        }
    }

    /** Cancels on abort and polls (uninterruptibly, bounded) until the tasks recorded it. */
    private static SweepSummary stop(FilePath workspace, TaskListener listener, String name,
            Map<String, Object> fields, SweepSummary last) {
        log(listener, Messages.ClusterSweepStep_Cancelling(name));
        long grace = fields.get("killGrace") instanceof Number n ? n.longValue() : 10;
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(grace + 20);
        SweepSummary summary = last;
        try {
            workspace.act(new SweepCallables.Cancel(name));
            while (System.currentTimeMillis() < deadline) {
                summary = SweepSummary.fromMap(workspace.act(new SweepCallables.Advance(name, 0)));
                if (summary.finished()) {
                    break;
                }
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            listener.error(Messages.ClusterSweepStep_CancelFailed(name, e.toString()));
        }
        return summary;
    }

    private static void log(TaskListener listener, String line) {
        listener.getLogger().println("[clusterSweep] " + line);
    }

    // ------------------------------------------------------------------ fields

    public String getCommand() {
        return command;
    }

    public String getJobName() {
        return jobName;
    }

    public List<ParameterRow> getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(List<ParameterRow> parameters) {
        this.parameters = parameters == null ? new ArrayList<>() : new ArrayList<>(parameters);
    }

    public String getPosArgs() {
        return posArgs;
    }

    /** One positional argument per line, each line its values as words. */
    @DataBoundSetter
    public void setPosArgs(String posArgs) {
        this.posArgs = Util.fixEmptyAndTrim(posArgs);
    }

    public String getFlags() {
        return flags;
    }

    @DataBoundSetter
    public void setFlags(String flags) {
        this.flags = Util.fixEmptyAndTrim(flags);
    }

    public boolean isTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(boolean tag) {
        this.tag = tag;
    }

    public String getTagName() {
        return tagName;
    }

    @DataBoundSetter
    public void setTagName(String tagName) {
        this.tagName = Util.fixEmptyAndTrim(tagName);
    }

    public String getTagArgs() {
        return tagArgs;
    }

    @DataBoundSetter
    public void setTagArgs(String tagArgs) {
        this.tagArgs = Util.fixEmptyAndTrim(tagArgs);
    }

    public boolean isTagNumber() {
        return tagNumber;
    }

    @DataBoundSetter
    public void setTagNumber(boolean tagNumber) {
        this.tagNumber = tagNumber;
    }

    public String getArgMode() {
        return argMode;
    }

    @DataBoundSetter
    public void setArgMode(String argMode) {
        this.argMode = Util.fixEmptyAndTrim(argMode);
    }

    public BackendChoice getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(BackendChoice backend) {
        this.backend = backend;
    }

    public String getMaxTasks() {
        return maxTasks;
    }

    @DataBoundSetter
    public void setMaxTasks(String maxTasks) {
        this.maxTasks = Util.fixEmptyAndTrim(maxTasks);
    }

    public String getTasksPerNode() {
        return tasksPerNode;
    }

    @DataBoundSetter
    public void setTasksPerNode(String tasksPerNode) {
        this.tasksPerNode = Util.fixEmptyAndTrim(tasksPerNode);
    }

    public String getMaxTasksPerNode() {
        return maxTasksPerNode;
    }

    @DataBoundSetter
    public void setMaxTasksPerNode(String maxTasksPerNode) {
        this.maxTasksPerNode = Util.fixEmptyAndTrim(maxTasksPerNode);
    }

    public String getKillGrace() {
        return killGrace;
    }

    @DataBoundSetter
    public void setKillGrace(String killGrace) {
        this.killGrace = Util.fixEmptyAndTrim(killGrace);
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

    public String getEnv() {
        return env;
    }

    /** NAME=value, one per line. */
    @DataBoundSetter
    public void setEnv(String env) {
        this.env = Util.fixEmptyAndTrim(env);
    }

    public String getSetup() {
        return setup;
    }

    @DataBoundSetter
    public void setSetup(String setup) {
        this.setup = Util.fixEmpty(setup);
    }

    public String getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(String retries) {
        this.retries = Util.fixEmptyAndTrim(retries);
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn);
    }

    // ------------------------------------------------------------------ descriptor

    @Extension
    @Symbol("clusterSweepBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        /**
         * Settings whose help is the step's own: one help file per setting, not copies. The wizard keeps
         * its own only where its form differs (rows and text boxes for args, posArgs, flags, tag, env).
         */
        private static final String[] STEP_HELP = {"argMode", "command", "conda", "failOn", "jobName", "killGrace",
            "maxTasks", "maxTasksPerNode", "retries", "setup", "tagNumber", "tasks", "tasksPerNode", "venv"};

        public DescriptorImpl() {
            for (String field : STEP_HELP) {
                addHelpFileRedirect(field, ClusterSweepStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClusterSweepBuilder_DisplayName();
        }

        public ListBoxModel doFillArgModeItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("argparse (--lr 0.1)", "argparse");
            items.add("hydra (lr=0.1)", "hydra");
            return items;
        }

        public ListBoxModel doFillFailOnItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ClusterSweepStep_FailOn_FAILURE(), FailOn.FAILURE.name());
            items.add(Messages.ClusterSweepStep_FailOn_UNSTABLE(), FailOn.UNSTABLE.name());
            return items;
        }

        private static FormValidation check(Item item, FieldCheck check) {
            FieldValidations.checkConfigure(item);
            return FieldValidations.of(check);
        }

        @POST
        public FormValidation doCheckCommand(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.command(value));
        }

        @POST
        public FormValidation doCheckJobName(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.jobName(value));
        }

        @POST
        public FormValidation doCheckPosArgs(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            for (String line : lines(value)) {
                FieldCheck c = FieldChecks.positionalValues(line);
                if (!c.isOk()) {
                    return FieldValidations.of(c);
                }
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckFlags(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.flags(value));
        }

        @POST
        public FormValidation doCheckTagName(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.tagName(value));
        }

        @POST
        public FormValidation doCheckTagArgs(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.tagArgs(value, null));
        }

        @POST
        public FormValidation doCheckArgMode(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.argMode(value));
        }

        @POST
        public FormValidation doCheckMaxTasks(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.maxTasks(value));
        }

        @POST
        public FormValidation doCheckTasksPerNode(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.tasksPerNode(value));
        }

        @POST
        public FormValidation doCheckMaxTasksPerNode(@QueryParameter String value, @QueryParameter String tasksPerNode,
                @AncestorInPath Item item) {
            return check(item, FieldChecks.maxTasksPerNode(value, tasksPerNode));
        }

        @POST
        public FormValidation doCheckKillGrace(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.killGrace(value));
        }

        @POST
        public FormValidation doCheckTasks(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.taskList(value, null));
        }

        @POST
        public FormValidation doCheckVenv(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.venv(value));
        }

        @POST
        public FormValidation doCheckConda(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, FieldChecks.schedulerName(value));
        }

        @POST
        public FormValidation doCheckEnv(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            for (String line : lines(value)) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    return FormValidation.error(Messages.ClusterSweepBuilder_BadEnvLine(line));
                }
                FieldCheck c = FieldChecks.envName(line.substring(0, eq).strip());
                if (!c.isOk()) {
                    return FieldValidations.of(c);
                }
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckRetries(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, RETRIES.check(value));
        }

        /**
         * "Preview": the number of tasks and the first commands of the grid the form describes. The
         * wizard's script posts the form's grid fields, the parameter rows as repeated
         * {@code rowName}/{@code rowValues}.
         */
        @POST
        public FormValidation doPreview(StaplerRequest2 req, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            String[] names = req.getParameterValues("rowName");
            String[] values = req.getParameterValues("rowValues");
            List<WizardForm.ParameterRow> rows = new ArrayList<>();
            for (int i = 0; names != null && i < names.length; i++) {
                rows.add(new WizardForm.ParameterRow(names[i], values != null && i < values.length ? values[i] : ""));
            }
            WizardForm form = new WizardForm(req.getParameter("command"), req.getParameter("jobName"), rows,
                    lines(req.getParameter("posArgs")), req.getParameter("flags"), truthy(req.getParameter("tag")),
                    req.getParameter("tagName"), req.getParameter("tagArgs"), truthy(req.getParameter("tagNumber")),
                    req.getParameter("argMode"));
            GridPreview preview = GridPreview.of(form, GridPreview.DEFAULT_LIMIT);
            if (!preview.ok()) {
                return FormValidation.error(preview.error());
            }
            StringBuilder text = new StringBuilder(Messages.ClusterSweepBuilder_PreviewCount(preview.tasks()));
            for (Job job : preview.first()) {
                text.append('\n').append(job.id()).append(": ").append(job.command());
            }
            if (preview.more()) {
                text.append("\n...");
            }
            return FormValidation.ok(text.toString()); // escaped, new lines become <br>
        }

        private static boolean truthy(String value) {
            return value != null && (value.equals("true") || value.equals("on"));
        }
    }
}
