package dev.clustersweep.results;

import dev.clustersweep.io.CacheFile;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final String HEADER = "cluster-sweep results.cache 1";
    /** As for status.cache: a few new attempts do not rewrite a 100,000-line file. */
    private static final int REWRITE_AFTER = 1000;

    private final SweepDirectory dir;
    private final String run;
    /** By {@code ID.N}. */
    private final Map<String, AttemptMetrics> cached;

    private ResultsCache(SweepDirectory dir, String run, Map<String, AttemptMetrics> cached) {
        this.dir = dir;
        this.run = run;
        this.cached = cached;
    }

    /** The sweep's cache as the file has it; empty before the first submission or when not whole. */
    public static ResultsCache read(SweepDirectory dir) {
        String run = StatusReader.runOf(dir);
        Map<String, AttemptMetrics> cached = run == null ? null : parse(CacheFile.read(dir.resultsCache()), run);
        return new ResultsCache(dir, run, cached != null ? cached : new HashMap<>());
    }

    /** The metrics of an ended attempt, or null when they are not kept. */
    public AttemptMetrics get(long id, int attempt) {
        return cached.get(id + "." + attempt);
    }

    /**
     * Writes the file anew with these ended attempts' metrics when enough of them were not in it.
     * An attempt a whole file of which could not be read (a permission, say) is not kept: that may
     * not last.
     */
    public void update(Map<String, AttemptMetrics> ended) {
        if (run == null) {
            return;
        }
        int fresh = 0;
        Map<String, AttemptMetrics> keep = new LinkedHashMap<>(ended.size() * 2);
        for (Map.Entry<String, AttemptMetrics> e : ended.entrySet()) {
            if (e.getValue().problems().stream().noneMatch(p -> p.line() == 0)) {
                keep.put(e.getKey(), e.getValue());
                if (cached.get(e.getKey()) != e.getValue()) {
                    fresh++;
                }
            }
        }
        if (fresh >= REWRITE_AFTER || (fresh > 0 && fresh * 10 >= keep.size())) {
            CacheFile.write(dir.resultsCache(), lines(run, keep));
        }
    }

    /**
     * The header's run, then per attempt: {@code m}, ID.N, the count of final values and each name
     * and value, the count of problems kept and each one's file, line, text and expectation, and how
     * many more there were.
     */
    static CacheFile.Lines lines(String run, Map<String, AttemptMetrics> attempts) {
        CacheFile.Lines out = new CacheFile.Lines(HEADER, attempts.size());
        out.text(run).end();
        attempts.forEach((name, m) -> {
            out.raw("m").raw(name).number(m.finals().size());
            m.finals().forEach((metric, value) -> out.text(metric).raw(Double.toString(value)));
            out.number(m.problems().size());
            for (MetricProblem p : m.problems()) {
                out.text(p.file()).number(p.line()).text(p.text()).text(p.expected());
            }
            out.number(m.moreProblems()).end();
        });
        return out;
    }

    /** The attempts by ID.N, or null when the text is not a whole cache of this run. */
    static Map<String, AttemptMetrics> parse(String text, String run) {
        CacheFile.Fields f = CacheFile.Fields.ofRun(text, HEADER, run);
        if (f == null) {
            return null;
        }
        try {
            f.endOfLine();
            Map<String, AttemptMetrics> attempts = new HashMap<>();
            Map<String, String> names = new HashMap<>(); // metric names repeat: one String each
            while (f.more()) {
                if (!f.raw().equals("m")) {
                    return null;
                }
                String name = f.raw();
                int count = f.integer();
                Map<String, Double> finals = new LinkedHashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    finals.put(f.shared(names), f.decimal());
                }
                int problemCount = f.integer();
                List<MetricProblem> problems = new ArrayList<>(problemCount);
                for (int i = 0; i < problemCount; i++) {
                    problems.add(new MetricProblem(f.text(), f.integer(), f.text(), f.text()));
                }
                int more = f.integer();
                f.endOfLine();
                attempts.put(name, finals.isEmpty() && problems.isEmpty() && more == 0 ? AttemptMetrics.NONE
                        : new AttemptMetrics(Collections.unmodifiableMap(finals), Map.of(), List.copyOf(problems),
                                more));
            }
            return f.whole() ? attempts : null;
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            return null; // damaged by hand, whatever the CRC says
        }
    }
}
