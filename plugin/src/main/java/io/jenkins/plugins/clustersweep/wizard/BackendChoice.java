package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.validation.FieldChecks;
import dev.clustersweep.validation.WholeNumber;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.clustersweep.step.ClusterSweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Where the build wizard's tasks run, with that backend's resource fields: one Describable per
 * backend for {@code f:dropdownDescriptorSelector}, each binding only its own fields, so the form
 * round-trips without fields of another backend left behind. Number fields are kept as text (a
 * blank box is "not given", never 0) and checked by core's {@link WholeNumber}s.
 */
public abstract class BackendChoice implements Describable<BackendChoice> {

    private String cpus;
    private String mem;
    private String duration;

    /** The backend's name for the engine: local, slurm or gridengine; null for the site default. */
    public abstract String backendName();

    /** Adds {@code backend} and the resource fields given to the step's field map. */
    void contribute(Map<String, Object> fields) {
        if (backendName() != null) {
            fields.put("backend", backendName());
        }
        FormSettings.number(fields, "cpus", cpus, WholeNumber.CPUS);
        FormSettings.text(fields, "mem", mem);
        FormSettings.text(fields, "duration", duration);
    }

    public String getCpus() { return cpus; }
    @DataBoundSetter public void setCpus(String cpus) { this.cpus = Util.fixEmptyAndTrim(cpus); }

    public String getMem() { return mem; }
    @DataBoundSetter public void setMem(String mem) { this.mem = Util.fixEmptyAndTrim(mem); }

    public String getDuration() { return duration; }
    @DataBoundSetter public void setDuration(String duration) { this.duration = Util.fixEmptyAndTrim(duration); }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(state(), ((BackendChoice) o).state());
    }

    @Override
    public int hashCode() {
        return state().hashCode();
    }

    /** The fields as a list, for equals. */
    List<Object> state() {
        return new ArrayList<>(java.util.Arrays.asList(cpus, mem, duration));
    }

    /** Checks shared by the three backends' forms; each answers with core's {@link FieldChecks}. */
    public abstract static class BackendDescriptor extends Descriptor<BackendChoice> {

        /** Settings whose help is the step's own: one help file per setting, not copies. */
        private static final String[] STEP_HELP = {"account", "constraint", "cpus", "duration", "exclude", "gpus",
            "mem", "nodelist", "partition", "qos", "queue", "signalBefore"};

        protected BackendDescriptor() {
            for (String field : STEP_HELP) {
                addHelpFileRedirect(field, ClusterSweepStep.class, field);
            }
        }

        @POST
        public FormValidation doCheckCpus(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.cpus(value));
        }

        @POST
        public FormValidation doCheckGpus(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.gpus(value));
        }

        @POST
        public FormValidation doCheckMem(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.mem(value));
        }

        @POST
        public FormValidation doCheckDuration(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.duration(value));
        }

        @POST
        public FormValidation doCheckPartition(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.partition(value));
        }

        @POST
        public FormValidation doCheckAccount(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.account(value));
        }

        @POST
        public FormValidation doCheckQos(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.qos(value));
        }

        @POST
        public FormValidation doCheckConstraint(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.schedulerName(value));
        }

        @POST
        public FormValidation doCheckExclude(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.schedulerName(value));
        }

        @POST
        public FormValidation doCheckNodelist(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.schedulerName(value));
        }

        @POST
        public FormValidation doCheckQueue(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.queue(value));
        }

        @POST
        public FormValidation doCheckSignalBefore(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.signalBefore(value));
        }

        @POST
        public FormValidation doCheckExtraOptions(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldValidations.check(item, FieldChecks.flags(value));
        }
    }

    /** The backend of the global configuration (Manage Jenkins, System, Cluster Sweep), with these resources. */
    public static final class SiteDefault extends BackendChoice {

        @DataBoundConstructor
        public SiteDefault() {
        }

        @Override
        public String backendName() {
            return null;
        }

        @Extension(ordinal = 100) // first in the dropdown
        @Symbol("siteDefault")
        public static final class DescriptorImpl extends BackendDescriptor {
            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.BackendChoice_SiteDefault();
            }
        }
    }

    /** The agent's own cores. */
    public static final class Local extends BackendChoice {

        @DataBoundConstructor
        public Local() {
        }

        @Override
        public String backendName() {
            return "local";
        }

        @Extension
        @Symbol("local")
        public static final class DescriptorImpl extends BackendDescriptor {
            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.BackendChoice_Local();
            }
        }
    }

    /**
     * What the two schedulers' choices share: GPUs, and options passed to sbatch or qsub as they are.
     * Saved under the same names as before ({@code gpus}, {@code extraOptions}), so old jobs load.
     */
    public abstract static class Cluster extends BackendChoice {

        private String gpus;
        private String extraOptions;

        /** The resources, GPUs, the scheduler's own fields ({@link #contributeOwn}), then the extra options. */
        @Override
        final void contribute(Map<String, Object> fields) {
            super.contribute(fields);
            FormSettings.number(fields, "gpus", gpus, WholeNumber.GPUS);
            contributeOwn(fields);
            FormSettings.words(fields, "extraOptions", extraOptions);
        }

        /** Adds this scheduler's own fields. */
        abstract void contributeOwn(Map<String, Object> fields);

        @Override
        List<Object> state() {
            List<Object> s = super.state();
            s.addAll(java.util.Arrays.asList(gpus, extraOptions));
            return s;
        }

        public String getGpus() { return gpus; }
        @DataBoundSetter public void setGpus(String gpus) { this.gpus = Util.fixEmptyAndTrim(gpus); }

        public String getExtraOptions() { return extraOptions; }

        /** Options passed to the scheduler as they are, as words ({@code --mail-type=END '--comment=a b'}). */
        @DataBoundSetter public void setExtraOptions(String extraOptions) {
            this.extraOptions = Util.fixEmptyAndTrim(extraOptions);
        }
    }

    /** A Slurm job array. */
    public static final class Slurm extends Cluster {

        private String partition;
        private String account;
        private String qos;
        private String constraint;
        private String exclude;
        private String nodelist;
        private String signalBefore;

        @DataBoundConstructor
        public Slurm() {
        }

        @Override
        public String backendName() {
            return "slurm";
        }

        @Override
        void contributeOwn(Map<String, Object> fields) {
            FormSettings.text(fields, "partition", partition);
            FormSettings.text(fields, "account", account);
            FormSettings.text(fields, "qos", qos);
            FormSettings.text(fields, "constraint", constraint);
            FormSettings.text(fields, "exclude", exclude);
            FormSettings.text(fields, "nodelist", nodelist);
            FormSettings.number(fields, "signalBefore", signalBefore, WholeNumber.SIGNAL_BEFORE);
        }

        @Override
        List<Object> state() {
            List<Object> s = super.state();
            s.addAll(java.util.Arrays.asList(partition, account, qos, constraint, exclude, nodelist, signalBefore));
            return s;
        }

        public String getPartition() { return partition; }
        @DataBoundSetter public void setPartition(String partition) {
            this.partition = Util.fixEmptyAndTrim(partition);
        }

        public String getAccount() { return account; }
        @DataBoundSetter public void setAccount(String account) { this.account = Util.fixEmptyAndTrim(account); }

        public String getQos() { return qos; }
        @DataBoundSetter public void setQos(String qos) { this.qos = Util.fixEmptyAndTrim(qos); }

        public String getConstraint() { return constraint; }
        @DataBoundSetter public void setConstraint(String constraint) {
            this.constraint = Util.fixEmptyAndTrim(constraint);
        }

        public String getExclude() { return exclude; }
        @DataBoundSetter public void setExclude(String exclude) { this.exclude = Util.fixEmptyAndTrim(exclude); }

        public String getNodelist() { return nodelist; }
        @DataBoundSetter public void setNodelist(String nodelist) { this.nodelist = Util.fixEmptyAndTrim(nodelist); }

        public String getSignalBefore() { return signalBefore; }
        @DataBoundSetter public void setSignalBefore(String signalBefore) {
            this.signalBefore = Util.fixEmptyAndTrim(signalBefore);
        }

        @Extension
        @Symbol("slurm")
        public static final class DescriptorImpl extends BackendDescriptor {
            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.BackendChoice_Slurm();
            }
        }
    }

    /** A Grid Engine array job. */
    public static final class GridEngine extends Cluster {

        private String queue;

        @DataBoundConstructor
        public GridEngine() {
        }

        @Override
        public String backendName() {
            return "gridengine";
        }

        @Override
        void contributeOwn(Map<String, Object> fields) {
            FormSettings.text(fields, "queue", queue);
        }

        @Override
        List<Object> state() {
            List<Object> s = super.state();
            s.add(queue);
            return s;
        }

        public String getQueue() { return queue; }
        @DataBoundSetter public void setQueue(String queue) { this.queue = Util.fixEmptyAndTrim(queue); }

        @Extension
        @Symbol("gridengine")
        public static final class DescriptorImpl extends BackendDescriptor {
            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.BackendChoice_GridEngine();
            }
        }
    }
}
