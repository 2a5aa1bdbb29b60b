package dev.clustersweep.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.Serializable;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a search stands, as its log tells it: the build page shows it while the search runs, and
 * each turn logs its {@link #line()}.
 *
 * @param optimizer grid, random or cem
 * @param metric the metric it follows
 * @param minimize whether the smallest value is best
 * @param samples the budget
 * @param ended samples told so far (failed ones included)
 * @param failed samples that failed (no value)
 * @param running samples asked and not told yet
 * @param bestSample the best sample so far, or null before the first value
 * @param bestValue its value (the mean of its tasks' metric), or null
 * @param bestValues its parameters, by name, in the order the task's command has them; empty before
 * @param bestTasks its tasks ({@code 7} or {@code 7-9}), or null
 */
public record SearchProgress(String optimizer, String metric, boolean minimize, int samples, int ended, int failed,
        int running, Integer bestSample, Double bestValue, Map<String, String> bestValues, String bestTasks)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SearchProgress {
        bestValues = bestValues == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(bestValues));
    }

    /**
     * The search of a sweep directory, or null when its tasks are not sampled (no search.json). Reads
     * search.json and search.log, and replays the optimiser to know each sample's values.
     */
    public static SearchProgress of(SweepDirectory dir) {
        return SearchPlan.exists(dir) ? SearchTurn.progress(dir, SearchPlan.read(dir)) : null;
    }

    /** Samples not asked yet. */
    public int left() {
        return Math.max(0, samples - ended - running);
    }

    /** {@code x=2.03 opt=adam}: a sample's values as the log lines and the page show them. */
    static String values(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** For the build page: {@code 12 of 60 ended (1 failed), 2 running, 46 left}. */
    @JsonProperty("samplesText")
    public String samplesText() {
        return ended + " of " + samples + " ended (" + failed + " failed), " + running + " running, " + left() + " left";
    }

    /** For the build page: {@code loss=1.1 (smallest), sample 5, tasks 5: x=2.03 opt=adam}, or {@code none yet}. */
    @JsonProperty("bestText")
    public String bestText() {
        if (bestSample == null) {
            return "none yet";
        }
        return metric + "=" + bestValue + " (" + (minimize ? "smallest" : "largest") + "), sample " + bestSample
                + ", task" + (bestTasks.contains("-") ? "s " : " ") + bestTasks + ": " + values(bestValues);
    }

    /** {@code search: 12 of 60 samples ended (1 failed), 2 running; best: sample 5 loss=1.1 (x=2.03 opt=adam)}. */
    @JsonProperty("line")
    public String line() {
        String best = bestSample == null ? "none yet"
                : "sample " + bestSample + " " + metric + "=" + bestValue + " (" + values(bestValues) + ")";
        return "search: " + ended + " of " + samples + " samples ended (" + failed + " failed), " + running
                + " running; best: " + best;
    }
}
