package dev.clustersweep.results;

import dev.clustersweep.io.CacheFile;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's {@code results.cache}: each ended attempt's final metric values and problems, kept
 * for the next {@code sweep results} (docs/layout.md), so that 100,000 finished tasks are one file
 * to read instead of 100,000. What an attempt wrote does not change once it has ended. Series (the
 * stepped values, for curves) are not kept: they are read from the files for the few tasks drawn.
 * A cache of another run, or one that is not whole, reads as empty, as {@code status.cache} does.
 */
public final class ResultsCache {

    /** Version 2: values as their bits, each line the task id and attempt apart (version 1 files read as empty). */
    private static final String HEADER = "cluster-sweep results.cache 2";
    /** As for status.cache: a few new attempts do not rewrite a 100,000-line file. */
    private static final int REWRITE_AFTER = 1000;

    /** An ended attempt and what it reported. */
    public record Ended(long id, int attempt, AttemptMetrics metrics) {
    }

    private final SweepDirectory dir;
    private final String run;
    /** By task id: one attempt of each task is kept, the one that was its latest. */
    private final Map<Long, Ended> cached;

    private ResultsCache(SweepDirectory dir, String run, Map<Long, Ended> cached) {
        this.dir = dir;
        this.run = run;
        this.cached = cached;
    }

    /** The sweep's cache as the file has it; empty before the first submission or when not whole. */
    public static ResultsCache read(SweepDirectory dir) {
        String run = StatusReader.runOf(dir);
        Map<Long, Ended> cached = run == null ? null : parse(CacheFile.read(dir.resultsCache()), run);
        return new ResultsCache(dir, run, cached != null ? cached : new HashMap<>());
    }

    /** The metrics of an ended attempt, or null when they are not kept. */
    public AttemptMetrics get(long id, int attempt) {
        Ended e = cached.get(id);
        return e != null && e.attempt() == attempt ? e.metrics() : null;
    }

    /**
     * Writes the file anew with these ended attempts' metrics when enough of them were not in it.
     * An attempt a whole file of which could not be read (a permission, say) is not kept: that may
     * not last.
     */
    public void update(List<Ended> ended) {
        if (run == null) {
            return;
        }
        int fresh = 0;
        List<Ended> keep = new ArrayList<>(ended.size());
        for (Ended e : ended) {
            if (e.metrics().problems().stream().noneMatch(p -> p.line() == 0)) {
                keep.add(e);
                if (get(e.id(), e.attempt()) != e.metrics()) {
                    fresh++;
                }
            }
        }
        if (fresh >= REWRITE_AFTER || (fresh > 0 && fresh * 10 >= keep.size())) {
            CacheFile.write(dir.resultsCache(), lines(run, keep));
        }
    }

    /**
     * The header's run, then per attempt: {@code m}, the task id and the attempt, the count of final
     * values and each name and value (its bits in hexadecimal: exact, and read without a String),
     * the count of problems kept and each one's file, line, text and expectation, and how many more
     * there were.
     */
    static CacheFile.Lines lines(String run, List<Ended> attempts) {
        CacheFile.Lines out = new CacheFile.Lines(HEADER, attempts.size());
        out.text(run).end();
        for (Ended e : attempts) {
            AttemptMetrics m = e.metrics();
            out.raw("m").number(e.id()).number(e.attempt()).number(m.finals().size());
            m.finals().forEach((metric, value) -> out.text(metric).bits(value));
            out.number(m.problems().size());
            for (MetricProblem p : m.problems()) {
                out.text(p.file()).number(p.line()).text(p.text()).text(p.expected());
            }
            out.number(m.moreProblems()).end();
        }
        return out;
    }

    /** The attempts by task id, or null when the text is not a whole cache of this run. */
    static Map<Long, Ended> parse(String text, String run) {
        return parse(CacheFile.bytes(text), run);
    }

    /** As {@link #parse(String, String)}, of the file's bytes. */
    static Map<Long, Ended> parse(byte[] file, String run) {
        return CacheFile.parse(file, HEADER, run, ResultsCache::attempts);
    }

    private static Map<Long, Ended> attempts(CacheFile.Fields f) {
        f.endOfLine();
        Map<Long, Ended> attempts = new HashMap<>((int) (f.lines() * 4L / 3 + 1));
        Map<String, String> names = new HashMap<>(); // metric names repeat: one String each
        // Tasks that report the same metrics in the same order share one array of their names.
        String[] lastNames = new String[0];
        String[] read = new String[8];
        while (f.more()) {
            if (!f.take("m")) {
                return null;
            }
            long id = f.number();
            int attempt = f.integer();
            int count = f.integer();
            if (count > read.length) {
                read = new String[count];
            }
            Object[] values = new Object[count];
            boolean same = count == lastNames.length;
            for (int i = 0; i < count; i++) {
                read[i] = java.util.Objects.requireNonNull(f.shared(names));
                values[i] = f.bits();
                same = same && read[i] == lastNames[i];
            }
            if (!same) {
                lastNames = java.util.Arrays.copyOf(read, count);
                if (java.util.Set.of(lastNames).size() != count) {
                    return null; // a name twice: not a file this class wrote
                }
            }
            int problemCount = f.integer();
            List<MetricProblem> problems = new ArrayList<>(problemCount);
            for (int i = 0; i < problemCount; i++) {
                problems.add(new MetricProblem(f.text(), f.integer(), f.text(), f.text()));
            }
            int more = f.integer();
            f.endOfLine();
            AttemptMetrics m = count == 0 && problems.isEmpty() && more == 0 ? AttemptMetrics.NONE
                    : new AttemptMetrics(new SharedKeyMap<>(lastNames, values), Map.of(), List.copyOf(problems),
                            more);
            if (attempts.put(id, new Ended(id, attempt, m)) != null) {
                return null; // one attempt a task: not a file this class wrote
            }
        }
        return attempts;
    }
}
