package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.BadInputException;
import dev.clustersweep.validation.FieldCheck;
import dev.clustersweep.validation.FieldChecks;
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
 * first commands ({@link WizardPreview}). The form becomes settings in {@link FormSettings}.
 */
public final class ClusterSweepBuilder extends Builder {

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
    private String metric;
    private boolean maximize;
    private String regressionTolerance;
    private String regressionResult;

    @DataBoundConstructor
    public ClusterSweepBuilder(String command, String jobName) {
        this.command = Util.fixEmpty(command);
        this.jobName = Util.fixEmptyAndTrim(jobName);
    }

    /**
     * The form as settings by name, as a Pipeline would give them, for the settings binder
     * ({@link FormSettings}).
     *
     * @throws BadInputException for a field core cannot read (a bad number, unbalanced quotes)
     */
    LinkedHashMap<String, Object> fields() {
        return FormSettings.of(this);
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

    public String getMetric() { return metric; }
    @DataBoundSetter public void setMetric(String metric) { this.metric = Util.fixEmptyAndTrim(metric); }

    public boolean isMaximize() { return maximize; }
    @DataBoundSetter public void setMaximize(boolean maximize) { this.maximize = maximize; }

    public String getRegressionTolerance() { return regressionTolerance; }
    @DataBoundSetter public void setRegressionTolerance(String regressionTolerance) {
        this.regressionTolerance = Util.fixEmptyAndTrim(regressionTolerance);
    }

    public String getRegressionResult() { return regressionResult; }
    @DataBoundSetter public void setRegressionResult(String regressionResult) {
        this.regressionResult = Util.fixEmptyAndTrim(regressionResult);
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
            "maxTasks", "maxTasksPerNode", "maximize", "metric", "regressionResult", "regressionTolerance", "retries",
            "setup", "tagNumber", "tasks", "tasksPerNode", "venv"};

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
            return ClusterSweepStep.DescriptorImpl.argModeItems();
        }

        public ListBoxModel doFillFailOnItems() {
            return ClusterSweepStep.DescriptorImpl.failOnItems();
        }

        public ListBoxModel doFillRegressionResultItems() {
            return ClusterSweepStep.DescriptorImpl.regressionResultItems();
        }

        @POST
        public FormValidation doCheckCommand(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.command(value));
        }

        @POST
        public FormValidation doCheckJobName(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.jobName(value));
        }

        @POST
        public FormValidation doCheckPosArgs(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            for (String line : FormSettings.lines(value)) {
                FieldCheck c = FieldChecks.positionalValues(line);
                if (!c.isOk()) {
                    return FieldValidations.of(c);
                }
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckFlags(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.flags(value));
        }

        @POST
        public FormValidation doCheckTagName(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.tagName(value));
        }

        @POST
        public FormValidation doCheckTagArgs(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.tagArgs(value, null));
        }

        @POST
        public FormValidation doCheckArgMode(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.argMode(value));
        }

        @POST
        public FormValidation doCheckMaxTasks(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.maxTasks(value));
        }

        @POST
        public FormValidation doCheckTasksPerNode(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.tasksPerNode(value));
        }

        @POST
        public FormValidation doCheckMaxTasksPerNode(@QueryParameter String value, @QueryParameter String tasksPerNode,
                @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.maxTasksPerNode(value, tasksPerNode));
        }

        @POST
        public FormValidation doCheckKillGrace(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.killGrace(value));
        }

        @POST
        public FormValidation doCheckTasks(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.taskList(value, null));
        }

        @POST
        public FormValidation doCheckVenv(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.venv(value));
        }

        @POST
        public FormValidation doCheckConda(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.schedulerName(value));
        }

        @POST
        public FormValidation doCheckEnv(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            for (String line : FormSettings.lines(value)) {
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
            return FieldValidations.check(item, FormSettings.RETRIES.check(value));
        }

        /** "Preview": the number of tasks and the first commands of the grid the form describes. */
        @POST
        public FormValidation doPreview(StaplerRequest2 req, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            return WizardPreview.of(req);
        }
    }
}
