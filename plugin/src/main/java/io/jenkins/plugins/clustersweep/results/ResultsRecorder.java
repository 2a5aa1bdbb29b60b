package io.jenkins.plugins.clustersweep.results;

import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.RegressionGate;
import dev.clustersweep.results.ResultsSummary;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SweepSettings;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The run's end, for results: compute them on the agent (and leave the files for the archive), keep
 * the summary in the build ({@link SweepResultsAction}), and run the regression gate against the
 * last successful build's summary. Shared by the Pipeline step and the freestyle builder through
 * {@link SweepRunner#finish}; nothing here fails the build by itself but the gate.
 */
@Restricted(NoExternalUse.class)
public final class ResultsRecorder {

    private static final Logger LOGGER = Logger.getLogger(ResultsRecorder.class.getName());

    /** How many earlier successful builds the gate looks through for one with this sweep's metric. */
    static final int GATE_LOOK_BACK = 20;

    private ResultsRecorder() {
    }

    /**
     * Computes and keeps the sweep's results, then gates. A failure to read them is logged, never
     * fatal: the sweep's outcome stands.
     */
    public static void record(Run<?, ?> run, FilePath work, TaskListener listener, SweepCallables.Launched launched,
            SweepProgress progress, boolean aborted) {
        SweepSettings settings = launched.settings() == null ? SweepSettings.NONE : launched.settings();
        Objective objective = settings.objective();
        String jobName = launched.jobName();
        ResultsSummary summary;
        try {
            File table = SweepResultsAction.tableFile(run, jobName);
            Files.createDirectories(table.getParentFile().toPath());
            try (OutputStream out = new FileOutputStream(table);
                    Timeout timeout = Timeout.limit(SweepRunner.REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                summary = work.act(new ResultsCallables.Compute(jobName, objective, new RemoteOutputStream(out)));
            }
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "results of sweep " + jobName, e);
            listener.error(Messages.ResultsRecorder_Failed(jobName, e.toString()));
            return;
        }
        if (summary == null) {
            return;
        }
        SweepRunner.log(listener, summary.line());
        SweepResultsAction action = SweepResultsAction.record(run, summary);
        RegressionGate.Tolerance tolerance = settings.regressionTolerance();
        if (tolerance != null && objective != null && !aborted && launched.await() && progress != null
                && progress.finished()) {
            gate(run, listener, action, objective, tolerance, settings.get(Settings.REGRESSION_RESULT));
        }
    }

    /** Compares with the last successful build that has this sweep's metric; marks the build when worse. */
    static void gate(Run<?, ?> run, TaskListener listener, SweepResultsAction current, Objective objective,
            RegressionGate.Tolerance tolerance, String resultName) {
        SweepResultsAction before = null;
        Run<?, ?> b = run.getPreviousSuccessfulBuild();
        for (int i = 0; b != null && i < GATE_LOOK_BACK; i++, b = b.getPreviousSuccessfulBuild()) {
            SweepResultsAction a = SweepResultsAction.of(b, current.getJobName());
            if (a != null && objective.metric().equals(a.getMetric()) && a.isMaximize() == objective.maximize()
                    && !Double.isNaN(a.getMetricBest())) {
                before = a;
                break;
            }
        }
        if (before == null) {
            String line = Messages.ResultsRecorder_NothingToCompare(objective.metric(), current.getJobName());
            current.gate(line, false);
            SweepRunner.log(listener, line);
            return;
        }
        RegressionGate.Verdict v = RegressionGate.compare(objective, before.getMetricBest(), current.getMetricBest(),
                tolerance);
        String compared = v.line(before.getRun().getFullDisplayName());
        if (v.regressed()) {
            Result result = Result.fromString(resultName);
            String line = Messages.ResultsRecorder_Regression(compared, result);
            current.gate(line, true);
            run.setResult(result);
            SweepRunner.log(listener, line);
        } else {
            String line = Messages.ResultsRecorder_Passed(compared);
            current.gate(line, false);
            SweepRunner.log(listener, line);
        }
    }

    /**
     * The step's map with the results in it: {@code metric}, {@code bestTask}, {@code bestParameters}
     * (name to value), {@code bestMetrics} (name to final value), {@code metricBest},
     * {@code metricMean} and {@code regression}; null values where there is no such thing (no metric,
     * no task ranked; NaN is null). Only JDK types.
     */
    public static LinkedHashMap<String, Object> toMap(Run<?, ?> run, RunResult result) {
        LinkedHashMap<String, Object> map = result.toMap();
        SweepResultsAction a = SweepResultsAction.of(run, result.summary().jobName());
        map.put("metric", a == null ? null : a.getMetric());
        map.put("bestTask", a == null ? null : a.getBestTask());
        map.put("bestParameters", a == null || a.getBestTask() == null ? null : new LinkedHashMap<>(a.getBestParameters()));
        LinkedHashMap<String, Object> metrics = null;
        if (a != null && a.getBestTask() != null) {
            metrics = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : a.getBestMetrics().entrySet()) {
                metrics.put(e.getKey(), number(e.getValue()));
            }
        }
        map.put("bestMetrics", metrics);
        map.put("metricBest", a == null ? null : number(a.getMetricBest()));
        map.put("metricMean", a == null ? null : number(a.getMetricMean()));
        map.put("regression", a != null && a.isRegression());
        return map;
    }

    private static Double number(Double d) {
        return d == null || Double.isNaN(d) ? null : d;
    }
}
