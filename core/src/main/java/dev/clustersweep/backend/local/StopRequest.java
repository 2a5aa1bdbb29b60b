package dev.clustersweep.backend.local;

import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code status/ID.N.stop}: asks for attempt N of task ID to stop, written before the signal is
 * sent. A pool worker that runs its tasks itself shares its pid among them, so it takes a stop
 * signal only for the attempt that has this file: a signal that comes once the worker has moved on
 * to the next task stops nothing (wrapper.sh, "the pool worker"; docs/layout.md).
 */
final class StopRequest {

    private StopRequest() {
    }

    static Path path(SweepDirectory dir, long taskId, int attempt) {
        return dir.statusDir().resolve(taskId + "." + attempt + ".stop");
    }

    /** Writes the request; false when it could not be written (the signal then stops nothing in a bare pool). */
    static boolean write(SweepDirectory dir, long taskId, int attempt) {
        try {
            Path path = path(dir, taskId, attempt);
            if (!Files.exists(path)) {
                Files.write(path, new byte[0]);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
