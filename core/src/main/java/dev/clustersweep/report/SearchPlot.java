package dev.clustersweep.report;

import dev.clustersweep.engine.SearchLog;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search's own plots, from its {@code search.log}: the value told for each sample in the order
 * told with the best so far, and each numeric search parameter's value per sample, which shows the
 * sampling distribution narrow. Past {@link ProgressPlot#MAX_POINTS} samples the dots are binned.
 *
 * @param told every told sample, in the order told; {@code order} is its place, from 1
 * @param best the told samples that improved on every one before them (the steps of the best-so-far line)
 * @param toldBins the told values binned by order when there are more than {@link ProgressPlot#MAX_POINTS}, else empty
 * @param asked how many samples the log asked
 * @param parameters one trace per numeric search parameter
 */
public record SearchPlot(List<Told> told, List<Told> best, List<Binning.Bin> toldBins, int asked,
        List<Trace> parameters) {

    /** Sample {@code sample}, told {@code order}th, with its value; {@code value} null when it failed. */
    public record Told(int order, int sample, long firstTask, long lastTask, Double value) {

        public boolean failed() {
            return value == null;
        }
    }

    /**
     * One parameter's value per sample: x the sample's number, y its value (as a number; a dot each,
     * or past {@link ProgressPlot#MAX_POINTS} samples in bins), on a log axis when {@code log}.
     */
    public record Trace(String parameter, boolean log, List<ProgressPlot.Point> points, List<Binning.Bin> bins,
            int firstSample, int lastSample, double min, double max) {

        public Trace {
            points = List.copyOf(points);
            bins = List.copyOf(bins);
        }
    }

    public SearchPlot {
        told = List.copyOf(told);
        best = List.copyOf(best);
        toldBins = List.copyOf(toldBins);
        parameters = List.copyOf(parameters);
    }

    public boolean isEmpty() {
        return asked == 0 && told.isEmpty();
    }

    public long failed() {
        return told.stream().filter(Told::failed).count();
    }

    /** After each told sample, the best value so far (NaN while every one told failed). */
    public double[] bestSoFar(Objective objective) {
        double[] out = new double[told.size()];
        double best = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            Double v = told.get(i).value();
            if (v != null && (Double.isNaN(best) || objective.compare(v, best) < 0)) {
                best = v;
            }
            out[i] = best;
        }
        return out;
    }

    /** The told values as numbers (x the order, y the value) of the samples that did not fail. */
    double[] toldRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Told t : told) {
            if (t.value() != null) {
                lo = Math.min(lo, t.value());
                hi = Math.max(hi, t.value());
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * The search of a log's entries, with the parameters of the tasks each sample asked for. A search
     * parameter is one whose value is the same for every task of each sample (the seeds of a grid
     * beside the search differ within a sample), differs between samples, and is a number for every
     * sample; a told value that is not finite counts as failed, as the search itself counts it.
     */
    public static SearchPlot of(List<SearchLog.Entry> log, List<TaskResult> tasks, List<String> parameterNames,
            Objective objective) {
        Map<Integer, SearchLog.Ask> asks = new LinkedHashMap<>();
        List<Told> told = new ArrayList<>();
        Set<Integer> toldSamples = new HashSet<>();
        for (SearchLog.Entry e : log) {
            if (e instanceof SearchLog.Ask a) {
                asks.putIfAbsent(a.sample(), a);
            } else if (e instanceof SearchLog.Tell t && toldSamples.add(t.sample())) {
                SearchLog.Ask a = asks.get(t.sample());
                Double value = t.value().isPresent() && Double.isFinite(t.value().getAsDouble())
                        ? t.value().getAsDouble() : null;
                told.add(new Told(told.size() + 1, t.sample(), a == null ? -1 : a.firstTask(),
                        a == null ? -1 : a.lastTask(), value));
            }
        }
        List<Told> best = new ArrayList<>();
        for (Told t : told) {
            if (t.value() != null && (best.isEmpty()
                    || objective.compare(t.value(), best.get(best.size() - 1).value()) < 0)) {
                best.add(t);
            }
        }
        List<Binning.Bin> bins = List.of();
        if (told.size() > ProgressPlot.MAX_POINTS) {
            List<Told> ok = told.stream().filter(t -> !t.failed()).toList();
            double[] x = new double[ok.size()];
            double[] y = new double[ok.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ok.get(i).order();
                y[i] = ok.get(i).value();
            }
            bins = Binning.of(x, y, ProgressPlot.BINS);
        }
        return new SearchPlot(told, best, bins, asks.size(), traces(asks, tasks, parameterNames));
    }

    private static List<Trace> traces(Map<Integer, SearchLog.Ask> asks, List<TaskResult> tasks,
            List<String> parameterNames) {
        Map<Long, TaskResult> byId = new HashMap<>(tasks.size() * 2);
        for (TaskResult t : tasks) {
            byId.put(t.id(), t);
        }
        List<Trace> traces = new ArrayList<>();
        for (String name : parameterNames) {
            List<ProgressPlot.Point> points = new ArrayList<>();
            Set<Double> distinct = new HashSet<>();
            boolean searched = true;
            for (SearchLog.Ask a : asks.values()) {
                String value = null;
                boolean found = false;
                for (long id = a.firstTask(); id <= a.lastTask() && searched; id++) {
                    TaskResult t = byId.get(id);
                    if (t == null) {
                        continue; // not launched yet
                    }
                    String v = t.parameters().get(name);
                    if (found && !java.util.Objects.equals(v, value)) {
                        searched = false; // differs within a sample: the grid's, not the search's
                    }
                    value = v;
                    found = true;
                }
                if (!searched) {
                    break;
                }
                if (found) {
                    Double x = ParameterPlot.number(value);
                    if (x == null) {
                        searched = false;
                        break;
                    }
                    distinct.add(x);
                    points.add(new ProgressPlot.Point(a.sample(), x, a.firstTask()));
                }
            }
            if (searched && distinct.size() > 1) {
                traces.add(trace(name, points));
            }
        }
        return traces;
    }

    private static Trace trace(String name, List<ProgressPlot.Point> points) {
        points.sort(java.util.Comparator.comparingDouble(ProgressPlot.Point::x));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ProgressPlot.Point p : points) {
            min = Math.min(min, p.y());
            max = Math.max(max, p.y());
        }
        boolean log = ParameterPlot.isLogScale(min, max);
        int first = (int) points.get(0).x();
        int last = (int) points.get(points.size() - 1).x();
        if (points.size() <= ProgressPlot.MAX_POINTS) {
            return new Trace(name, log, points, List.of(), first, last, min, max);
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
        }
        return new Trace(name, log, List.of(), Binning.of(x, y, ProgressPlot.BINS), first, last, min, max);
    }
}
