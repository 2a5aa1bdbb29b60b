package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.BadInputException;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.settings.FailOn;
import dev.clustersweep.validation.FieldCheck;
import dev.clustersweep.validation.FieldChecks;
import dev.clustersweep.validation.GridPreview;
import dev.clustersweep.validation.ValuesText;
import dev.clustersweep.validation.WholeNumber;
import dev.clustersweep.validation.WizardForm;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.model.Run;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import io.jenkins.plugins.clustersweep.step.ClusterSweepStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run cluster sweep": the build wizard for freestyle jobs. The form (command, parameter rows,
 * positional arguments, flags, tag, backend with its resources, throttling and packing, retries)
 * becomes the same settings as the {@code clusterSweep} Pipeline step's, bound by the same binder,
 * and the sweep runs through the same agent calls and the engine's one loop ({@link SweepRunner});
 * being a build step, it blocks its executor between turns until the sweep has ended, then archives
 * under {@code sweep/JOBNAME/} and sets the build result from {@code failOn}. Every field is
 * checked as it is typed (core's {@link FieldChecks}), and "Preview" shows the grid's size and
 * first commands (core's {@link GridPreview}).
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
     * The form as settings by name, as a Pipeline would give them, for the settings binder.
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
            throw new AbortException(Messages.ClusterSweepBuilder_NoWorkspace());
        }
        WizardRun.run(this::fields, build, workspace, launcher, listener);
        return true;
    }

    // ------------------------------------------------------------------ fields

    public String getCommand() { return command; }

    public String getJobName() { return jobName; }

    public List<ParameterRow> getParameters() { return parameters; }
    @DataBoundSetter public void setParameters(List<ParameterRow> parameters) {
        this.parameters = parameters == null ? new ArrayList<>() : new ArrayList<>(parameters);
    }

    public String getPosArgs() { return posArgs; }
    /** One positional argument per line, each line its values as words. */
    @DataBoundSetter public void setPosArgs(String posArgs) { this.posArgs = Util.fixEmptyAndTrim(posArgs); }

    public String getFlags() { return flags; }
    @DataBoundSetter public void setFlags(String flags) { this.flags = Util.fixEmptyAndTrim(flags); }

    public boolean isTag() { return tag; }
    @DataBoundSetter public void setTag(boolean tag) { this.tag = tag; }

    public String getTagName() { return tagName; }
    @DataBoundSetter public void setTagName(String tagName) { this.tagName = Util.fixEmptyAndTrim(tagName); }

    public String getTagArgs() { return tagArgs; }
    @DataBoundSetter public void setTagArgs(String tagArgs) { this.tagArgs = Util.fixEmptyAndTrim(tagArgs); }

    public boolean isTagNumber() { return tagNumber; }
    @DataBoundSetter public void setTagNumber(boolean tagNumber) { this.tagNumber = tagNumber; }

    public String getArgMode() { return argMode; }
    @DataBoundSetter public void setArgMode(String argMode) { this.argMode = Util.fixEmptyAndTrim(argMode); }

    public BackendChoice getBackend() { return backend; }
    @DataBoundSetter public void setBackend(BackendChoice backend) { this.backend = backend; }

    public String getMaxTasks() { return maxTasks; }
    @DataBoundSetter public void setMaxTasks(String maxTasks) { this.maxTasks = Util.fixEmptyAndTrim(maxTasks); }

    public String getTasksPerNode() { return tasksPerNode; }
    @DataBoundSetter public void setTasksPerNode(String tasksPerNode) {
        this.tasksPerNode = Util.fixEmptyAndTrim(tasksPerNode);
    }

    public String getMaxTasksPerNode() { return maxTasksPerNode; }
    @DataBoundSetter public void setMaxTasksPerNode(String maxTasksPerNode) {
        this.maxTasksPerNode = Util.fixEmptyAndTrim(maxTasksPerNode);
    }

    public String getKillGrace() { return killGrace; }
    @DataBoundSetter public void setKillGrace(String killGrace) { this.killGrace = Util.fixEmptyAndTrim(killGrace); }

    public String getTasks() { return tasks; }
    @DataBoundSetter public void setTasks(String tasks) { this.tasks = Util.fixEmptyAndTrim(tasks); }

    public String getVenv() { return venv; }
    @DataBoundSetter public void setVenv(String venv) { this.venv = Util.fixEmptyAndTrim(venv); }

    public String getConda() { return conda; }
    @DataBoundSetter public void setConda(String conda) { this.conda = Util.fixEmptyAndTrim(conda); }

    public String getEnv() { return env; }
    /** NAME=value, one per line. */
    @DataBoundSetter public void setEnv(String env) { this.env = Util.fixEmptyAndTrim(env); }

    public String getSetup() { return setup; }
    @DataBoundSetter public void setSetup(String setup) { this.setup = Util.fixEmpty(setup); }

    public String getRetries() { return retries; }
    @DataBoundSetter public void setRetries(String retries) { this.retries = Util.fixEmptyAndTrim(retries); }

    public String getFailOn() { return failOn; }
    @DataBoundSetter public void setFailOn(String failOn) { this.failOn = Util.fixEmptyAndTrim(failOn); }

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
            items.add(Messages.ClusterSweepBuilder_FailOn_FAILURE(), FailOn.FAILURE.name());
            items.add(Messages.ClusterSweepBuilder_FailOn_UNSTABLE(), FailOn.UNSTABLE.name());
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
