package dev.clustersweep.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs scheduler commands (sbatch, squeue, qsub...) as argument lists, never through a shell, with
 * a timeout (squeue can hang for 18 s when slurmctld is down), and counts them so a sweep can
 * report what it cost the scheduler.
 */
public final class CommandRunner {

    /** What a command printed and returned; {@code timedOut} when it was killed at the timeout. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The command's own words for an error: stderr, else stdout, on one line. */
        public String message() {
            String text = !stderr.isBlank() ? stderr : stdout;
            text = text.strip().replace('\n', ' ');
            if (timedOut) {
                return "timed out" + (text.isEmpty() ? "" : ": " + text);
            }
            return text.isEmpty() ? "exit code " + exitCode : text;
        }
    }

    private final Duration timeout;
    private final Map<String, String> environment;
    private final AtomicLong calls = new AtomicLong();

    public CommandRunner(Duration timeout, Map<String, String> environment) {
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
    }

    public CommandRunner(Duration timeout) {
        this(timeout, Map.of());
    }

    public long calls() {
        return calls.get();
    }

    public Result run(List<String> command) {
        return run(command, null);
    }

    public Result run(List<String> command, Path workDir) {
        calls.incrementAndGet();
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(command, 127, "", "cannot run " + command.get(0) + ": " + e.getMessage(), false);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            // A child the command left behind may hold the pipes open: never wait on it for long.
            return new Result(command, finished ? process.exitValue() : -1, collect(out), collect(err), !finished);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Result(command, -1, "", "interrupted", true);
        }
    }

    /** Kills the command and what it started (a site's wrapper script around squeue, say). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String collect(CompletableFuture<String> output) {
        try {
            return output.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            output.cancel(true);
            return "";
        } catch (java.util.concurrent.ExecutionException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Runs until it succeeds or {@code attempts} runs failed with a result {@code retryable} accepts,
     * waiting longer each time. For queries only: a submission is never retried blindly.
     */
    public Result runWithRetries(List<String> command, int attempts, Duration firstWait,
            java.util.function.Predicate<Result> retryable) {
        Duration wait = firstWait;
        Result result = run(command);
        for (int i = 1; i < attempts && !result.ok() && retryable.test(result); i++) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            wait = wait.multipliedBy(2);
            result = run(command);
        }
        return result;
    }

    // Own threads: the common pool has one thread on a 2-core machine, and stdout and stderr must be
    // drained at the same time or a chatty command blocks.
    private static final java.util.concurrent.ExecutorService DRAINERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "command-output");
                t.setDaemon(true);
                return t;
            });

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINERS);
    }
}
