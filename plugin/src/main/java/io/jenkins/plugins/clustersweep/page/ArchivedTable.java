package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.page.ArchivedSweep;
import dev.clustersweep.page.SweepPages;
import dev.clustersweep.page.TaskTableFile;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * The per-task table a build kept ({@code BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz}, core's
 * {@link TaskTableFile}), read on demand and held through a {@link SoftReference}, as junit's
 * TestResultAction holds its result through a reference backed by a file in the build directory.
 * Read again when the file changes.
 */
final class ArchivedTable {

    /** The table as read, with the pages built from it. */
    record Table(long stamp, ArchivedSweep sweep, SweepPages pages) {
    }

    private volatile SoftReference<Table> held;

    /** The table in {@code file}, or null when there is none. */
    @CheckForNull
    Table read(@CheckForNull File file) throws IOException {
        if (file == null || !file.isFile()) {
            return null;
        }
        long stamp = file.lastModified() ^ file.length();
        SoftReference<Table> ref = held;
        Table t = ref == null ? null : ref.get();
        if (t != null && t.stamp() == stamp) {
            return t;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file.toPath()), 1 << 16)) {
            ArchivedSweep sweep = TaskTableFile.read(in);
            t = new Table(stamp, sweep, sweep.pages());
        }
        held = new SoftReference<>(t);
        return t;
    }
}
