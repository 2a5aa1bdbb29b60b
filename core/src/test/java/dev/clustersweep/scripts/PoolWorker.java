package dev.clustersweep.scripts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wrapper.sh --pool 1} worker of a {@link SweepFixture}, as the local backend runs it:
 * task ids to its input, its "started ID PID ATTEMPT" and "ended ID STATUS" lines read back. Its stderr
 * (bash's notes on killed subshells) is dropped: stdout is the pool's channel.
 */
final class PoolWorker implements AutoCloseable {

    private final Process process;
    private final BufferedReader said;
    private final OutputStream ids;

    PoolWorker(SweepFixture sweep, Map<String, String> env) throws IOException {
        process = sweep.builder(env, "bash", sweep.dir.wrapper().toString(), "--pool", "1")
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        said = new BufferedReader(new InputStreamReader(process.getInputStream()));
        ids = process.getOutputStream();
    }

    long pid() {
        return process.pid();
    }

    /** Hands the worker these task ids. */
    void run(long... taskIds) throws IOException {
        for (long id : taskIds) {
            ids.write((id + "\n").getBytes());
        }
        ids.flush();
    }

    /** The worker's next line, or null once it has ended. */
    String next() throws IOException {
        return said.readLine();
    }

    /** The pid that takes the task's stop signals (its wrapper, or the worker running it itself), from a "started" line. */
    static long startedPid(String started) {
        return Long.parseLong(started.split(" ")[2]);
    }

    /** Ends its input and waits for the worker to end, up to 10 s; whether it did. */
    boolean finish() throws Exception {
        ids.close();
        return process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
