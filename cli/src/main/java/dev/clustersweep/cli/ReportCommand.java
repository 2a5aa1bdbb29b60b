package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.report.ReportModel;
import dev.clustersweep.report.ReportPage;
import dev.clustersweep.results.SweepResults;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep report}: the sweep's results as one self-contained HTML page of plots
 * (docs/results.md). Checked and computed in full before the file is written, and written
 * atomically, so bad input leaves no file and an old report stays whole until the new one replaces it.
 */
@Command(name = "report", sortOptions = false,
        description = {"Write a sweep's results as one self-contained HTML page: progress, the best configurations,"
                + " a search's samples and best so far, the metric per parameter value, parameter importance, the metric"
                + " over the sweep, learning curves.",
                "Nothing is fetched to view it (no script, no CDN); readable for 100,000 tasks."})
final class ReportCommand implements Callable<Integer> {

    /** Rows of the table of the best without --top: a page to look at, not to read through. */
    static final int DEFAULT_TOP = 10;

    @Mixin
    ResultsOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the page (default: JOBNAME-report.html here); replaced whole.")
    Path output;

    @Override
    public Integer call() throws Exception {
        RankOptions rank = options.rank;
        String jobName = options.job.jobName;
        rank.check();
        options.requireMetric(rank.needingMetric(), "plot");
        Path target = output != null ? output : Path.of(jobName + "-report.html");
        if (Files.isDirectory(target)) {
            throw new BadInputException("bad -o '" + target + "': it is a directory, expected the file to write");
        }
        ResultsOptions.Read read = options.read();
        Sweep sweep = read.sweep();
        SweepResults results = read.results();
        ReportModel model = ReportModel.of(results, sweep.directory(), read.objective(), rank.over(results),
                rank.top == null ? DEFAULT_TOP : rank.top, Instant.now(), best -> SweepResults.withSeries(sweep, best));
        ReportPage.write(model, target);

        PrintWriter out = options.spec.commandLine().getOut();
        out.println(jobName + ": " + results.status().summary() + "; report written to " + target + " ("
                + (Files.size(target) + 1023) / 1024 + " KiB)");
        out.flush();
        ResultsCommand.reportProblems(results, options.spec.commandLine().getErr(), false);
        return 0;
    }
}
