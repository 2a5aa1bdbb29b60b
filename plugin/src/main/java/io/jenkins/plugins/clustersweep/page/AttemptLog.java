package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.page.LogExcerpt;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;

/**
 * One attempt's log behind the page's links ({@code path=logs/ID.N.out|err}): while the step runs,
 * the end of the file from the agent as text/plain; after, the archived artifact shown as text.
 */
final class AttemptLog {

    /** Bytes of a running task's log the page shows (its end); the property keeps its first name. */
    static final int LOG_TAIL_BYTES = SystemProperties.getInteger(SweepAction.class.getName() + ".LOG_TAIL_BYTES",
            256 * 1024);

    /**
     * DirectoryBrowserSupport's "show this artifact as plain text": served as itself, a file with an
     * unknown extension ({@code .out}, {@code .err}) is application/octet-stream, which browsers download.
     */
    static final String VIEW = "/*view*/";

    private AttemptLog() {
    }

    /** Where the kept logs of {@code jobName} are, relative to the sweep page. */
    static String archived(String jobName) {
        return "../artifact/sweep/" + jobName + "/";
    }

    /**
     * The log at {@code path}: its end from {@code liveDir} on the agent, or with no live directory a
     * redirect to the archived artifact.
     */
    static HttpResponse serve(String jobName, String path, @CheckForNull FilePath liveDir)
            throws IOException, InterruptedException {
        if (path == null || !path.matches("logs/[1-9][0-9]{0,17}\\.[1-9][0-9]{0,8}\\.(out|err)")) {
            throw HttpResponses.errorWithoutStack(400, Messages.SweepAction_BadLogPath());
        }
        if (liveDir == null) {
            return HttpResponses.redirectTo(archived(jobName) + path + VIEW);
        }
        LogExcerpt tail;
        try (Timeout timeout = Timeout.limit(LivePages.AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            tail = liveDir.act(new SweepCallables.LogTail(jobName, path, LOG_TAIL_BYTES));
        } catch (AbortException e) {
            throw HttpResponses.errorWithoutStack(404, e.getMessage());
        }
        String head = tail.skipped() > 0 ? Messages.SweepAction_LogSkipped(tail.skipped(), tail.size()) + "\n" : "";
        return HttpResponses.text(head + tail.text());
    }
}
