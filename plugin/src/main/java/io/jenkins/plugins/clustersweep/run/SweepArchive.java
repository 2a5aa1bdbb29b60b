package io.jenkins.plugins.clustersweep.run;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** What a build keeps of a sweep, for the Pipeline step and the freestyle builder alike. */
@Restricted(NoExternalUse.class)
final class SweepArchive {

    private SweepArchive() {
    }

    /**
     * Archives the sweep's files under {@code sweep/JOBNAME/} as ArtifactArchiverStepExecution does,
     * and writes the per-task table (with tags) into the build's directory.
     */
    static void keep(Run<?, ?> run, FilePath work, Launcher launcher, TaskListener listener, String jobName,
            long timeoutSeconds) throws Exception {
        Map<String, String> files;
        try (Timeout timeout = Timeout.limit(timeoutSeconds, TimeUnit.SECONDS)) {
            files = work.act(new SweepCallables.ListArtifacts(jobName));
        }
        if (!files.isEmpty()) {
            run.pickArtifactManager().archive(work, launcher, BuildListenerAdapter.wrap(listener), files);
            listener.getLogger().println("[clusterSweep] "
                    + Messages.SweepRunner_Archived(files.size(), "sweep/" + jobName + "/"));
        }
        File table = SweepAction.taskTableFile(run, jobName);
        Files.createDirectories(table.getParentFile().toPath());
        try (OutputStream out = new FileOutputStream(table);
                Timeout timeout = Timeout.limit(timeoutSeconds, TimeUnit.SECONDS)) {
            work.act(new SweepCallables.WriteTaskTable(jobName, new RemoteOutputStream(out)));
        }
    }
}
