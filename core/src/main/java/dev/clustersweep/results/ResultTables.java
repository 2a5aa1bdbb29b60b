package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.List;

/** The three tables of {@code sweep results}: tasks, configurations ({@code --over}), parameter values. */
public final class ResultTables {

    private ResultTables() {
    }

    /**
     * One row per task: id, parameters, state, exit code, metrics (the objective's first), and how
     * many problems its metrics had when any task had some.
     */
    public static ResultTable tasks(SweepResults results, List<TaskResult> rows, Objective objective) {
        List<String> metrics = new ArrayList<>(results.metrics());
        if (objective != null) {
            metrics.remove(objective.metric());
            metrics.add(0, objective.metric());
        }
        boolean problems = rows.stream().anyMatch(t -> t.metrics().problemCount() > 0);
        ResultTable.Columns columns = new ResultTable.Columns("task", "state", "exit", "problems").add("task");
        results.parameters().forEach(p -> columns.add(p, "param"));
        columns.add("state").add("exit");
        metrics.forEach(m -> columns.add(m, "metric"));
        if (problems) {
            columns.add("problems");
        }
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (TaskResult t : rows) {
            List<Object> row = new ArrayList<>(columns.names().size());
            row.add(t.id());
            for (String p : results.parameters()) {
                row.add(t.parameters().get(p));
            }
            row.add(t.state().name());
            row.add(t.exitCode() == null ? null : (long) t.exitCode());
            for (String m : metrics) {
                row.add(t.value(m));
            }
            if (problems) {
                row.add((long) t.metrics().problemCount());
            }
            cells.add(row);
        }
        return new ResultTable(columns.names(), cells);
    }

    /** One row per configuration: its parameters, then counts and the objective's statistics. */
    public static ResultTable configurations(List<String> parameters, List<Configurations.Configuration> rows,
            Objective objective) {
        ResultTable.Columns columns = new ResultTable.Columns(statNames(objective));
        parameters.forEach(p -> columns.add(p, "param"));
        statColumns(columns, objective);
        List<List<Object>> cells = new ArrayList<>();
        for (Configurations.Configuration c : rows) {
            List<Object> row = new ArrayList<>();
            for (String p : parameters) {
                row.add(c.parameters().get(p));
            }
            statCells(row, c.tasks(), c.failed(), c.stats());
            cells.add(row);
        }
        return new ResultTable(columns.names(), cells);
    }

    /** One row per value of each parameter. */
    public static ResultTable parameters(List<ParameterSummary.Row> rows, Objective objective) {
        ResultTable.Columns columns = new ResultTable.Columns().add("parameter").add("value");
        statColumns(columns, objective);
        List<List<Object>> cells = new ArrayList<>();
        for (ParameterSummary.Row r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.parameter());
            row.add(r.value());
            statCells(row, r.tasks(), r.failed(), r.stats());
            cells.add(row);
        }
        return new ResultTable(columns.names(), cells);
    }

    /** tasks, failed, n (values counted), then the metric's mean, sd, best and worst, named after it. */
    private static void statColumns(ResultTable.Columns columns, Objective objective) {
        for (String name : statNames(objective)) {
            columns.add(name);
        }
    }

    private static String[] statNames(Objective objective) {
        String m = objective.metric();
        return new String[] {"tasks", "failed", "n", m + "_mean", m + "_sd", m + "_best", m + "_worst"};
    }

    private static void statCells(List<Object> row, int tasks, int failed, Stats s) {
        row.add((long) tasks);
        row.add((long) failed);
        row.add(s.n());
        row.add(s.n() == 0 ? null : s.mean());
        row.add(s.n() < 2 ? null : s.sd());
        row.add(s.n() == 0 ? null : s.best());
        row.add(s.n() == 0 ? null : s.worst());
    }
}
