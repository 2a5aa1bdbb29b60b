package io.jenkins.plugins.clustersweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.LogExcerpt;
import dev.clustersweep.page.LogLink;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.spec.SweepDefaults;
import dev.clustersweep.spec.SweepRun;
import dev.clustersweep.spec.SweepSpec;
import dev.clustersweep.spec.SweepSummary;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import jenkins.agents.ControllerToAgentFileCallable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The work the step does on the agent that holds the working directory, each call one
 * {@link hudson.FilePath#act} of the directory the step runs in. All the logic is the engine's
 * ({@link SweepRun}); these only carry plain JDK values across: Jenkins' class filter (JEP-200)
 * refuses to deserialize on the controller classes that are neither the JDK's, core's nor a
 * plugin's own, and the engine's jar, though bundled, is none of those.
 *
 * <p>The engine runs the scheduler's commands (sbatch, qsub, squeue...) with {@link ProcessBuilder}
 * inside the agent's JVM, from these callables. That is deliberate: the sweep directory and the
 * scheduler client are on the agent, and the engine already handles quoting, retries and parsing.
 * The alternative, {@link hudson.Launcher}, would split every scheduler call in two halves across
 * the channel for nothing.
 */
@Restricted(NoExternalUse.class)
final class SweepCallables {

    private SweepCallables() {
    }

    /** Engine errors a user can fix become {@link AbortException}s: one line in the build log, no stack trace. */
    private static AbortException abort(BadInputException e) {
        return new AbortException(e.getMessage());
    }

    private static AbortException abort(BackendException e) {
        return new AbortException("scheduler error: " + e.getMessage());
    }

    /**
     * Builds the spec (from a spec file in the working directory when given, with the step's own
     * fields on top), writes the grid and submits it.
     *
     * <p>In a build started by "Relaunch selected" ({@link RelaunchAction}), a sweep with the
     * relaunched job name is not started afresh: only {@code relaunchIds} of the sweep directory
     * already in the working directory are launched again, with its own jobs.json and settings.
     *
     * @param relaunchJob the job name a relaunch is about, or null
     * @param relaunchIds the task ids to relaunch (condensed), with {@code relaunchJob}
     * @param relaunchOrigin where the sweep ran before ("build #12 in /ws on node x"), for messages
     * @return the summary map with the run's settings added: {@code spec.jobName}, {@code spec.retries},
     *     {@code spec.failOn}, {@code spec.wait}; for a relaunch also {@code relaunch.base},
     *     {@code relaunch.scope} and {@code relaunch.message}
     */
    record Launch(LinkedHashMap<String, Object> fields, String specFile, LinkedHashMap<String, Object> defaults,
            String relaunchJob, String relaunchIds, String relaunchOrigin)
            implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        Launch(LinkedHashMap<String, Object> fields, String specFile, LinkedHashMap<String, Object> defaults) {
            this(fields, specFile, defaults, null, null, null);
        }

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel)
                throws IOException, InterruptedException {
            Path work = dir.toPath();
            try {
                SweepSpec spec = specFile == null ? SweepSpec.fromMap(fields)
                        : SweepSpec.fromFile(work.resolve(specFile), fields);
                LinkedHashMap<String, Object> out;
                if (relaunchJob != null && relaunchJob.equals(spec.jobName())) {
                    SweepRun.Relaunch r;
                    try {
                        r = SweepRun.relaunch(work, spec.jobName(), TaskList.parse(relaunchIds));
                    } catch (BadInputException e) {
                        throw new AbortException("cannot relaunch tasks " + relaunchIds + " of sweep '" + relaunchJob
                                + "' (" + relaunchOrigin + "): " + e.getMessage());
                    }
                    out = r.summary().toMap();
                    out.put("relaunch.base", r.base());
                    out.put("relaunch.scope", r.plan().acted().toString());
                    out.put("relaunch.message", r.plan().message());
                } else {
                    out = SweepRun.launch(work, spec, SweepDefaults.fromMap(defaults)).toMap();
                }
                out.put("spec.jobName", spec.jobName());
                out.put("spec.retries", spec.retries());
                out.put("spec.failOn", spec.failOn().name());
                out.put("spec.wait", spec.await());
                return out;
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /**
     * One poll; relaunches unsuccessful tasks when the sweep has ended and retries are left.
     *
     * @param base submissions that are not retries (1, plus one per relaunch by hand; see SweepRun)
     * @param scope the task ids the run is about (a relaunch build's), or null for the whole sweep
     */
    record Advance(String jobName, int retries, int base, String scope)
            implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        private static final long serialVersionUID = 1L;

        Advance(String jobName, int retries) {
            this(jobName, retries, 1, null);
        }

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return SweepRun.advance(dir.toPath(), jobName, retries, base,
                        scope == null ? null : TaskList.parse(scope)).toMap();
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /** Cancels the sweep's active tasks. */
    record Cancel(String jobName) implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return SweepRun.cancel(dir.toPath(), jobName).toMap();
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /** Archive path ({@code sweep/JOBNAME/...}) to path relative to the working directory. */
    record ListArtifacts(String jobName) implements ControllerToAgentFileCallable<LinkedHashMap<String, String>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, String> invoke(File dir, VirtualChannel channel) throws IOException {
            Map<String, String> files = SweepRun.artifacts(dir.toPath(), jobName, "sweep/" + jobName);
            return new LinkedHashMap<>(files);
        }
    }

    /**
     * Streams the per-task table, gzipped, to {@code out}: a {@link hudson.remoting.RemoteOutputStream}
     * onto a file in the build's directory on the controller, so that a large sweep never passes
     * through the controller's memory or build.xml.
     */
    record WriteTaskTable(String jobName, OutputStream out) implements ControllerToAgentFileCallable<Void> {

        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File dir, VirtualChannel channel) throws IOException {
            try (OutputStream gz = new GZIPOutputStream(out)) {
                SweepRun.writeTaskTable(dir.toPath(), jobName, gz);
            } catch (BackendException e) {
                throw abort(e);
            }
            return null;
        }
    }

    /**
     * One page of the build page's task table, built on the agent from the sweep directory (only the
     * page's rows cross the channel), as {@code SweepPage.toJson()}: a String passes the class filter.
     */
    record Page(String jobName, String filter, int page, int size) implements ControllerToAgentFileCallable<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return SweepRun.page(dir.toPath(), jobName, TaskFilter.parse(filter), new PageRequest(page, size))
                        .toJson();
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    /**
     * Cancel or relaunch the tasks picked on the build page, or only plan it ({@code dryRun}).
     *
     * @return {@code acted} (condensed ids acted on, "" for none) and {@code message} (the plan in words)
     */
    record Act(String jobName, String action, String ids, ArrayList<String> checked, boolean allFailed, boolean dryRun)
            implements ControllerToAgentFileCallable<LinkedHashMap<String, String>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, String> invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                ActionPlan plan = SweepRun.act(dir.toPath(), jobName, TaskAction.valueOf(action),
                        new Selection(ids, checked, allFailed), dryRun);
                return planMap(plan);
            } catch (BadInputException e) {
                throw abort(e);
            } catch (BackendException e) {
                throw abort(e);
            }
        }
    }

    static LinkedHashMap<String, String> planMap(ActionPlan plan) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        out.put("acted", plan.acted().toString());
        out.put("message", plan.message());
        return out;
    }

    /**
     * The end of one attempt's log while the sweep runs (before it is archived): {@code text},
     * {@code size}, {@code skipped}. Only {@code logs/ID.N.out|err} of the sweep can be named.
     */
    record LogTail(String jobName, String relativePath, int maxBytes)
            implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                Path file = LogLink.resolve(new SweepDirectory(dir.toPath(), jobName), relativePath);
                LogExcerpt excerpt = LogExcerpt.tail(file, maxBytes);
                LinkedHashMap<String, Object> out = new LinkedHashMap<>();
                out.put("text", excerpt.text());
                out.put("size", excerpt.size());
                out.put("skipped", excerpt.skipped());
                return out;
            } catch (BadInputException e) {
                throw abort(e);
            }
        }
    }
}
