package dev.clustersweep.results;

import dev.clustersweep.io.FileProblems;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.HashSet;
import java.util.Set;

/**
 * Which attempts have a metrics file ({@code metrics/ID.N.txt}) or a directory of their own
 * ({@code attempts/ID.N/}), from one listing of each directory: 100,000 tasks cost two listings,
 * not 200,000 failed opens.
 */
public final class MetricFiles {

    public static final String METRICS = "metrics";
    public static final String ATTEMPTS = "attempts";

    private final Set<String> metrics;
    private final Set<String> attempts;

    private MetricFiles(Set<String> metrics, Set<String> attempts) {
        this.metrics = metrics;
        this.attempts = attempts;
    }

    public static MetricFiles list(SweepDirectory dir) {
        return new MetricFiles(names(dir, METRICS, ".txt"), names(dir, ATTEMPTS, ""));
    }

    /** {@code ID.N} of each entry ending with {@code suffix}; none when the directory is absent. */
    private static Set<String> names(SweepDirectory dir, String sub, String suffix) {
        java.nio.file.Path path = dir.root().resolve(sub);
        String[] entries = path.toFile().list();
        if (entries == null) {
            if (FileProblems.exists(path) && java.nio.file.Files.isDirectory(path)) {
                throw FileProblems.refused("read", path, new java.io.IOException("cannot list the directory"));
            }
            return Set.of();
        }
        Set<String> names = new HashSet<>(entries.length * 2);
        for (String entry : entries) {
            if (entry.endsWith(suffix)) {
                names.add(entry.substring(0, entry.length() - suffix.length()));
            }
        }
        return names;
    }

    boolean hasMetricsFile(String idDotAttempt) {
        return metrics.contains(idDotAttempt);
    }

    boolean hasAttemptDir(String idDotAttempt) {
        return attempts.contains(idDotAttempt);
    }
}
