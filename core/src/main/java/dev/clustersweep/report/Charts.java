package dev.clustersweep.report;

import dev.clustersweep.results.MetricPoint;
import dev.clustersweep.results.NumberText;
import dev.clustersweep.results.Objective;
import dev.clustersweep.state.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The report's charts as inline SVG, from the model's records. Each chart draws a bounded number
 * of elements whatever the sweep's size: a box per parameter value, bins past
 * {@link ProgressPlot#MAX_POINTS} points, a bar per parameter. Colours come from the page's style.
 */
final class Charts {

    static final int WIDTH = 960;
    private static final int LEFT = 78;
    private static final int RIGHT = 24;
    private static final int TOP = 14;
    /** Average width of a character of the 12px labels, to decide whether labels fit. */
    private static final double CHAR = 6.8;
    private static final int LABEL = 18;
    /** Pixels between the frame and the first and last x, so that no point sits on the axis. */
    private static final int INSET = 8;
    /** Height of the strip along a search chart's bottom where failed samples are marked. */
    private static final int FAIL_STRIP = 22;

    private Charts() {
    }

    static String num(double v) {
        return NumberText.shown(v);
    }

    /** The tasks by state as one stacked bar, in the order of the states; not launched at the end. */
    static String states(Map<TaskState, Long> counts, long notLaunched) {
        long total = notLaunched;
        for (long c : counts.values()) {
            total += c;
        }
        Svg svg = new Svg(WIDTH, 34, "tasks by state");
        if (total == 0) {
            return svg.text(0, 20, "start", null, 0, "no tasks launched").done();
        }
        double x = 0;
        double w = WIDTH - 2;
        for (Map.Entry<TaskState, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                double width = w * e.getValue() / total;
                svg.rect(x, 2, width, 30, "st-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                        e.getKey() + ": " + e.getValue());
                x += width;
            }
        }
        if (notLaunched > 0) {
            svg.rect(x, 2, w * notLaunched / total, 30, "st-none", "not launched: " + notLaunched);
        }
        return svg.done();
    }

    /** The y axis shared by every parameter's boxes: one scale, so that the plots compare. */
    static Axis boxAxis(List<ParameterPlot> plots) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ParameterPlot p : plots) {
            for (ParameterPlot.ValueBox v : p.values()) {
                if (v.box() != null) {
                    lo = Math.min(lo, v.box().lowWhisker());
                    hi = Math.max(hi, v.box().highWhisker());
                }
            }
        }
        return lo > hi ? null : Axis.nice(lo, hi, 6);
    }

    /** One parameter: a box per value (quartiles, median, whiskers; dots at the extremes beyond them). */
    static String boxes(ParameterPlot plot, Axis y, String metric) {
        List<ParameterPlot.ValueBox> values = plot.values();
        int k = values.size();
        int longest = 1;
        for (ParameterPlot.ValueBox v : values) {
            longest = Math.max(longest, Math.min(LABEL, v.value().length()));
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double slot = plotWidth / Math.max(1, k);
        boolean flat = slot >= longest * CHAR + 6;
        int every = flat ? 1 : (int) Math.ceil(k / (plotWidth / 16));
        boolean counts = flat && k <= 40;
        int bottom = counts ? 58 : flat ? 44 : (int) (30 + longest * CHAR * 0.72);
        int plotHeight = 220;
        int height = TOP + plotHeight + bottom;
        Svg svg = new Svg(WIDTH, height, metric + " per value of " + plot.parameter());
        double y0 = TOP + plotHeight;
        yAxis(svg, y, TOP, y0);
        double boxWidth = Math.max(1, Math.min(44, slot * 0.6));
        for (int i = 0; i < k; i++) {
            ParameterPlot.ValueBox v = values.get(i);
            double cx = LEFT + slot * (i + 0.5);
            if (i % every == 0) {
                String label = shorten(v.value());
                if (flat) {
                    svg.text(cx, y0 + 16, "middle", "tick", 0, label);
                } else {
                    svg.text(cx + 4, y0 + 10, "end", "tick", -45, label);
                }
            }
            if (v.box() == null) {
                svg.text(cx, y0 - 4, "middle", "none", 0, "×");
                continue;
            }
            BoxStats b = v.box();
            String title = plot.parameter() + " = " + v.value() + ": " + v.tasks() + " task(s), " + v.failed()
                    + " without success; " + metric + " of " + b.n() + ": median " + num(b.median()) + ", quartiles "
                    + num(b.q1()) + " to " + num(b.q3()) + ", whiskers " + num(b.lowWhisker()) + " to "
                    + num(b.highWhisker()) + ", min " + num(b.min()) + ", max " + num(b.max());
            double top = clamp(y.map(b.q3(), y0, TOP), y0);
            double bottomEdge = clamp(y.map(b.q1(), y0, TOP), y0);
            svg.line(cx, clamp(y.map(b.highWhisker(), y0, TOP), y0), cx, clamp(y.map(b.lowWhisker(), y0, TOP), y0),
                    boxWidth >= 4 ? "whisker" : "whisker thin");
            if (boxWidth >= 4) {
                svg.line(cx - boxWidth / 4, y.map(b.highWhisker(), y0, TOP), cx + boxWidth / 4,
                        y.map(b.highWhisker(), y0, TOP), "whisker");
                svg.line(cx - boxWidth / 4, y.map(b.lowWhisker(), y0, TOP), cx + boxWidth / 4,
                        y.map(b.lowWhisker(), y0, TOP), "whisker");
            }
            // A box narrower than its outline would be all outline: filled only.
            svg.rect(cx - boxWidth / 2, top, boxWidth, Math.max(1, bottomEdge - top), boxWidth >= 4 ? "box" : "box thin",
                    title);
            double my = y.map(b.median(), y0, TOP);
            svg.line(cx - boxWidth / 2, my, cx + boxWidth / 2, my, "median");
            if (b.outliers() > 0 && boxWidth >= 4) {
                if (b.max() > b.highWhisker() && b.max() <= y.hi()) {
                    svg.circle(cx, y.map(b.max(), y0, TOP), 2, "extreme", null);
                }
                if (b.min() < b.lowWhisker() && b.min() >= y.lo()) {
                    svg.circle(cx, y.map(b.min(), y0, TOP), 2, "extreme", null);
                }
            }
            if (counts) {
                svg.text(cx, y0 + 30, "middle", "count", 0, "n=" + b.n());
            }
        }
        svg.text(LEFT + plotWidth / 2, height - 4, "middle", "label", 0,
                plot.parameter() + (every > 1 ? " (one value in " + every + " labelled; hover a box for its value)" : ""));
        return svg.done();
    }

    /**
     * The frame of an x-y chart: the drawing, {@code plotHeight} pixels of plot below the top margin
     * and {@code below} under it (ticks, label, legend), with its y axis and x ticks drawn. The plot
     * spans x0..x1 across and TOP..y0 down, {@code x} and {@code y} mapping values onto it.
     */
    private record Frame(Svg svg, int height, Axis x, Axis y, double x0, double x1, double y0) {

        static Frame of(int plotHeight, int below, String title, Axis x, Axis y) {
            int height = TOP + plotHeight + below;
            Svg svg = new Svg(WIDTH, height, title);
            Frame f = new Frame(svg, height, x, y, LEFT + INSET, WIDTH - RIGHT - INSET, TOP + plotHeight);
            yAxis(svg, y, TOP, f.y0());
            xTicks(svg, x, f.x0(), f.x1(), f.y0());
            return f;
        }

        double px(double value) {
            return x.map(value, x0, x1);
        }

        double py(double value) {
            return y.map(value, y0, TOP);
        }

        /** A point of the chart: a dot with its title. */
        void dot(double vx, double vy, String title) {
            svg.circle(px(vx), py(vy), 2.5, "pt", title);
        }

        /** Bins in place of the dots past {@link ProgressPlot#MAX_POINTS}: see {@link Charts#bins}. */
        void bins(List<Binning.Bin> bins, ToDoubleFunction<Binning.Bin> bx, String metric) {
            Charts.bins(svg, bins, bx, x, y, x0, x1, y0, metric);
        }

        /** The drawing, with {@code label} under the x axis. */
        String done(String label) {
            svg.text(x0 + (x1 - x0) / 2, height - 4, "middle", "label", 0, label);
            return svg.done();
        }
    }

    /** The metric against end time or task id: points or bins, and the best so far. */
    static String progress(ProgressPlot p, Objective objective) {
        double[] yr = p.yRange();
        Axis y = Axis.nice(yr[0], yr[1], 6);
        double unit = p.byTime() ? timeUnit(p.xMax()) : 1;
        Axis x = Axis.nice(p.xMin() / unit, p.xMax() / unit, 8);
        Frame f = Frame.of(260, 44, objective.metric() + " against " + (p.byTime() ? "end time" : "task id"), x, y);
        if (!p.points().isEmpty()) {
            for (ProgressPlot.Point pt : p.points()) {
                f.dot(pt.x() / unit, pt.y(), "task " + pt.task() + ": " + num(pt.y()));
            }
        } else {
            f.bins(p.bins(), b -> b.middle() / unit, objective.metric());
        }
        List<double[]> best = new java.util.ArrayList<>();
        for (ProgressPlot.Point pt : p.best()) {
            best.add(new double[] {f.px(pt.x() / unit), f.py(pt.y())});
        }
        if (!best.isEmpty()) {
            ProgressPlot.Point last = p.best().get(p.best().size() - 1);
            bestSoFar(f.svg(), best, f.px(p.xMax() / unit), "best so far: " + num(last.y()) + " (task "
                    + last.task() + ")");
        }
        return f.done(p.byTime() ? "end time, " + timeUnitName(unit) + " after the first task ended" : "task id");
    }

    /** A closed band through each bin's middle, along {@code upper} and back along {@code lower}. */
    private static String band(List<Binning.Bin> bins, ToDoubleFunction<Binning.Bin> bx, Axis x, Axis y, double x0,
            double x1, double y0, ToDoubleFunction<Binning.Bin> upper, ToDoubleFunction<Binning.Bin> lower) {
        Svg.Path path = new Svg.Path();
        for (Binning.Bin b : bins) {
            double px = x.map(bx.applyAsDouble(b), x0, x1);
            double py = y.map(upper.applyAsDouble(b), y0, TOP);
            path.point(px, py);
        }
        for (int i = bins.size() - 1; i >= 0; i--) {
            path.to(x.map(bx.applyAsDouble(bins.get(i)), x0, x1), y.map(lower.applyAsDouble(bins.get(i)), y0, TOP));
        }
        return path.close().toString();
    }

    /**
     * Bins as the report draws them: the light band from smallest to largest, the dark band of the
     * quartiles, the median as a line; {@code bx} is a bin's x on the axis {@code x}.
     */
    private static void bins(Svg svg, List<Binning.Bin> bins, ToDoubleFunction<Binning.Bin> bx, Axis x, Axis y,
            double x0, double x1, double y0, String metric) {
        svg.path(band(bins, bx, x, y, x0, x1, y0, Binning.Bin::max, Binning.Bin::min), "band",
                "smallest to largest " + metric + " per bin");
        svg.path(band(bins, bx, x, y, x0, x1, y0, Binning.Bin::q3, Binning.Bin::q1), "quartiles",
                "quartiles of " + metric + " per bin");
        Svg.Path median = new Svg.Path();
        for (Binning.Bin b : bins) {
            median.point(x.map(bx.applyAsDouble(b), x0, x1), y.map(b.median(), y0, TOP));
        }
        svg.path(median.toString(), "medianline", "median per bin");
    }

    /** The y axis shared by every parameter drawn as a scatter; null when none has a point. */
    static Axis scatterAxis(List<ParameterPlot> plots) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ParameterPlot p : plots) {
            if (p.scatter() != null && p.scatter().plotted() > 0) {
                lo = Math.min(lo, p.scatter().yMin());
                hi = Math.max(hi, p.scatter().yMax());
            }
        }
        return lo > hi ? null : Axis.nice(lo, hi, 6);
    }

    /**
     * One parameter whose values are numbers: the metric (y) against the value (x, logarithmic when
     * the scatter says so), a dot per task, or past {@link ProgressPlot#MAX_POINTS} the bins.
     */
    static String scatter(ParameterPlot plot, Axis y, String metric) {
        ParameterPlot.Scatter s = plot.scatter();
        Axis x = s.xAxis();
        Frame f = Frame.of(220, 44, metric + " against " + plot.parameter(), x, y);
        if (!s.points().isEmpty()) {
            for (ParameterPlot.Dot d : s.points()) {
                f.dot(d.x(), d.y(), "task " + d.task() + ": " + plot.parameter() + " = " + d.value() + ", " + metric
                        + " = " + num(d.y()));
            }
        } else {
            f.bins(s.bins(), s::binX, metric);
        }
        return f.done(plot.parameter() + (s.log() ? " (log scale)" : ""));
    }

    /**
     * A search's told values against the order they were told: a dot each (bins past
     * {@link ProgressPlot#MAX_POINTS}), failed samples as × along the bottom, and the best so far as
     * a step line in the objective's direction.
     */
    static String search(SearchPlot s, Objective objective) {
        int plotHeight = 260;
        int bottom = 44;
        int height = TOP + plotHeight + bottom;
        String metric = objective.metric();
        Svg svg = new Svg(WIDTH, height, "search: " + metric + " and the best so far against sample");
        double[] yr = s.toldRange();
        // Values above 0 over two decades (a loss falling from 10 to 0.01): the search's progress shows on a log scale.
        boolean log = yr[0] <= yr[1] && ParameterPlot.isLogScale(yr[0], yr[1]);
        Axis y = yr[0] > yr[1] ? Axis.nice(0, 1, 4) : log ? Axis.log(yr[0], yr[1], 10) : Axis.nice(yr[0], yr[1], 6);
        int n = s.told().size();
        Axis x = Axis.nice(1, Math.max(1, n), 8);
        double y0 = TOP + plotHeight;
        double x0 = LEFT + INSET;
        double x1 = WIDTH - RIGHT - INSET;
        // Failed samples get a strip of their own below the values, so that no × hides a dot.
        double strip = s.failed() > 0 ? FAIL_STRIP : 0;
        double yb = y0 - strip;
        yAxis(svg, y, TOP, yb);
        if (strip > 0) {
            svg.line(LEFT, yb, LEFT, y0, "axis");
            svg.line(LEFT, y0, WIDTH - RIGHT, y0, "axis");
            svg.text(LEFT - 6, y0 - 5, "end", "none", 0, "failed");
        }
        xTicks(svg, x, x0, x1, y0);
        boolean dots = s.toldBins().isEmpty();
        Svg.Path crosses = new Svg.Path();
        for (SearchPlot.Told t : s.told()) {
            double px = x.map(t.order(), x0, x1);
            String which = "sample " + t.sample() + (t.firstTask() < 0 ? "" : t.firstTask() == t.lastTask()
                    ? " (task " + t.firstTask() + ")" : " (tasks " + t.firstTask() + "–" + t.lastTask() + ")")
                    + ", told " + ordinal(t.order());
            if (t.failed()) {
                if (dots) {
                    svg.text(px, y0 - 5, "middle", "none", 0, "×", which + ": failed");
                } else {
                    crosses.move(px - 3, y0 - 14).to(px + 3, y0 - 8).move(px - 3, y0 - 8).to(px + 3, y0 - 14);
                }
            } else if (dots) {
                svg.circle(px, y.map(t.value(), yb, TOP), 2.5, "pt", which + ": " + metric + " = " + num(t.value()));
            }
        }
        if (!dots) {
            bins(svg, s.toldBins(), Binning.Bin::middle, x, y, x0, x1, yb, metric);
            if (!crosses.isEmpty()) {
                svg.path(crosses.toString(), "fail", s.failed() + " failed sample(s)");
            }
        }
        List<double[]> best = new java.util.ArrayList<>();
        for (SearchPlot.Told t : s.best()) {
            best.add(new double[] {x.map(t.order(), x0, x1), y.map(t.value(), yb, TOP)});
        }
        if (!best.isEmpty()) {
            SearchPlot.Told last = s.best().get(s.best().size() - 1);
            bestSoFar(svg, best, x.map(n, x0, x1), "best so far: " + metric + " = " + num(last.value()) + " (sample "
                    + last.sample() + ")");
        }
        svg.text(x0 + (x1 - x0) / 2, height - 4, "middle", "label", 0, "sample, in the order told; y: " + shorten(metric, 40)
                + (log ? " (log scale)" : ""));
        return svg.done();
    }

    /** The best so far as a step line through these points (pixels, in order), held level to {@code xEnd}. */
    private static void bestSoFar(Svg svg, List<double[]> points, double xEnd, String title) {
        Svg.Path line = new Svg.Path();
        double lastY = 0;
        for (int i = 0; i < points.size(); i++) {
            double px = points.get(i)[0];
            double py = points.get(i)[1];
            if (i == 0) {
                line.move(px, py);
            } else {
                line.to(px, lastY).to(px, py);
            }
            lastY = py;
        }
        line.to(xEnd, lastY);
        svg.path(line.toString(), "best", title);
    }

    /** One search parameter's value against sample number: a dot per sample (bins past {@link ProgressPlot#MAX_POINTS}). */
    static String trace(SearchPlot.Trace t) {
        // 180 pixels: 1, 2 and 5 of each decade for a decade or two, the powers of ten alone beyond.
        Axis y = t.log() ? Axis.log(t.min(), t.max(), 7) : Axis.nice(t.min(), t.max(), 5);
        Axis x = Axis.nice(t.firstSample(), t.lastSample(), 8);
        Frame f = Frame.of(180, 44, t.parameter() + " against sample", x, y);
        if (!t.points().isEmpty()) {
            for (ProgressPlot.Point p : t.points()) {
                f.dot(p.x(), p.y(), "sample " + (long) p.x() + " (task " + p.task() + "): " + t.parameter() + " = "
                        + num(p.y()));
            }
        } else {
            f.bins(t.bins(), Binning.Bin::middle, t.parameter());
        }
        return f.done("sample, in the order asked; y: " + shorten(t.parameter(), 40) + (t.log() ? " (log scale)" : ""));
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd"
                : "th";
        return n + suffix;
    }

    /** Seconds, minutes or hours, whichever keeps the ticks readable. */
    static double timeUnit(double seconds) {
        return seconds >= 3 * 3600 ? 3600 : seconds >= 180 ? 60 : 1;
    }

    private static String timeUnitName(double unit) {
        return unit == 3600 ? "hours" : unit == 60 ? "minutes" : "seconds";
    }

    /** The learning curves of the best tasks, a colour each, with a legend. */
    static String curves(LearningCurves c) {
        List<LearningCurves.Curve> curves = c.curves();
        int legend = 18 * curves.size() + 8;
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (LearningCurves.Curve curve : curves) {
            for (MetricPoint pt : curve.points()) {
                xlo = Math.min(xlo, pt.step());
                xhi = Math.max(xhi, pt.step());
                ylo = Math.min(ylo, pt.value());
                yhi = Math.max(yhi, pt.value());
            }
        }
        Axis x = Axis.nice(xlo, xhi, 8);
        Axis y = Axis.nice(ylo, yhi, 6);
        Frame f = Frame.of(260, 40 + legend, "learning curves of " + c.metric(), x, y);
        Svg svg = f.svg();
        double y0 = f.y0();
        svg.text(f.x0() + (f.x1() - f.x0()) / 2, y0 + 34, "middle", "label", 0, "step");
        for (int i = 0; i < curves.size(); i++) {
            LearningCurves.Curve curve = curves.get(i);
            String label = "task " + curve.task() + parameters(curve.parameters());
            Svg.Path path = new Svg.Path();
            for (MetricPoint pt : curve.points()) {
                path.point(f.px(pt.step()), f.py(pt.value()));
            }
            String cls = "c" + (i % ReportModel.CURVES);
            if (curve.points().size() == 1) {
                MetricPoint only = curve.points().get(0);
                svg.circle(f.px(only.step()), f.py(only.value()), 3, "dot " + cls, label);
            } else {
                svg.path(path.toString(), "curve " + cls, label);
            }
            double ly = y0 + 52 + 18 * i;
            svg.rect(LEFT, ly - 9, 14, 10, "swatch " + cls, null);
            MetricPoint last = curve.points().get(curve.points().size() - 1);
            svg.text(LEFT + 20, ly, "start", "legend", 0, shorten(label, 110) + ": last " + num(last.value())
                    + " at step " + last.step());
        }
        return svg.done();
    }

    /** A bar per parameter, largest share first, with the share expected by chance marked. */
    static String importance(List<Importance.Share> shares) {
        List<Importance.Share> sorted = new ArrayList<>(shares);
        sorted.sort(Comparator.comparingDouble((Importance.Share s) -> Double.isNaN(s.share()) ? -1 : s.share())
                .reversed());
        int longest = 4;
        for (Importance.Share s : sorted) {
            longest = Math.max(longest, Math.min(LABEL, s.parameter().length()));
        }
        double left = Math.min(220, longest * CHAR + 12);
        double right = 250;
        double barWidth = WIDTH - left - right;
        int row = 24;
        Svg svg = new Svg(WIDTH, row * sorted.size() + 28, "parameter importance");
        for (int i = 0; i < sorted.size(); i++) {
            Importance.Share s = sorted.get(i);
            double y = 4 + row * i;
            svg.text(left - 8, y + 15, "end", "tick", 0, shorten(s.parameter()));
            svg.rect(left, y + 2, barWidth, row - 6, "track", null);
            String text;
            if (Double.isNaN(s.share())) {
                text = s.n() == 0 ? "no values" : "the metric does not vary";
            } else {
                svg.rect(left, y + 2, barWidth * s.share(), row - 6, "share",
                        s.parameter() + ": " + percent(s.share()) + " of the variance between its " + s.values()
                                + " values, " + percent(s.chance()) + " expected by chance, over " + s.n() + " tasks");
                double cx = left + barWidth * Math.min(1, s.chance());
                svg.line(cx, y, cx, y + row - 2, "chance");
                text = percent(s.share()) + " (" + s.values() + (s.values() == 1 ? " value" : " values") + "; chance "
                        + percent(s.chance()) + ")";
            }
            svg.text(left + barWidth + 8, y + 15, "start", "tick", 0, text);
        }
        double ty = row * sorted.size() + 22;
        for (int t = 0; t <= 4; t++) {
            svg.text(left + barWidth * t / 4, ty, "middle", "tick", 0, (t * 25) + "%");
        }
        return svg.done();
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "—";
        }
        double p = share * 100;
        return (p >= 10 || p == 0 ? String.valueOf(Math.round(p)) : NumberText.shown(Math.round(p * 10) / 10.0)) + "%";
    }

    private static void yAxis(Svg svg, Axis y, double top, double y0) {
        for (double t : y.ticks()) {
            double py = y.map(t, y0, top);
            svg.line(LEFT, py, WIDTH - RIGHT, py, "grid");
            svg.text(LEFT - 6, py + 4, "end", "tick", 0, num(t));
        }
        svg.line(LEFT, top, LEFT, y0, "axis");
        svg.line(LEFT, y0, WIDTH - RIGHT, y0, "axis");
    }

    private static void xTicks(Svg svg, Axis x, double x0, double x1, double y0) {
        for (double t : x.ticks()) {
            double px = x.map(t, x0, x1);
            svg.line(px, y0, px, y0 + 4, "axis");
            svg.text(px, y0 + 16, "middle", "tick", 0, num(t));
        }
    }

    private static double clamp(double py, double y0) {
        return Math.max(TOP, Math.min(y0, py));
    }

    static String parameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (");
        parameters.forEach((k, v) -> s.append(s.length() > 2 ? ", " : "").append(k).append('=').append(v));
        return s.append(')').toString();
    }

    static String shorten(String text) {
        return shorten(text, LABEL);
    }

    /** At most {@code max} characters, an ellipsis marking a cut; newlines as spaces. */
    static String shorten(String text, int max) {
        String one = text.replace('\n', ' ').replace('\t', ' ');
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
