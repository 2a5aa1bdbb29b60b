package io.jenkins.plugins.clustersweep.step;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.FailOn;
import dev.clustersweep.settings.Setting;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.clustersweep.wizard.FieldValidations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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
 * {@code sweep/JOBNAME/}, and returns a map of the outcome ({@link ClusterSweepStepExecution}).
 *
 * <p>The step's arguments are the sweep settings of {@link Settings}, by the same names as in a
 * spec file; {@code spec} names a YAML or JSON spec file in the working directory, and arguments
 * given to the step override the file's, setting by setting. The step keeps what it was given as
 * it was given, and the engine's one binder ({@link SettingsBinder}) reads and checks it.
 */
public final class ClusterSweepStep extends Step {

    private String spec;
    private String agent;
    /** The settings given, by name, as given (a Groovy map, a form's number): the binder reads them. */
    private final LinkedHashMap<String, Object> given = new LinkedHashMap<>();

    @DataBoundConstructor
    public ClusterSweepStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ClusterSweepStepExecution(this, context);
    }

    /** The settings given, by their names. */
    LinkedHashMap<String, Object> given() {
        return new LinkedHashMap<>(given);
    }

    public String getSpec() {
        return spec;
    }

    /** A YAML or JSON spec file, relative to the working directory; step arguments override its settings. */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = Util.fixEmptyAndTrim(spec);
    }

    public String getAgent() {
        return agent;
    }

    /**
     * The agent to run on when the step is outside {@code node}: the sweep runs in that agent's
     * workspace for this job and no executor is held while it waits ("submit and detach").
     * {@code built-in} names the controller.
     */
    @DataBoundSetter
    public void setAgent(String agent) {
        this.agent = Util.fixEmptyAndTrim(agent);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting<?> setting) {
        return (T) given.get(setting.name());
    }

    private void set(Setting<?> setting, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            given.remove(setting.name()); // an empty form field is no setting
        } else {
            given.put(setting.name(), value instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : value);
        }
    }

    // ------------------------------------------------------------------ the settings, as Jenkins binds them

    // One getter and one @DataBoundSetter per setting, as Pipeline and the Snippet Generator need
    // them; their names, defaults and checks are the settings table's.

    public String getCommand() { return get(Settings.COMMAND); }
    @DataBoundSetter public void setCommand(String value) { set(Settings.COMMAND, value); }

    public String getJobName() { return get(Settings.JOB_NAME); }
    @DataBoundSetter public void setJobName(String value) { set(Settings.JOB_NAME, value); }

    public Map<String, Object> getArgs() { return get(Settings.ARGS); }
    @DataBoundSetter public void setArgs(Map<String, Object> value) { set(Settings.ARGS, value); }

    public List<Object> getPosArgs() { return get(Settings.POS_ARGS); }
    @DataBoundSetter public void setPosArgs(List<Object> value) { set(Settings.POS_ARGS, value); }

    public List<String> getFlags() { return get(Settings.FLAGS); }
    @DataBoundSetter public void setFlags(List<String> value) { set(Settings.FLAGS, value); }

    public Object getTag() { return get(Settings.TAG); }
    @DataBoundSetter public void setTag(Object value) { set(Settings.TAG, value); }

    public List<String> getTagArgs() { return get(Settings.TAG_ARGS); }
    @DataBoundSetter public void setTagArgs(List<String> value) { set(Settings.TAG_ARGS, value); }

    public Boolean getTagNumber() { return get(Settings.TAG_NUMBER); }
    @DataBoundSetter public void setTagNumber(Boolean value) { set(Settings.TAG_NUMBER, value); }

    public String getArgMode() { return get(Settings.ARG_MODE); }
    @DataBoundSetter public void setArgMode(String value) { set(Settings.ARG_MODE, value); }

    public String getBackend() { return get(Settings.BACKEND); }
    @DataBoundSetter public void setBackend(String value) { set(Settings.BACKEND, value); }

    public Integer getCpus() { return get(Settings.CPUS); }
    @DataBoundSetter public void setCpus(Integer value) { set(Settings.CPUS, value); }

    public Integer getGpus() { return get(Settings.GPUS); }
    @DataBoundSetter public void setGpus(Integer value) { set(Settings.GPUS, value); }

    public String getMem() { return get(Settings.MEM); }
    @DataBoundSetter public void setMem(String value) { set(Settings.MEM, value); }

    public String getDuration() { return get(Settings.DURATION); }
    @DataBoundSetter public void setDuration(String value) { set(Settings.DURATION, value); }

    public String getPartition() { return get(Settings.PARTITION); }
    @DataBoundSetter public void setPartition(String value) { set(Settings.PARTITION, value); }

    public String getAccount() { return get(Settings.ACCOUNT); }
    @DataBoundSetter public void setAccount(String value) { set(Settings.ACCOUNT, value); }

    public String getQos() { return get(Settings.QOS); }
    @DataBoundSetter public void setQos(String value) { set(Settings.QOS, value); }

    public String getConstraint() { return get(Settings.CONSTRAINT); }
    @DataBoundSetter public void setConstraint(String value) { set(Settings.CONSTRAINT, value); }

    public String getExclude() { return get(Settings.EXCLUDE); }
    @DataBoundSetter public void setExclude(String value) { set(Settings.EXCLUDE, value); }

    public String getNodelist() { return get(Settings.NODELIST); }
    @DataBoundSetter public void setNodelist(String value) { set(Settings.NODELIST, value); }

    public String getQueue() { return get(Settings.QUEUE); }
    @DataBoundSetter public void setQueue(String value) { set(Settings.QUEUE, value); }

    public Integer getSignalBefore() { return get(Settings.SIGNAL_BEFORE); }
    @DataBoundSetter public void setSignalBefore(Integer value) { set(Settings.SIGNAL_BEFORE, value); }

    public List<String> getExtraOptions() { return get(Settings.EXTRA_OPTIONS); }
    @DataBoundSetter public void setExtraOptions(List<String> value) { set(Settings.EXTRA_OPTIONS, value); }

    public Integer getMaxTasks() { return get(Settings.MAX_TASKS); }
    @DataBoundSetter public void setMaxTasks(Integer value) { set(Settings.MAX_TASKS, value); }

    public Integer getTasksPerNode() { return get(Settings.TASKS_PER_NODE); }
    @DataBoundSetter public void setTasksPerNode(Integer value) { set(Settings.TASKS_PER_NODE, value); }

    public Integer getMaxTasksPerNode() { return get(Settings.MAX_TASKS_PER_NODE); }
    @DataBoundSetter public void setMaxTasksPerNode(Integer value) { set(Settings.MAX_TASKS_PER_NODE, value); }

    public Integer getKillGrace() { return get(Settings.KILL_GRACE); }
    @DataBoundSetter public void setKillGrace(Integer value) { set(Settings.KILL_GRACE, value); }

    public String getTasks() { return get(Settings.TASKS); }
    @DataBoundSetter public void setTasks(String value) { set(Settings.TASKS, value); }

    public String getVenv() { return get(Settings.VENV); }
    @DataBoundSetter public void setVenv(String value) { set(Settings.VENV, value); }

    public String getConda() { return get(Settings.CONDA); }
    @DataBoundSetter public void setConda(String value) { set(Settings.CONDA, value); }

    public Map<String, Object> getEnv() { return get(Settings.ENV); }
    @DataBoundSetter public void setEnv(Map<String, Object> value) { set(Settings.ENV, value); }

    public String getSetup() { return get(Settings.SETUP); }
    @DataBoundSetter public void setSetup(String value) { set(Settings.SETUP, value); }

    public Boolean getWait() { return get(Settings.WAIT); }
    @DataBoundSetter public void setWait(Boolean value) { set(Settings.WAIT, value); }

    public Integer getRetries() { return get(Settings.RETRIES); }
    @DataBoundSetter public void setRetries(Integer value) { set(Settings.RETRIES, value); }

    public String getFailOn() { return get(Settings.FAIL_ON); }
    @DataBoundSetter public void setFailOn(String value) { set(Settings.FAIL_ON, value); }

    public String getRequires() { return get(Settings.REQUIRES); }
    @DataBoundSetter public void setRequires(String value) { set(Settings.REQUIRES, value); }

    public List<String> getLauncherTags() { return get(Settings.LAUNCHER_TAGS); }
    @DataBoundSetter public void setLauncherTags(List<String> value) { set(Settings.LAUNCHER_TAGS, value); }

    public List<String> getParts() { return get(Settings.PARTS); }
    @DataBoundSetter public void setParts(List<String> value) { set(Settings.PARTS, value); }

    public String getSnapshot() { return get(Settings.SNAPSHOT); }
    @DataBoundSetter public void setSnapshot(String value) { set(Settings.SNAPSHOT, value); }

    public Boolean getSnapshotDirty() { return get(Settings.SNAPSHOT_DIRTY); }
    @DataBoundSetter public void setSnapshotDirty(Boolean value) { set(Settings.SNAPSHOT_DIRTY, value); }

    public String getMetric() { return get(Settings.METRIC); }
    @DataBoundSetter public void setMetric(String value) { set(Settings.METRIC, value); }

    public Boolean getMaximize() { return get(Settings.MAXIMIZE); }
    @DataBoundSetter public void setMaximize(Boolean value) { set(Settings.MAXIMIZE, value); }

    public String getRegressionTolerance() { return get(Settings.REGRESSION_TOLERANCE); }
    @DataBoundSetter public void setRegressionTolerance(String value) { set(Settings.REGRESSION_TOLERANCE, value); }

    public String getRegressionResult() { return get(Settings.REGRESSION_RESULT); }
    @DataBoundSetter public void setRegressionResult(String value) { set(Settings.REGRESSION_RESULT, value); }

    public Integer getMaxResumes() { return get(Settings.MAX_RESUMES); }
    @DataBoundSetter public void setMaxResumes(Integer value) { set(Settings.MAX_RESUMES, value); }

    public Integer getResumeCode() { return get(Settings.RESUME_CODE); }
    @DataBoundSetter public void setResumeCode(Integer value) { set(Settings.RESUME_CODE, value); }

    public Map<String, Object> getSearch() { return get(Settings.SEARCH); }
    @DataBoundSetter public void setSearch(Map<String, Object> value) { set(Settings.SEARCH, value); }

    /**
     * A form (the Snippet Generator's) posts every select and checkbox; what is at its default was not
     * set by anyone, so it is dropped, and the snippet shows only what was. Not done in the setters:
     * a Pipeline's explicit {@code wait: true} must still win over a spec file's {@code wait: false}.
     */
    ClusterSweepStep dropFormDefaults() {
        for (Setting<?> posted : List.of(Settings.TAG_NUMBER, Settings.ARG_MODE, Settings.WAIT, Settings.RETRIES,
                Settings.FAIL_ON, Settings.KILL_GRACE, Settings.MAXIMIZE, Settings.REGRESSION_RESULT)) {
            if (java.util.Objects.equals(given.get(posted.name()), posted.defaultValue())) {
                given.remove(posted.name());
            }
        }
        return this;
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
            // No FilePath or Launcher: with agent, the step runs outside node and holds no executor.
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        public ListBoxModel doFillBackendItems() {
            return backendItems(Messages.ClusterSweepStep_SiteDefaultBackend());
        }

        public ListBoxModel doFillArgModeItems() {
            return argModeItems();
        }

        public ListBoxModel doFillRegressionResultItems() {
            return regressionResultItems();
        }

        public ListBoxModel doFillFailOnItems() {
            return failOnItems();
        }

        /** "" shown as {@code none}, then the engine's backends: the step's and the site's dropdown alike. */
        @Restricted(NoExternalUse.class)
        public static ListBoxModel backendItems(String none) {
            ListBoxModel items = new ListBoxModel();
            items.add(none, "");
            for (String name : Backends.names()) {
                items.add(name);
            }
            return items;
        }

        /** What a regression makes of the build, for the step's and the wizard's dropdown alike. */
        @Restricted(NoExternalUse.class)
        public static ListBoxModel regressionResultItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ClusterSweepStep_RegressionResult_UNSTABLE(), "UNSTABLE");
            items.add(Messages.ClusterSweepStep_RegressionResult_FAILURE(), "FAILURE");
            return items;
        }

        /** The arg modes, for the step's and the wizard's dropdown alike. */
        @Restricted(NoExternalUse.class)
        public static ListBoxModel argModeItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("argparse (--lr 0.1)", "argparse");
            items.add("hydra (lr=0.1)", "hydra");
            return items;
        }

        /** What unsuccessful tasks make of the build, for the step's and the wizard's dropdown alike. */
        @Restricted(NoExternalUse.class)
        public static ListBoxModel failOnItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.ClusterSweepStep_FailOn_FAILURE(), FailOn.FAILURE.name());
            items.add(Messages.ClusterSweepStep_FailOn_UNSTABLE(), FailOn.UNSTABLE.name());
            return items;
        }

        @Override
        public Step newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject formData)
                throws hudson.model.Descriptor.FormException {
            return ((ClusterSweepStep) super.newInstance(req, formData)).dropFormDefaults();
        }

        /**
         * Pipeline only warns of an argument it does not know, and drops it: a misspelt {@code cpu: 2}
         * would run with the default. Bound here through the one settings binder first, an unknown
         * name or a value of the wrong type fails the step before anything is submitted, in the
         * Pipeline's own words ({@code unknown argument 'cpu' (did you mean 'cpus'?)}).
         */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            Map<String, Object> settings = new LinkedHashMap<>(arguments);
            settings.remove("spec"); // the file the settings come from, not a setting
            settings.remove("agent"); // where the step runs, not a setting of the sweep
            try {
                SettingsBinder.bind(settings, Caller.PIPELINE);
            } catch (BadInputException e) {
                throw new AbortException(Messages.ClusterSweepStep_BadInput(e.getMessage()));
            }
            return super.newInstance(arguments);
        }

        @POST
        public FormValidation doCheckJobName(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, value, SweepDirectory::checkJobName);
        }

        @POST
        public FormValidation doCheckMem(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, value, Memory::parseMegabytes);
        }

        @POST
        public FormValidation doCheckDuration(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, value, Durations::parseSeconds);
        }

        @POST
        public FormValidation doCheckTasks(@QueryParameter String value, @AncestorInPath Item item) {
            return check(item, value, TaskList::parse);
        }

        private static FormValidation check(Item item, String value, java.util.function.Consumer<String> parse) {
            FieldValidations.checkConfigure(item);
            return FieldValidations.parses(value, parse);
        }
    }
}
