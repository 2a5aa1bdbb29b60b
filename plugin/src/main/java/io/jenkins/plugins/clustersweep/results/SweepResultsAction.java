package io.jenkins.plugins.clustersweep.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clustersweep.results.ResultsSummary;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.jenkins.plugins.clustersweep.run.JsonResponse;
import io.jenkins.plugins.clustersweep.run.SweepBuildAction;
import jenkins.util.VirtualFile;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The results of one sweep of a build: a small summary kept in build.xml (counts by state, the best
 * task, its configuration and metrics, the metric's best and mean, what the regression gate said),
 * which feeds the job's trends and the next build's gate, and the "Sweep results" page: the results
 * table (best first, sortable, paged) from {@code BUILD_DIR/cluster-sweep/JOBNAME.results.json.gz}
 * through {@link #doData}. Read-only: nothing here changes state.
 */
public final class SweepResultsAction extends SweepBuildAction {

    private String metric;
    private boolean maximize;
    private long tasks;
    private LinkedHashMap<String, Long> counts;
    private long reported;
    private long ranked;
    private long problems;
    private ArrayList<String> metrics;
    private Long bestTask;
    private LinkedHashMap<String, String> bestParameters;
    private LinkedHashMap<String, Double> bestMetrics;
    private double metricBest = Double.NaN;
    private double metricMean = Double.NaN;
    /** The regression gate's line, or null when it did not run. */
    private String gate;
    private boolean regression;

    private transient SoftReference<ResultsTable> table;

    SweepResultsAction(String jobName) {
        super(jobName);
    }

    /** This build's results action for the sweep, or null. */
    public static @CheckForNull SweepResultsAction of(Run<?, ?> run, String jobName) {
        return find(run, SweepResultsAction.class, jobName);
    }

    /** The action for the sweep, added when missing, holding {@code s}. */
    @Restricted(NoExternalUse.class)
    static synchronized SweepResultsAction record(Run<?, ?> run, ResultsSummary s) {
        SweepResultsAction a = of(run, s.jobName());
        if (a == null) {
            a = new SweepResultsAction(s.jobName());
            run.addAction(a);
        }
        a.set(s);
        return a;
    }

    private synchronized void set(ResultsSummary s) {
        metric = s.objective() == null ? null : s.objective().metric();
        maximize = s.objective() != null && s.objective().maximize();
        tasks = s.tasks();
        counts = new LinkedHashMap<>(s.counts());
        reported = s.reported();
        ranked = s.ranked();
        problems = s.problems();
        metrics = new ArrayList<>(s.metrics());
        bestTask = s.best() == null ? null : s.best().task();
        bestParameters = s.best() == null ? null : new LinkedHashMap<>(s.best().parameters());
        bestMetrics = s.best() == null ? null : new LinkedHashMap<>(s.best().metrics());
        metricBest = s.metricBest();
        metricMean = s.metricMean();
        table = null;
    }

    synchronized void gate(String line, boolean regressed) {
        gate = line;
        regression = regressed;
    }

    /** {@code BUILD_DIR/cluster-sweep/JOBNAME.results.json.gz}. */
    static File tableFile(Run<?, ?> run, String jobName) {
        return new File(new File(run.getRootDir(), "cluster-sweep"), jobName + ".results.json.gz");
    }

    // ------------------------------------------------------------------ web methods

    /**
     * One page of the results table as JSON: {@code columns}, {@code rows} (each row its rank, 0 when
     * not ranked, then its cells), {@code total}, {@code page}, {@code pages}, {@code size},
     * {@code sort}, {@code order}. Sorted by {@code sort} (a column; default: rank, best first).
     */
    @Restricted(DoNotUse.class)
    public HttpResponse doData(@QueryParameter String sort, @QueryParameter String order, @QueryParameter String page,
            @QueryParameter String size) throws IOException {
        run.checkPermission(Item.READ);
        ResultsTable t = table();
        if (t == null) {
            throw HttpResponses.errorWithoutStack(404, Messages.SweepResultsAction_NoTable(jobName));
        }
        ObjectNode json = t.page(sort == null || sort.isEmpty() || sort.equals("rank") ? null : sort,
                "desc".equals(order), number(page, 1), number(size, ResultsTable.DEFAULT_SIZE), getRanked());
        json.put("metric", getMetric());
        json.put("maximize", isMaximize());
        String body = ResultsTable.MAPPER.writeValueAsString(json);
        return new JsonResponse(body);
    }

    /**
     * Whether the build archived the report ({@code sweep/JOBNAME/results/report.html}: a metric was
     * named and the results were read).
     */
    public boolean isReportArchived() throws IOException {
        return report().isFile();
    }

    /**
     * The archived report, served with a policy of its own: the page is inline SVG and inline
     * styles, which Jenkins' policy for artifacts blocks, and it needs nothing else, so no script,
     * request or form is allowed ({@code sandbox} without {@code allow-scripts}).
     */
    @Restricted(DoNotUse.class)
    public HttpResponse doReport() throws IOException {
        run.checkPermission(hudson.Functions.isArtifactsPermissionEnabled() ? Run.ARTIFACTS : Item.READ);
        VirtualFile file = report();
        if (!file.isFile()) {
            throw HttpResponses.errorWithoutStack(404, Messages.SweepResultsAction_NoReport(jobName));
        }
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
                    throws IOException, ServletException {
                rsp.setContentType("text/html;charset=UTF-8");
                rsp.setHeader("Content-Security-Policy", REPORT_POLICY);
                rsp.setHeader("X-Content-Type-Options", "nosniff");
                try (InputStream in = file.open(); OutputStream out = rsp.getOutputStream()) {
                    in.transferTo(out);
                }
            }
        };
    }

    /** Inline styles and images, nothing fetched, no script: all the report page needs. */
    static final String REPORT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private VirtualFile report() {
        return run.getArtifactManager().root().child("sweep").child(jobName).child(ResultsCallables.DIRECTORY)
                .child(ResultsCallables.REPORT);
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw HttpResponses.errorWithoutStack(400, Messages.SweepResultsAction_BadNumber(text));
        }
    }

    private synchronized ResultsTable table() throws IOException {
        ResultsTable t = table == null ? null : table.get();
        if (t == null) {
            File file = tableFile(run, jobName);
            if (!file.isFile()) {
                return null;
            }
            t = ResultsTable.read(file);
            table = new SoftReference<>(t);
        }
        return t;
    }

    // ------------------------------------------------------------------ properties

    public synchronized String getMetric() { return metric; }
    public synchronized boolean isMaximize() { return maximize; }
    public synchronized long getTasks() { return tasks; }
    public synchronized Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }
    public synchronized long getReported() { return reported; }
    public synchronized long getRanked() { return ranked; }
    public synchronized long getProblems() { return problems; }
    public synchronized List<String> getMetrics() { return metrics == null ? List.of() : List.copyOf(metrics); }
    /** The metric names, as one line: {@code accuracy, loss}. */
    public String getMetricNames() { return String.join(", ", getMetrics()); }
    public synchronized Long getBestTask() { return bestTask; }
    public synchronized Map<String, String> getBestParameters() {
        return bestParameters == null ? Map.of() : Collections.unmodifiableMap(bestParameters);
    }
    public synchronized Map<String, Double> getBestMetrics() {
        return bestMetrics == null ? Map.of() : Collections.unmodifiableMap(bestMetrics);
    }
    /** The metric's best value (the best task's), NaN when none. */
    public synchronized double getMetricBest() { return metricBest; }
    /** The metric's mean over the ranked tasks, NaN when none. */
    public synchronized double getMetricMean() { return metricMean; }
    public synchronized String getGate() { return gate; }
    public synchronized boolean isRegression() { return regression; }

    /** "smallest first" or "largest first". */
    public String getDirection() {
        return isMaximize() ? Messages.SweepResultsAction_Largest() : Messages.SweepResultsAction_Smallest();
    }

    /** A value as the page shows it: six significant digits, as {@code sweep results} on a terminal. */
    public static String shown(Double value) {
        if (value == null) {
            return "";
        }
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The archived results files, relative to the build: {@code artifact/sweep/JOBNAME/results/results.json}. */
    public String getArtifactBase() {
        return "artifact/sweep/" + jobName + "/" + ResultsCallables.DIRECTORY + "/";
    }

    @Override
    public String getIconFileName() { return "symbol-ribbon"; }

    @Override
    public String getDisplayName() { return Messages.SweepResultsAction_DisplayName(jobName); }

    /** {@code sweep-results-JOBNAME}: job names are letters, digits, '.', '_' and '-', safe in a URL. */
    @Override
    public String getUrlName() { return "sweep-results-" + jobName; }
}
