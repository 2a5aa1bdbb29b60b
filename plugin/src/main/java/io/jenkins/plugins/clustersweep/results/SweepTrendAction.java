package io.jenkins.plugins.clustersweep.results;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.JsonResponse;
import io.jenkins.plugins.echarts.JenkinsPalette;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.stapler.HttpResponse;

/**
 * A sweep's trends across the job's builds, drawn with the echarts-api plugin: the metric's best and
 * mean per build, and the task counts by state per build, each fed by the builds' saved
 * {@link SweepResultsAction}s. The charts' models are echarts-api's own ({@link LinesChartModel},
 * {@link LineSeries}), served as JSON by {@link #doMetric} and {@link #doCounts} and drawn by
 * {@code echartsJenkinsApi} (floatingBox.jelly on the job page, index.jelly larger).
 */
public final class SweepTrendAction implements Action {

    /** Builds a trend reads, newest first. */
    static final int MAX_BUILDS = 50;

    private static final String[][] STATE_COLORS = {
        {"SUCCEEDED", JenkinsPalette.GREEN.normal()},
        {"FAILED", JenkinsPalette.RED.normal()},
        {"ERROR", JenkinsPalette.RED.dark()},
        {"TIMEOUT", JenkinsPalette.ORANGE.normal()},
        {"LOST", JenkinsPalette.PURPLE.normal()},
        {"CANCELLED", JenkinsPalette.GREY.dark()},
        {"RUNNING", JenkinsPalette.BLUE.normal()},
        {"PENDING", JenkinsPalette.GREY.normal()},
    };

    private final Job<?, ?> job;
    private final String jobName;

    SweepTrendAction(Job<?, ?> job, String jobName) {
        this.job = job;
        this.jobName = jobName;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getJobName() {
        return jobName;
    }

    /** One build's results, oldest first. */
    record Point(Run<?, ?> build, SweepResultsAction results) {
    }

    /** The builds (finished ones, at most {@link #MAX_BUILDS}) with results of this sweep, oldest first. */
    List<Point> points() {
        List<Point> points = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> b = job.getLastCompletedBuild(); b != null && seen < MAX_BUILDS; b = b.getPreviousCompletedBuild()) {
            seen++;
            SweepResultsAction a = SweepResultsAction.of(b, jobName);
            if (a != null) {
                points.add(new Point(b, a));
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** The metric of the newest build that ranked by one, or null. */
    public String getMetric() {
        List<Point> points = points();
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).results().getMetric() != null) {
                return points.get(i).results().getMetric();
            }
        }
        return null;
    }

    /** The metric's best and mean per build (builds with another metric, or no value, left out). */
    LinesChartModel metricModel() {
        List<Point> points = points();
        SweepResultsAction newest = null;
        for (int i = points.size() - 1; i >= 0 && newest == null; i--) {
            newest = points.get(i).results().getMetric() != null ? points.get(i).results() : null;
        }
        LinesChartModel model = new LinesChartModel();
        model.useContinuousRangeAxis();
        if (newest == null) {
            return model;
        }
        String metric = newest.getMetric();
        List<String> labels = new ArrayList<>();
        List<Integer> builds = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        for (Point p : points) {
            SweepResultsAction r = p.results();
            if (metric.equals(r.getMetric()) && r.isMaximize() == newest.isMaximize()
                    && Double.isFinite(r.getMetricBest()) && Double.isFinite(r.getMetricMean())) {
                labels.add(p.build().getDisplayName());
                builds.add(p.build().getNumber());
                best.add(r.getMetricBest());
                mean.add(r.getMetricMean());
            }
        }
        model.setDomainAxisLabels(labels);
        model.setBuildNumbers(builds);
        // LineSeries.add prepends (echarts-api's iterators go newest first): the lists are oldest first.
        model.addSeries(new LineSeries(Messages.SweepTrendAction_Best(metric), JenkinsPalette.GREEN.normal(),
                LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES, best),
                new LineSeries(Messages.SweepTrendAction_Mean(metric), JenkinsPalette.BLUE.normal(),
                LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES, mean));
        return model;
    }

    /** Launched tasks by state per build, stacked; states no build had are left out. */
    LinesChartModel countsModel() {
        List<Point> points = points();
        LinesChartModel model = new LinesChartModel();
        model.setRangeMin(0); // from zero: a y axis from the smallest count would make one failed task look like half
        List<String> labels = new ArrayList<>();
        List<Integer> builds = new ArrayList<>();
        for (Point p : points) {
            labels.add(p.build().getDisplayName());
            builds.add(p.build().getNumber());
        }
        model.setDomainAxisLabels(labels);
        model.setBuildNumbers(builds);
        for (String[] sc : STATE_COLORS) {
            List<Double> values = new ArrayList<>();
            boolean any = false;
            for (Point p : points) {
                Map<String, Long> counts = p.results().getCounts();
                long n = counts.getOrDefault(sc[0], 0L);
                any |= n > 0;
                values.add((double) n);
            }
            if (any) {
                model.addSeries(new LineSeries(sc[0], sc[1], LineSeries.StackedMode.STACKED,
                        LineSeries.FilledMode.FILLED, values));
            }
        }
        return model;
    }

    /** The metric chart's model (echarts-api's LinesChartModel as JSON). */
    @Restricted(DoNotUse.class)
    public HttpResponse doMetric() {
        job.checkPermission(Item.READ);
        return new JsonResponse(new JacksonFacade().toJson(metricModel()));
    }

    /** The task-count chart's model. */
    @Restricted(DoNotUse.class)
    public HttpResponse doCounts() {
        job.checkPermission(Item.READ);
        return new JsonResponse(new JacksonFacade().toJson(countsModel()));
    }

    @Override
    public String getIconFileName() {
        return "symbol-overview";
    }

    @Override
    public String getDisplayName() {
        return Messages.SweepTrendAction_DisplayName(jobName);
    }

    @Override
    public String getUrlName() {
        return "sweep-trend-" + jobName;
    }
}
