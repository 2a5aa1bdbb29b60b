package io.jenkins.plugins.clustersweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.spec.SweepDefaults;
import dev.clustersweep.spec.SweepRun;
import dev.clustersweep.spec.SweepSpec;
import dev.clustersweep.spec.SweepSummary;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
     * @return the summary map with the run's settings added: {@code spec.jobName}, {@code spec.retries},
     *     {@code spec.failOn}, {@code spec.wait}
     */
    record Launch(LinkedHashMap<String, Object> fields, String specFile, LinkedHashMap<String, Object> defaults)
            implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel)
                throws IOException, InterruptedException {
            Path work = dir.toPath();
            try {
                SweepSpec spec = specFile == null ? SweepSpec.fromMap(fields)
                        : SweepSpec.fromFile(work.resolve(specFile), fields);
                SweepSummary summary = SweepRun.launch(work, spec, SweepDefaults.fromMap(defaults));
                LinkedHashMap<String, Object> out = summary.toMap();
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

    /** One poll; relaunches unsuccessful tasks when the sweep has ended and retries are left. */
    record Advance(String jobName, int retries) implements ControllerToAgentFileCallable<LinkedHashMap<String, Object>> {

        private static final long serialVersionUID = 1L;

        @Override
        public LinkedHashMap<String, Object> invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                return SweepRun.advance(dir.toPath(), jobName, retries).toMap();
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
    @SuppressFBWarnings(value = "SE_BAD_FIELD", justification = "a RemoteOutputStream, which is serializable")
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
}
