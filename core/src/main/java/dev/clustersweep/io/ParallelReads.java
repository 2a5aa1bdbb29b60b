package dev.clustersweep.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Reads many small files with a few threads. Reading a sweep's records is mostly waiting on
 * open/read/close system calls, one file after the other; a few threads overlap them (on 2 cores,
 * 100,000 records in about half the time). More threads only add contention on a shared disk.
 * A failure is rethrown as it was thrown (not wrapped), so callers' messages and exit statuses stay.
 */
public final class ParallelReads {

    private static final int MAX_THREADS = 4;
    /** Below this many files, a thread costs more than it saves. */
    private static final int BATCH = 256;

    private ParallelReads() {
    }

    /**
     * {@code out[i] = read(i)} for {@code i} in {@code [0, out.length)}, each thread with a reader of
     * its own from {@code readers} (a reader may keep a buffer).
     */
    public static <T> T[] fill(T[] out, Supplier<IntFunction<T>> readers) {
        int threads = Math.max(1, Math.min(MAX_THREADS, Math.min(Runtime.getRuntime().availableProcessors(),
                out.length / BATCH)));
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            IntFunction<T> read = readers.get();
            for (int from; (from = next.getAndAdd(BATCH)) < out.length;) {
                for (int i = from; i < Math.min(from + BATCH, out.length); i++) {
                    out[i] = read.apply(i);
                }
            }
        };
        if (threads == 1) {
            work.run();
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "sweep-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(work));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the sweep's files", e);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
