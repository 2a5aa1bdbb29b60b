package io.jenkins.plugins.clustersweep.results;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.report.ReportModel;
import dev.clustersweep.report.ReportPage;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.Ranking;
import dev.clustersweep.results.ResultTable;
import dev.clustersweep.results.ResultTables;
import dev.clustersweep.results.ResultsSummary;
import dev.clustersweep.results.SweepResults;
import dev.clustersweep.results.TableFormat;
import dev.clustersweep.results.TaskResult;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import jenkins.agents.ControllerToAgentFileCallable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The results' one agent call: core's {@link SweepResults} read where the sweep directory is. */
@Restricted(NoExternalUse.class)
public final class ResultsCallables {

    /** In the sweep directory: {@code .sweep/JOBNAME/results/}, archived as {@code sweep/JOBNAME/results/}. */
    public static final String DIRECTORY = "results";

    /** The HTML report in {@link #DIRECTORY}, as {@code sweep report} writes it. */
    public static final String REPORT = "report.html";

    /** Rows of the report's table of the best tasks, as {@code sweep report}'s default. */
    static final int REPORT_TOP = 10;

    private ResultsCallables() {
    }

    /**
     * Reads the sweep's results (states, parameters, every task's final metrics), writes the table
     * of {@code sweep results --metric M --format json|csv} (best first, then the others by id) as
     * {@code results/results.json} and {@code results/results.csv} in the sweep directory (and, with a
     * metric, the page of {@code sweep report} as {@code results/report.html}), so that
     * the archive that follows keeps them with the logs, streams the same JSON gzipped to {@code out}
     * (a {@link hudson.remoting.RemoteOutputStream} onto a file in the build's directory: only the
     * summary crosses the channel as an object) and answers the summary; null when there is no sweep.
     *
     * @param objective the metric ranked by, or null (id order, no best)
     */
    public record Compute(String jobName, Objective objective, OutputStream out)
            implements ControllerToAgentFileCallable<ResultsSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public ResultsSummary invoke(File dir, VirtualChannel channel) throws IOException {
            try (OutputStream gz = new GZIPOutputStream(out)) {
                Sweep sweep = Sweep.open(dir.toPath(), jobName);
                if (!sweep.exists()) {
                    return null;
                }
                SweepResults results = SweepResults.read(sweep, false);
                List<TaskResult> order = results.tasks();
                if (objective != null) {
                    Ranking ranking = Ranking.of(results.tasks(), objective);
                    order = new ArrayList<>(ranking.ranked());
                    order.addAll(ranking.others());
                }
                ResultTable table = ResultTables.tasks(results, order, objective);
                String json = TableFormat.JSON.write(table);
                Path files = sweep.directory().root().resolve(DIRECTORY);
                AtomicFiles.createDirectories(files);
                AtomicFiles.writeString(files.resolve("results.json"), json);
                AtomicFiles.writeString(files.resolve("results.csv"), TableFormat.CSV.write(table));
                if (objective != null) {
                    // The plots of `sweep report --metric M` (each task its own configuration: a
                    // Pipeline names no --over), archived with the tables and shown on the results page.
                    ReportModel model = ReportModel.of(results, sweep.directory(), objective, List.of(), REPORT_TOP, Instant.now(),
                            best -> SweepResults.withSeries(sweep, best));
                    ReportPage.write(model, files.resolve(REPORT));
                }
                gz.write(json.getBytes(StandardCharsets.UTF_8));
                return ResultsSummary.of(results, objective);
            } catch (BadInputException e) {
                throw new AbortException(e.getMessage());
            } catch (BackendException e) {
                throw new AbortException("scheduler error: " + e.getMessage());
            }
        }
    }
}
