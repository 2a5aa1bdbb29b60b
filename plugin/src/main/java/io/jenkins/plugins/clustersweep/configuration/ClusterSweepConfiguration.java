package io.jenkins.plugins.clustersweep.configuration;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.settings.SiteDefaults;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.clustersweep.step.ClusterSweepStep;
import io.jenkins.plugins.clustersweep.wizard.FieldValidations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Site-wide settings of the {@code clusterSweep} step, under Manage Jenkins, System, and as
 * {@code unclassified: clusterSweep:} in Configuration as Code: the backend and resources a step
 * uses when it names none, shell lines around every task of each backend (as {@code sweep config}
 * does for the command line), and the bounds of the polling interval. Only administrators may
 * change them (the System page requires {@link Jenkins#ADMINISTER}; {@link #configure} and the form
 * checks say so again).
 */
@Extension
@Symbol("clusterSweep")
public class ClusterSweepConfiguration extends GlobalConfiguration {

    private String defaultBackend;
    private Integer defaultCpus;
    private String defaultMem;
    private String defaultDuration;
    private String defaultPartition;
    private String defaultAccount;
    private String defaultQueue;
    private String localHeader;
    private String localFooter;
    private String slurmHeader;
    private String slurmFooter;
    private String gridengineHeader;
    private String gridengineFooter;
    private int minPollSeconds = 1;
    private int maxPollSeconds = 60;

    public ClusterSweepConfiguration() {
        load();
    }

    public static ClusterSweepConfiguration get() {
        return ExtensionList.lookupSingleton(ClusterSweepConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return super.configure(req, json);
    }

    /** What the step hands the engine: these settings as the site's defaults under every sweep's own. */
    @Restricted(NoExternalUse.class)
    public SiteDefaults toDefaults() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<String>> footers = new LinkedHashMap<>();
        headers.put("local", lines(localHeader));
        footers.put("local", lines(localFooter));
        headers.put("slurm", lines(slurmHeader));
        footers.put("slurm", lines(slurmFooter));
        headers.put("gridengine", lines(gridengineHeader));
        footers.put("gridengine", lines(gridengineFooter));
        return new SiteDefaults(defaultBackend, defaultCpus, defaultMem, defaultDuration, defaultPartition,
                defaultAccount, defaultQueue, headers, footers);
    }

    private static List<String> lines(String text) {
        String t = Util.fixEmpty(text);
        return t == null ? List.of() : new ArrayList<>(List.of(t.split("\r?\n")));
    }

    // ------------------------------------------------------------------ getters and setters

    public String getDefaultBackend() {
        return defaultBackend;
    }

    @DataBoundSetter
    public void setDefaultBackend(String defaultBackend) {
        String name = Util.fixEmptyAndTrim(defaultBackend);
        if (name != null) {
            check(() -> Backends.check(name));
        }
        this.defaultBackend = name;
        save();
    }

    public Integer getDefaultCpus() {
        return defaultCpus;
    }

    @DataBoundSetter
    public void setDefaultCpus(Integer defaultCpus) {
        if (defaultCpus != null && defaultCpus < 1) {
            throw new IllegalArgumentException(Messages.ClusterSweepConfiguration_BadCpus(defaultCpus));
        }
        this.defaultCpus = defaultCpus;
        save();
    }

    public String getDefaultMem() {
        return defaultMem;
    }

    @DataBoundSetter
    public void setDefaultMem(String defaultMem) {
        String mem = Util.fixEmptyAndTrim(defaultMem);
        if (mem != null) {
            check(() -> Memory.parseMegabytes(mem));
        }
        this.defaultMem = mem;
        save();
    }

    public String getDefaultDuration() {
        return defaultDuration;
    }

    @DataBoundSetter
    public void setDefaultDuration(String defaultDuration) {
        String d = Util.fixEmptyAndTrim(defaultDuration);
        if (d != null) {
            check(() -> Durations.parseSeconds(d));
        }
        this.defaultDuration = d;
        save();
    }

    public String getDefaultPartition() {
        return defaultPartition;
    }

    @DataBoundSetter
    public void setDefaultPartition(String defaultPartition) {
        this.defaultPartition = Util.fixEmptyAndTrim(defaultPartition);
        save();
    }

    public String getDefaultAccount() {
        return defaultAccount;
    }

    @DataBoundSetter
    public void setDefaultAccount(String defaultAccount) {
        this.defaultAccount = Util.fixEmptyAndTrim(defaultAccount);
        save();
    }

    public String getDefaultQueue() {
        return defaultQueue;
    }

    @DataBoundSetter
    public void setDefaultQueue(String defaultQueue) {
        this.defaultQueue = Util.fixEmptyAndTrim(defaultQueue);
        save();
    }

    public String getLocalHeader() {
        return localHeader;
    }

    @DataBoundSetter
    public void setLocalHeader(String localHeader) {
        this.localHeader = Util.fixEmpty(localHeader);
        save();
    }

    public String getLocalFooter() {
        return localFooter;
    }

    @DataBoundSetter
    public void setLocalFooter(String localFooter) {
        this.localFooter = Util.fixEmpty(localFooter);
        save();
    }

    public String getSlurmHeader() {
        return slurmHeader;
    }

    @DataBoundSetter
    public void setSlurmHeader(String slurmHeader) {
        this.slurmHeader = Util.fixEmpty(slurmHeader);
        save();
    }

    public String getSlurmFooter() {
        return slurmFooter;
    }

    @DataBoundSetter
    public void setSlurmFooter(String slurmFooter) {
        this.slurmFooter = Util.fixEmpty(slurmFooter);
        save();
    }

    public String getGridengineHeader() {
        return gridengineHeader;
    }

    @DataBoundSetter
    public void setGridengineHeader(String gridengineHeader) {
        this.gridengineHeader = Util.fixEmpty(gridengineHeader);
        save();
    }

    public String getGridengineFooter() {
        return gridengineFooter;
    }

    @DataBoundSetter
    public void setGridengineFooter(String gridengineFooter) {
        this.gridengineFooter = Util.fixEmpty(gridengineFooter);
        save();
    }

    public int getMinPollSeconds() {
        return minPollSeconds;
    }

    @DataBoundSetter
    public void setMinPollSeconds(int minPollSeconds) {
        if (minPollSeconds < 1) {
            throw new IllegalArgumentException(Messages.ClusterSweepConfiguration_BadPoll(minPollSeconds));
        }
        this.minPollSeconds = minPollSeconds;
        save();
    }

    public int getMaxPollSeconds() {
        return maxPollSeconds;
    }

    @DataBoundSetter
    public void setMaxPollSeconds(int maxPollSeconds) {
        if (maxPollSeconds < 1) {
            throw new IllegalArgumentException(Messages.ClusterSweepConfiguration_BadPoll(maxPollSeconds));
        }
        this.maxPollSeconds = maxPollSeconds;
        save();
    }

    /** Polling starts at the minimum and backs off to the maximum (a maximum below the minimum counts as the minimum). */
    /** How often a build asks the scheduler: from the shortest interval, backing off to the longest. */
    @Restricted(NoExternalUse.class)
    public PollPolicy pollPolicy() {
        long min = Math.max(1, minPollSeconds) * 1000L;
        return new PollPolicy(min, Math.max(min, maxPollSeconds * 1000L), 1.5);
    }

    private static void check(Runnable parse) {
        try {
            parse.run();
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ form

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.ClusterSweepConfiguration_DisplayName();
    }

    public ListBoxModel doFillDefaultBackendItems() {
        return ClusterSweepStep.DescriptorImpl.backendItems(Messages.ClusterSweepConfiguration_NoDefaultBackend());
    }

    @POST
    public FormValidation doCheckDefaultMem(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldValidations.parses(value, Memory::parseMegabytes);
    }

    @POST
    public FormValidation doCheckDefaultDuration(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldValidations.parses(value, Durations::parseSeconds);
    }

    @POST
    public FormValidation doCheckDefaultCpus(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        // The same check, and words, as the step's and the wizard's cpus field.
        return FieldValidations.of(dev.clustersweep.validation.FieldChecks.cpus(value));
    }

    @POST
    public FormValidation doCheckMinPollSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validatePositiveInteger(value);
    }

    @POST
    public FormValidation doCheckMaxPollSeconds(@QueryParameter String value, @QueryParameter String minPollSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        FormValidation positive = FormValidation.validatePositiveInteger(value);
        if (positive.kind != FormValidation.Kind.OK) {
            return positive;
        }
        String min = Util.fixEmptyAndTrim(minPollSeconds);
        if (min == null) {
            return FormValidation.ok(); // the minimum's own check reports it
        }
        try {
            if (Integer.parseInt(value.trim()) < Integer.parseInt(min)) {
                return FormValidation.warning(Messages.ClusterSweepConfiguration_MaxBelowMin());
            }
        } catch (NumberFormatException e) {
            // the minimum's own check reports it
        }
        return FormValidation.ok();
    }
}
