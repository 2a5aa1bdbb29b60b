package dev.clustersweep.results;

import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one attempt's metrics: cluster_utils' {@code attempts/ID.N/metrics.csv} first, then
 * {@code metrics/ID.N.txt}, whose values win for a name both give. At most {@link #MAX_BYTES} of
 * each file are read; a file that cannot be read is a problem of that task, not a failure.
 *
 * <p>Not thread-safe (it keeps its buffer); one per reading thread.
 */
public final class MetricsReader {

    /** A task that logs every step for days still fits; a runaway loop does not fill the memory. */
    public static final int MAX_BYTES = 1 << 20;

    private final SweepDirectory dir;
    private final boolean keepSeries;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_BYTES + 1);

    public MetricsReader(SweepDirectory dir, boolean keepSeries) {
        this.dir = dir;
        this.keepSeries = keepSeries;
    }

    /**
     * The metrics of attempt {@code attempt} of task {@code id}.
     *
     * @param ended whether the attempt has its end record: only then is an unfinished last line whole
     * @param files which of the two files exist, from one listing of each directory
     */
    public AttemptMetrics read(long id, int attempt, boolean ended, MetricFiles files) {
        String name = id + "." + attempt;
        boolean csv = files.hasAttemptDir(name);
        boolean txt = files.hasMetricsFile(name);
        if (!csv && !txt) {
            return AttemptMetrics.NONE;
        }
        AttemptMetrics.Builder into = new AttemptMetrics.Builder(keepSeries);
        if (csv) {
            String file = MetricFiles.ATTEMPTS + "/" + name + "/" + MetricsCsv.FILE;
            String text = text(dir.root().resolve(file), file, into);
            if (text != null) {
                MetricsCsv.parse(text, file, into);
            }
        }
        if (txt) {
            String file = MetricFiles.METRICS + "/" + name + ".txt";
            String text = text(dir.root().resolve(file), file, into);
            if (text != null) {
                MetricLines.parse(text, ended, file, into);
            }
        }
        return into.build();
    }

    /**
     * The file's first {@link #MAX_BYTES} bytes, one char a byte; a larger file is cut at its last
     * whole line within them. Null when it is absent (a task that reported nothing) or unreadable.
     */
    private String text(Path path, String file, AttemptMetrics.Builder into) {
        buffer.clear();
        long size;
        try (FileChannel channel = FileChannel.open(path)) {
            size = channel.size();
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // a file still growing reads up to the cap
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            into.problem(new MetricProblem(file, 0, "", "cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): expected a file the user can read"));
            return null;
        }
        int length = buffer.position();
        if (length > MAX_BYTES) {
            byte[] bytes = buffer.array();
            int cut = MAX_BYTES;
            while (cut > 0 && bytes[cut - 1] != '\n') {
                cut--;
            }
            into.problem(new MetricProblem(file, 0, "", "larger than " + (MAX_BYTES >> 20) + " MiB ("
                    + Math.max(size, length) + " bytes): only its lines in the first " + (MAX_BYTES >> 20)
                    + " MiB were read"));
            length = cut;
        }
        return new String(buffer.array(), 0, length, StandardCharsets.ISO_8859_1);
    }
}
