package io.jenkins.plugins.clustersweep.page;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ModelHyperlinkNote;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Why a build runs: "Relaunch of tasks 3,7-9 of sweep 'x' from build #12", linking back to that
 * build (shaped as workflow-cps' {@code ReplayCause}: the original is looked up by number in the
 * same job, so the link survives renames of the job).
 */
public final class RelaunchCause extends Cause {

    private final int originalNumber;
    private final String jobName;
    private final String ids;
    private transient Run<?, ?> run;

    RelaunchCause(@NonNull Run<?, ?> original, String jobName, String ids) {
        this.originalNumber = original.getNumber();
        this.jobName = jobName;
        this.ids = ids;
    }

    @Override
    public void onAddedTo(@NonNull Run build) {
        super.onAddedTo(build);
        this.run = build;
    }

    @Override
    public void onLoad(@NonNull Run<?, ?> build) {
        super.onLoad(build);
        this.run = build;
    }

    public String getJobName() {
        return jobName;
    }

    public String getIds() {
        return ids;
    }

    /** The build whose sweep is relaunched, unless it was deleted. */
    public @CheckForNull Run<?, ?> getOriginal() {
        return run == null ? null : run.getParent().getBuildByNumber(originalNumber);
    }

    @Override
    public String getShortDescription() {
        return Messages.RelaunchCause_ShortDescription(ids, jobName, originalNumber);
    }

    @Override
    public void print(TaskListener listener) {
        Run<?, ?> original = getOriginal();
        if (original != null) {
            listener.getLogger().println(Messages.RelaunchCause_Print(ids, jobName, ModelHyperlinkNote.encodeTo(original)));
        } else {
            super.print(listener);
        }
    }
}
