package dev.clustersweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks that write their start and end times ({@link #COMMAND}), and how many of them ran at once:
 * for tests of a limit on parallel tasks.
 */
public final class TimedTasks {

    /** Writes t{ID}.start and t{ID}.end (nanoseconds) in the working directory around a short sleep. */
    public static final String COMMAND =
            "date +%s%N > t$SWEEP_TASK_ID.start; sleep 0.5; date +%s%N > t$SWEEP_TASK_ID.end";

    private TimedTasks() {
    }

    /** The most of these tasks that ran at the same time, from their files in {@code work}. */
    public static int mostAtOnce(Path work, long... ids) throws IOException {
        List<long[]> events = new ArrayList<>(); // {time, +1 start / -1 end}
        for (long id : ids) {
            events.add(new long[] {Long.parseLong(Files.readString(work.resolve("t" + id + ".start")).trim()), 1});
            events.add(new long[] {Long.parseLong(Files.readString(work.resolve("t" + id + ".end")).trim()), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        int most = 0;
        for (long[] e : events) {
            running += (int) e[1];
            most = Math.max(most, running);
        }
        return most;
    }
}
