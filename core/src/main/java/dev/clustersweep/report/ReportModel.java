package dev.clustersweep.report;

import dev.clustersweep.engine.SearchLog;
import dev.clustersweep.results.Configurations;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.Ranking;
import dev.clustersweep.results.ResultTable;
import dev.clustersweep.results.ResultTables;
import dev.clustersweep.results.SweepResults;
import dev.clustersweep.results.TaskResult;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything {@code sweep report} draws, computed from a sweep's results before any HTML is
 * written: small records whatever the sweep's size (boxes, bins, a few curves), so that the page
 * writer only lays them out.
 *
 * @param objective null when no metric was chosen: the report then shows the states alone
 * @param over the parameters repeated runs differ in ({@code --over}), empty when not given
 * @param best the best configurations (with {@code over}) or tasks, best first
 * @param bestCaption what {@code best} holds, in words
 * @param notPlotted tasks that SUCCEEDED with the metric but whose value is NaN or infinite
 * @param problems tasks whose metrics had bad lines
 * @param search the search's plots when the sweep is a search ({@code search.log} exists), else null
 */
public record ReportModel(String jobName, Instant written, String summary, Map<TaskState, Long> counts,
        long notLaunched, List<String> metrics, Objective objective, List<String> over, ResultTable best,
        String bestCaption, List<ParameterPlot> parameters, List<Importance.Share> importance,
        ProgressPlot progress, LearningCurves curves, long notPlotted, long problems, SearchPlot search) {

    /** Tasks whose learning curves are drawn: more lines than this are a tangle. */
    public static final int CURVES = 5;

    /**
     * The model of a report.
     *
     * @param over parameter names as results name them (validated by the caller), empty for none
     * @param top how many configurations or tasks the table of the best shows
     * @param withSeries reads the given tasks again with their series (only the best few need them)
     */
    public static ReportModel of(SweepResults results, Objective objective, List<String> over, int top,
            Instant written, UnaryOperator<List<TaskResult>> withSeries) {
        return of(results, null, objective, over, top, written, withSeries);
    }

    /**
     * The model of a report, with the search's plots when {@code dir} (the sweep's directory, null
     * for none) holds a {@code search.log}.
     */
    public static ReportModel of(SweepResults results, SweepDirectory dir, Objective objective, List<String> over,
            int top, Instant written, UnaryOperator<List<TaskResult>> withSeries) {
        Map<TaskState, Long> counts = results.status().counts();
        long problems = results.withProblems().size();
        if (objective == null) {
            return new ReportModel(results.jobName(), written, results.status().summary(), counts,
                    results.status().notLaunched(), results.metrics(), null, List.copyOf(over), null, null,
                    List.of(), List.of(), null, null, 0, problems, null);
        }
        List<TaskResult> tasks = results.tasks();
        Ranking ranking = Ranking.of(tasks, objective);
        ResultTable best;
        String caption;
        if (!over.isEmpty()) {
            List<Configurations.Configuration> configs = Configurations.of(tasks, over, objective);
            List<String> grouped = new ArrayList<>(results.parameters());
            grouped.removeAll(over);
            best = ResultTables.configurations(grouped, configs.subList(0, Math.min(top, configs.size())),
                    objective);
            caption = configs.size() + " configuration(s) over " + String.join(", ", over) + ", by mean "
                    + objective.describe() + shown(top, configs.size());
        } else {
            best = ResultTables.tasks(results, ranking.top(top).ranked(), objective);
            caption = ranking.ranked().size() + " task(s) SUCCEEDED with " + objective.metric() + ", by "
                    + objective.describe() + shown(top, ranking.ranked().size());
        }
        long notPlotted = ranking.ranked().stream().filter(t -> !Double.isFinite(t.value(objective.metric())))
                .count();
        Map<Long, Long> ends = new HashMap<>(tasks.size() * 2);
        for (TaskStatus s : results.status().tasks()) {
            if (s.end() != null) {
                ends.put(s.id(), s.end());
            }
        }
        List<TaskResult> curveTasks = withSeries.apply(ranking.top(CURVES).ranked());
        return new ReportModel(results.jobName(), written, results.status().summary(), counts,
                results.status().notLaunched(), results.metrics(), objective, List.copyOf(over), best, caption,
                ParameterPlot.of(tasks, results.parameters(), objective), importance(results, objective),
                ProgressPlot.of(tasks, ends, objective), LearningCurves.of(curveTasks, objective.metric()),
                notPlotted, problems, search(results, dir, objective));
    }

    /** The search's plots, or null when the sweep is no search. */
    static SearchPlot search(SweepResults results, SweepDirectory dir, Objective objective) {
        if (dir == null || !Files.exists(SearchLog.file(dir))) {
            return null;
        }
        return SearchPlot.of(SearchLog.read(dir), results.tasks(), results.parameters(), objective);
    }

    private static String shown(int top, int of) {
        return of > top ? " (the best " + top + " shown)" : "";
    }

    /** Each parameter's share of the variance of the metric, over the tasks that SUCCEEDED with a finite value. */
    private static List<Importance.Share> importance(SweepResults results, Objective objective) {
        List<TaskResult> counted = new ArrayList<>();
        for (TaskResult t : results.tasks()) {
            Double v = t.succeeded() ? t.value(objective.metric()) : null;
            if (v != null && Double.isFinite(v)) {
                counted.add(t);
            }
        }
        double[] metric = new double[counted.size()];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = counted.get(i).value(objective.metric());
        }
        List<Importance.Share> shares = new ArrayList<>();
        for (String p : results.parameters()) {
            List<String> groups = new ArrayList<>(counted.size());
            for (TaskResult t : counted) {
                groups.add(t.parameters().get(p));
            }
            shares.add(Importance.of(p, groups, metric));
        }
        return List.copyOf(shares);
    }
}
