package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.results.Configurations;
import dev.clustersweep.results.MetricProblem;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.ParameterSummary;
import dev.clustersweep.results.Ranking;
import dev.clustersweep.results.ResultTable;
import dev.clustersweep.results.ResultTables;
import dev.clustersweep.results.SweepResults;
import dev.clustersweep.results.TableFormat;
import dev.clustersweep.results.TaskResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep results}: the tasks' parameters, states and metrics as a table, ranked, aggregated
 * over repeated runs or summarised per parameter (docs/results.md). Every option is checked and
 * the whole table made before anything is printed, so bad input prints one line and nothing else.
 */
@Command(name = "results", sortOptions = false,
        description = {"Show what a sweep's tasks reported: one row per task with its parameters, state and metrics.",
                "Tasks report with one line of shell: echo \"loss=0.31\" >> \"$SWEEP_METRICS\" (see docs/results.md)."})
final class ResultsCommand implements Callable<Integer> {

    /** Problems printed one by one before the rest are only counted: a sweep of broken tasks is not a flood. */
    static final int PROBLEM_LINES = 10;

    @Mixin
    ResultsOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (the default), csv, json or markdown.")
    String format;

    @Option(names = "--by-parameter",
            description = "For each value of each parameter: tasks, failed, count, mean, sd, best and worst.")
    boolean byParameter;

    @Option(names = "--problems", description = "List every metrics problem on stderr, not only the first "
            + PROBLEM_LINES + ".")
    boolean allProblems;

    @Override
    public Integer call() throws Exception {
        TableFormat tableFormat = TableFormat.named(format);
        if (tableFormat == null) {
            throw new BadInputException("bad --format '" + format + "': expected table, csv, json or markdown");
        }
        RankOptions rank = options.rank;
        rank.check();
        if (rank.over != null && byParameter) {
            throw new BadInputException("--over and --by-parameter both given: expected one of them");
        }
        if (rank.top != null && byParameter) {
            // Every value of every parameter is the point of the summary: the best K would hide some.
            throw new BadInputException("--top does not apply to --by-parameter: expected one of them");
        }
        String needing = rank.needingMetric() != null ? rank.needingMetric() : byParameter ? "--by-parameter" : null;
        options.requireMetric(needing, "rank by");
        ResultsOptions.Read read = options.read();
        SweepResults results = read.results();
        Objective objective = read.objective();
        List<String> over = rank.over(results);
        List<String> grouped = new ArrayList<>(results.parameters());
        grouped.removeAll(over);

        String caption;
        ResultTable table;
        if (!over.isEmpty()) {
            List<Configurations.Configuration> rows = Configurations.of(results.tasks(), over, objective);
            caption = rows.size() + " configuration(s) over " + String.join(", ", over) + ", by mean "
                    + objective.describe();
            table = ResultTables.configurations(grouped, top(rows), objective);
        } else if (byParameter) {
            caption = "per parameter value: " + objective.metric() + " of the tasks that SUCCEEDED, best "
                    + (objective.maximize() ? "largest" : "smallest");
            table = ResultTables.parameters(ParameterSummary.of(results.tasks(), results.parameters(), objective),
                    objective);
        } else if (objective != null && rank.top != null) {
            // The best K alone: kept in a bounded heap, not every task sorted.
            Ranking.Top best = Ranking.Top.of(results.tasks(), objective, rank.top);
            caption = "ranked by " + objective.describe() + ": the " + best.ranked()
                    + " task(s) that SUCCEEDED with " + objective.metric() + " (the best " + rank.top + " shown)";
            table = ResultTables.tasks(results, best.best(), objective);
        } else if (objective != null) {
            Ranking ranking = Ranking.of(results.tasks(), objective);
            caption = "ranked by " + objective.describe() + ": the " + ranking.ranked().size()
                    + " task(s) that SUCCEEDED with " + objective.metric()
                    + (ranking.others().isEmpty() ? "" : ", then the " + ranking.others().size() + " other(s) by id");
            List<TaskResult> rows = new ArrayList<>(ranking.ranked());
            rows.addAll(ranking.others());
            table = ResultTables.tasks(results, rows, objective);
        } else {
            caption = null;
            table = ResultTables.tasks(results, results.tasks(), null);
        }
        String text = tableFormat.write(table);

        PrintWriter out = options.spec.commandLine().getOut();
        if (tableFormat == TableFormat.TABLE) {
            out.println(options.job.jobName + ": " + results.status().summary() + (caption == null ? "" : "; " + caption));
        }
        out.print(text);
        out.flush();
        reportProblems(results, options.spec.commandLine().getErr(), allProblems);
        return 0;
    }

    private <T> List<T> top(List<T> rows) {
        Integer top = options.rank.top;
        return top == null ? rows : rows.subList(0, Math.min(top, rows.size()));
    }

    /** The tasks' metrics problems on stderr, each with its task, file and line; stdout stays the table. */
    static void reportProblems(SweepResults results, PrintWriter err, boolean allProblems) {
        List<TaskResult> bad = results.withProblems();
        if (bad.isEmpty()) {
            return;
        }
        long total = 0;
        int shown = 0;
        for (TaskResult t : bad) {
            total += t.metrics().problemCount();
            for (MetricProblem p : t.metrics().problems()) {
                if (allProblems || shown < PROBLEM_LINES) {
                    err.println("sweep: task " + t.id() + ": " + p.describe());
                    shown++;
                }
            }
            if (allProblems && t.metrics().moreProblems() > 0) {
                err.println("sweep: task " + t.id() + ": " + t.metrics().moreProblems() + " more problem(s) in its"
                        + " metrics, not listed");
            }
        }
        if (total > shown) {
            err.println("sweep: " + total + " metrics problem(s) in " + bad.size() + " task(s) in all; their values"
                    + " were skipped, the others kept" + (allProblems ? "" : " (--problems lists them)"));
        }
        err.flush();
    }
}
