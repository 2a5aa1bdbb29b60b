package dev.clustersweep.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The files of a sweep worth keeping with a build, once the sweep directory may be gone. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /**
     * The jobfile, settings, scripts, submission and cancel records, groups, status records and
     * every log. Keys are archive paths under {@code prefix} ({@code sweep/JOBNAME/logs/3.1.out}),
     * values are paths relative to the work directory ({@code .sweep/JOBNAME/logs/3.1.out}),
     * '/'-separated.
     */
    public static Map<String, String> of(SweepDirectory dir, String prefix) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir.root())) {
            return files;
        }
        String base = prefix.endsWith("/") || prefix.isEmpty() ? prefix : prefix + "/";
        try (Stream<Path> walk = Files.walk(dir.root())) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                Path inSweep = dir.root().relativize(file);
                String first = inSweep.getName(0).toString();
                if (first.equals("commands") || file.equals(dir.launchLock()) || file.equals(dir.statusCache())
                        || file.equals(dir.resultsCache()) || file.equals(dir.parametersCache())
                        || inSweep.toString().equals("search.lock")
                        || first.startsWith(".")) {
                    // commands/ repeats jobs.json; the locks are empty; the caches are of this directory's
                    // run only (and repeats status/); temporary files are half-written
                    return;
                }
                files.put(base + slashes(inSweep), slashes(dir.workDir().relativize(file)));
            });
        }
        return files;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
