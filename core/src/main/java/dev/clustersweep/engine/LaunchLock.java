package dev.clustersweep.engine;

import dev.clustersweep.BadInputException;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.io.FileProblems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import dev.clustersweep.sweep.SweepDirectory;

/**
 * Only one launch or cancel of a sweep at a time, across processes: a lock on {@code launch.lock}.
 * The file exists only while held (a launch that fails leaves nothing behind): the holder deletes
 * it before releasing. A process that locked a file that was deleted meanwhile holds a lock on
 * nothing, so a taker writes a token of its own into the file it locked and reads the path back;
 * only when the path shows its token does it hold the lock.
 */
final class LaunchLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final java.util.List<Path> created;

    private LaunchLock(Path file, FileChannel channel, FileLock lock, java.util.List<Path> created) {
        this.file = file;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the sweep's lock; with {@code wait}, waits up to 30 s for another holder (a cancel
     * waits for a launch being submitted), otherwise refuses at once.
     */
    static LaunchLock take(SweepDirectory dir, boolean wait) throws IOException {
        // Directories this lock created go with it when still empty: a refused launch of a new sweep
        // leaves no empty .sweep/NAME/.
        java.util.List<Path> created = AtomicFiles.createDirectories(dir.root());
        Path file = dir.launchLock();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                AtomicFiles.removeEmpty(created);
                throw FileProblems.refused("create", file, e);
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another thread of this process
            }
            if (lock != null) {
                if (isStillAt(file, channel)) {
                    return new LaunchLock(file, channel, lock, created);
                }
                lock.release(); // the file was deleted by its last holder: take the new one
                channel.close();
                continue;
            }
            channel.close();
            if (!wait || System.currentTimeMillis() > deadline) {
                throw new BadInputException("sweep '" + dir.jobName() + "' is being launched by another "
                        + "process: expected one launch at a time");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock of sweep " + dir.jobName(), e);
            }
        }
    }

    /** Whether the locked channel is the file at {@code file} now (see the class comment). */
    private static boolean isStillAt(Path file, FileChannel channel) throws IOException {
        byte[] token = (UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token), 0);
        } catch (IOException e) {
            throw FileProblems.refused("write", file, e);
        }
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), token);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw FileProblems.refused("read", file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file); // while still held: see the class comment
        } finally {
            lock.release();
            channel.close();
            AtomicFiles.removeEmpty(created);
        }
    }
}
