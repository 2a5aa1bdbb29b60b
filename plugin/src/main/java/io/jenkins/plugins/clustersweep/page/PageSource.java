package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.TaskFilter;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.FilePathUtils;

/**
 * Where a sweep page's rows come from: while the step waits for the sweep, the agent that holds its
 * directory ({@link LivePages}); once it has ended, or while that agent is offline, the table the
 * build kept ({@link ArchivedTable}). Holds both caches; nothing of it is saved with the build.
 */
final class PageSource {

    private final SweepAction action;
    private LivePages live;
    private ArchivedTable archive;

    PageSource(SweepAction action) {
        this.action = action;
    }

    /**
     * One page of the sweep.
     *
     * @throws dev.clustersweep.BadInputException for a bad filter
     * @throws IOException when neither the agent nor the table file can tell (agent offline, no table)
     */
    SweepPage page(String filterText, String pageText, String sizeText) throws IOException, InterruptedException {
        TaskFilter filter = TaskFilter.parse(filterText);
        PageRequest request = PageRequest.parse(pageText, sizeText);
        if (action.isLive()) {
            FilePath dir = workDirectory();
            if (dir != null) {
                return live().get(dir, action.getJobName(), filter, request);
            }
        }
        ArchivedTable.Table a = archived();
        if (a == null) {
            throw new AbortException(action.isLive() ? action.agentOffline()
                    : Messages.SweepAction_NoTable(action.getJobName()));
        }
        return a.pages().page(a.sweep().status(), filter, request);
    }

    /** The table the build kept, or null when there is none (yet). */
    @CheckForNull
    ArchivedTable.Table archived() throws IOException {
        return archive().read(action.getTaskTableFile());
    }

    /** The step's working directory on its agent, or null when the agent is offline. */
    @CheckForNull
    FilePath workDirectory() {
        String dir = action.getWorkDir();
        return dir == null ? null : FilePathUtils.find(action.node(), dir); // outside the action's lock: it looks up the node
    }

    /** After a cancel from the page: the next live page is asked afresh. */
    synchronized void clearLive() {
        if (live != null) {
            live.clear();
        }
    }

    private synchronized LivePages live() {
        if (live == null) {
            live = new LivePages();
        }
        return live;
    }

    private synchronized ArchivedTable archive() {
        if (archive == null) {
            archive = new ArchivedTable();
        }
        return archive;
    }
}
