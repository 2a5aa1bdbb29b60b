package dev.clustersweep.results;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.grid.GridFile;
import dev.clustersweep.io.FileProblems;
import dev.clustersweep.io.ParallelReads;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every launched task of a sweep with its parameters, state and metrics, at one moment: the states
 * from {@link Sweep#status()} (the engine's one derivation), the parameters from jobs.json and the
 * grids beside it, the metrics of each task's current attempt.
 *
 * @param tasks in id order
 * @param parameters every parameter name, in the order of the first task that has it
 * @param metrics every final metric name any task reported, sorted
 */
public record SweepResults(String jobName, SweepStatus status, List<TaskResult> tasks, List<String> parameters,
        List<String> metrics) {

    public SweepResults {
        tasks = List.copyOf(tasks);
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    /**
     * Reads the sweep's results. Nothing a task wrote makes this fail (see {@link MetricProblem});
     * a damaged state file of the engine's is bad input as for {@code sweep status}.
     *
     * @param keepSeries whether to keep the stepped values (for curves), not only the final ones
     */
    public static SweepResults read(Sweep sweep, boolean keepSeries) throws BackendException {
        SweepDirectory dir = sweep.directory();
        SweepStatus status = sweep.status();
        List<TaskStatus> launched = status.tasks();
        Map<Long, Map<String, String>> params = parameters(dir, launched);
        AttemptMetrics[] metrics = readMetrics(dir, launched, keepSeries);

        List<TaskResult> tasks = new ArrayList<>(launched.size());
        Set<String> parameterNames = new LinkedHashSet<>();
        Set<String> metricNames = new TreeSet<>();
        // Names are collected once per distinct set: most tasks share one (SharedKeyMap).
        Object lastParameters = null;
        Object lastMetrics = null;
        for (int i = 0; i < launched.size(); i++) {
            TaskStatus t = launched.get(i);
            Map<String, String> p = params.getOrDefault(t.id(), Map.of());
            Object pKeys = p instanceof SharedKeyMap<?> shared ? shared.keyArray() : p;
            if (pKeys != lastParameters) {
                parameterNames.addAll(p.keySet());
                lastParameters = pKeys;
            }
            Map<String, Double> finals = metrics[i].finals();
            Object mKeys = finals instanceof SharedKeyMap<?> shared ? shared.keyArray() : finals;
            if (mKeys != lastMetrics) {
                metricNames.addAll(finals.keySet());
                lastMetrics = mKeys;
            }
            tasks.add(new TaskResult(t.id(), p, t.state(), t.exitCode(), t.attempt(), metrics[i]));
        }
        return new SweepResults(dir.jobName(), status, tasks, new ArrayList<>(parameterNames),
                new ArrayList<>(metricNames));
    }

    /**
     * Each launched task's parameters: from {@link ParametersCache} while jobs.json and grids.json
     * are the files it was made from and it has every launched task, else from one pass over
     * jobs.json (names and values shared between tasks), written to the cache for the next time.
     */
    private static Map<Long, Map<String, String>> parameters(SweepDirectory dir, List<TaskStatus> launched) {
        if (!FileProblems.exists(dir.jobFile()) || launched.isEmpty()) {
            return Map.of();
        }
        String run = StatusReader.runOf(dir);
        String source = ParametersCache.source(dir);
        Map<Long, Map<String, String>> cached = ParametersCache.read(dir, run, source);
        if (cached != null && launched.stream().allMatch(t -> cached.containsKey(t.id()))) {
            return cached;
        }
        Set<Long> wanted = new java.util.HashSet<>(launched.size() * 2);
        launched.forEach(t -> wanted.add(t.id()));
        TaskParameters naming = new TaskParameters(GridFile.read(dir.jobFile()));
        Map<String, String> shared = new HashMap<>();
        Map<Long, Map<String, String>> params = new HashMap<>(launched.size() * 2);
        String[][] lastKeys = {null};
        JobFile.forEach(dir.jobFile(), job -> {
            if (wanted.contains(job.id())) {
                Map<String, String> p = naming.of(job);
                Map<String, String> compact = new java.util.LinkedHashMap<>(p.size() * 2);
                p.forEach((k, v) -> compact.put(shared.computeIfAbsent(k, x -> x), shared.computeIfAbsent(v, x -> x)));
                SharedKeyMap<String> one = SharedKeyMap.of(compact, lastKeys[0]);
                lastKeys[0] = one.keyArray();
                params.put(job.id(), one);
            }
        });
        // Kept only when neither file changed while they were read: else these parameters could be
        // the new jobfile's (or a mix) under the old one's name.
        if (source != null && source.equals(ParametersCache.source(dir))) {
            ParametersCache.write(dir, run, source, params);
        }
        return params;
    }

    /** Seconds after its end before an attempt that reported nothing is kept as such in results.cache. */
    private static final long NOTHING_SETTLES_AFTER = 60;

    /**
     * Each task's current attempt's metrics, read by a few threads ({@link ParallelReads}); without
     * series, an ended attempt's are taken from {@link ResultsCache} when it has them, and the cache
     * is written again when enough were not.
     */
    private static AttemptMetrics[] readMetrics(SweepDirectory dir, List<TaskStatus> tasks, boolean keepSeries) {
        ResultsCache cache = keepSeries ? null : ResultsCache.read(dir);
        MetricFiles[] files = new MetricFiles[1]; // listed once, only when some attempt is not cached
        java.util.function.Supplier<MetricFiles> listed = () -> {
            synchronized (files) {
                if (files[0] == null) {
                    files[0] = MetricFiles.list(dir);
                }
                return files[0];
            }
        };
        AttemptMetrics[] metrics = ParallelReads.fill(new AttemptMetrics[tasks.size()], () -> {
            MetricsReader reader = new MetricsReader(dir, keepSeries);
            return i -> {
                TaskStatus t = tasks.get(i);
                if (t.attempt() == 0) {
                    return AttemptMetrics.NONE;
                }
                // Kept only once the attempt's own end record is there: a task the scheduler gave
                // up on (LOST) may still be writing on a node that lost touch.
                AttemptMetrics known = cache != null && t.end() != null ? cache.get(t.id(), t.attempt()) : null;
                return known != null ? known
                        : reader.read(t.id(), t.attempt(), !t.state().isActive(), listed.get());
            };
        });
        if (cache != null) {
            List<ResultsCache.Ended> ended = new ArrayList<>(tasks.size());
            long now = System.currentTimeMillis() / 1000;
            for (int i = 0; i < metrics.length; i++) {
                TaskStatus t = tasks.get(i);
                // "Reported nothing" is kept only a while after the end: a listing of metrics/ on NFS
                // may not show a file written just before the end record yet.
                if (t.attempt() != 0 && t.end() != null
                        && (metrics[i] != AttemptMetrics.NONE || now - t.end() >= NOTHING_SETTLES_AFTER)) {
                    ended.add(new ResultsCache.Ended(t.id(), t.attempt(), metrics[i]));
                }
            }
            cache.update(ended);
        }
        return metrics;
    }

    /**
     * These tasks again, with the series (the stepped values) of the attempt each is about: for the
     * learning curves of a few tasks, without holding the series of every task of a large sweep as
     * {@code read(sweep, true)} would.
     */
    public static List<TaskResult> withSeries(Sweep sweep, List<TaskResult> tasks) {
        SweepDirectory dir = sweep.directory();
        MetricFiles files = MetricFiles.list(dir);
        MetricsReader reader = new MetricsReader(dir, true);
        List<TaskResult> out = new ArrayList<>(tasks.size());
        for (TaskResult t : tasks) {
            AttemptMetrics m = t.attempt() == 0 ? AttemptMetrics.NONE
                    : reader.read(t.id(), t.attempt(), !t.state().isActive(), files);
            out.add(new TaskResult(t.id(), t.parameters(), t.state(), t.exitCode(), t.attempt(), m));
        }
        return out;
    }

    /** The tasks that reported at least one problem. */
    public List<TaskResult> withProblems() {
        return tasks.stream().filter(t -> t.metrics().problemCount() > 0).toList();
    }
}
