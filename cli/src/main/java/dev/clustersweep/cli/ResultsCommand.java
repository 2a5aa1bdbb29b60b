package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.Sweep;
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
import picocli.CommandLine.Spec;

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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Rank by this metric: tasks that SUCCEEDED and reported it, best first; the others after.")
    String metric;

    @Option(names = "--minimize", description = "Smallest first (the default).")
    boolean minimize;

    @Option(names = "--maximize", description = "Largest first.")
    boolean maximize;

    @Option(names = "--top", paramLabel = "K", description = "Only the K best tasks or configurations (needs --metric).")
    Integer top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (the default), csv, json or markdown.")
    String format;

    @Option(names = "--over", paramLabel = "PARAM", split = ",",
            description = "Take tasks that differ only in these parameters (e.g. seed) as repeated runs of one"
                    + " configuration: mean, standard deviation and count per configuration, best mean first.")
    List<String> over;

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
        if (minimize && maximize) {
            throw new BadInputException("--minimize and --maximize both given: expected one of them");
        }
        if (top != null && top < 1) {
            throw new BadInputException("bad --top '" + top + "': expected a whole number from 1");
        }
        if (over != null && byParameter) {
            throw new BadInputException("--over and --by-parameter both given: expected one of them");
        }
        if (top != null && byParameter) {
            // Every value of every parameter is the point of the summary: the best K would hide some.
            throw new BadInputException("--top does not apply to --by-parameter: expected one of them");
        }
        if (metric == null && (top != null || over != null || byParameter || minimize || maximize)) {
            String option = top != null ? "--top" : over != null ? "--over" : byParameter ? "--by-parameter"
                    : minimize ? "--minimize" : "--maximize";
            throw new BadInputException(option + " needs --metric NAME: expected the metric to rank by");
        }
        Sweep sweep = job.openExisting();
        SweepResults results = SweepResults.read(sweep, false);
        Objective objective = metric == null ? null : new Objective(metric, maximize);
        if (objective != null && !results.metrics().contains(metric)) {
            throw new BadInputException("no task of sweep '" + job.jobName + "' reported metric '" + metric
                    + "': expected " + (results.metrics().isEmpty() ? "a metric its tasks write to $SWEEP_METRICS"
                    + " (none reported any yet)" : "one of " + String.join(", ", results.metrics())));
        }
        List<String> grouped = new ArrayList<>(results.parameters());
        if (over != null) {
            for (String name : over) {
                String bare = dev.clustersweep.grid.Grid.parameterName(name);
                if (!results.parameters().contains(bare)) {
                    throw new BadInputException("bad --over '" + name + "': expected one of the sweep's parameters "
                            + (results.parameters().isEmpty() ? "(it has none)" : String.join(", ", results.parameters())));
                }
                grouped.remove(bare);
            }
        }

        String caption;
        ResultTable table;
        if (over != null) {
            List<String> bare = over.stream().map(dev.clustersweep.grid.Grid::parameterName).toList();
            List<Configurations.Configuration> rows = Configurations.of(results.tasks(), bare, objective);
            caption = rows.size() + " configuration(s) over " + String.join(", ", bare) + ", by mean "
                    + objective.describe();
            table = ResultTables.configurations(grouped, top(rows), objective);
        } else if (byParameter) {
            caption = "per parameter value: " + objective.metric() + " of the tasks that SUCCEEDED, best "
                    + (objective.maximize() ? "largest" : "smallest");
            table = ResultTables.parameters(ParameterSummary.of(results.tasks(), results.parameters(), objective),
                    objective);
        } else if (objective != null) {
            Ranking ranking = Ranking.of(results.tasks(), objective);
            caption = "ranked by " + objective.describe() + ": the " + ranking.ranked().size()
                    + " task(s) that SUCCEEDED with " + metric + (top != null ? " (the best " + top + " shown)"
                    : ranking.others().isEmpty() ? "" : ", then the " + ranking.others().size() + " other(s) by id");
            if (top != null) {
                ranking = ranking.top(top);
            }
            List<TaskResult> rows = new ArrayList<>(ranking.ranked());
            rows.addAll(ranking.others());
            table = ResultTables.tasks(results, rows, objective);
        } else {
            caption = null;
            table = ResultTables.tasks(results, results.tasks(), null);
        }
        String text = tableFormat.write(table);

        PrintWriter out = spec.commandLine().getOut();
        if (tableFormat == TableFormat.TABLE) {
            out.println(job.jobName + ": " + results.status().summary() + (caption == null ? "" : "; " + caption));
        }
        out.print(text);
        out.flush();
        reportProblems(results, spec.commandLine().getErr());
        return 0;
    }

    private <T> List<T> top(List<T> rows) {
        return top == null ? rows : rows.subList(0, Math.min(top, rows.size()));
    }

    /** The tasks' metrics problems on stderr, each with its task, file and line; stdout stays the table. */
    private void reportProblems(SweepResults results, PrintWriter err) {
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
