package dev.clustersweep.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that readers see either the old content or the whole new content, never half of
 * it: the content goes to a temporary name in the same directory, which is then renamed. A write
 * that fails leaves nothing behind: not its temporary file, not the directories it created, and
 * (through a shutdown hook) not its temporary file when SIGINT, SIGTERM or SIGHUP stop the JVM.
 */
public final class AtomicFiles {

    /** Writes content to a writer; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static final java.nio.file.attribute.FileAttribute<?> READABLE =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

    /**
     * Temporary files being written now, with the directories created for them: a signal's
     * shutdown hook deletes them (the directories when still empty).
     */
    private static final Map<Path, List<Path>> IN_FLIGHT = new ConcurrentHashMap<>();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "atomic-files-cleanup"));
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target}. A failure of the file system (permission, full or read-only disk) is a
     * {@link dev.clustersweep.SystemRefusedException} naming the file.
     */
    public static void write(Path target, Content content) throws IOException {
        try (Staged staged = stage(target, content)) {
            staged.commit();
        }
    }

    /**
     * Writes the content beside {@code target} now, to be put in place by {@link Staged#commit}
     * later (a rename: no disk space needed then) or dropped by {@link Staged#close}. For a file that
     * may only appear once something else succeeded, without failing for space after it did.
     */
    public static Staged stage(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        List<Path> created = createDirectories(dir);
        Path tmp = null;
        try {
            // rw-r--r-- (less the umask) as any file a user writes, not createTempFile's private 0600:
            // on a cluster the scheduler or a colleague may read the sweep's files.
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", READABLE);
            if (!stopping) {
                // Once the JVM is stopping, writes are those of other shutdown hooks (the launch's cancel
                // records on Ctrl-C): they must finish, so they are not the cleanup's to delete.
                IN_FLIGHT.put(tmp, created);
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Staged staged = new Staged(target, tmp, created);
            tmp = null;
            return staged;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw e; // content of ours that would not serialize: a bug, not the system
        } catch (IOException e) {
            throw refusedWriting(target, dir, e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
                IN_FLIGHT.remove(tmp);
                removeEmpty(created);
            }
        }
    }

    /** A file written under a temporary name, not yet in place. */
    public static final class Staged implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final List<Path> created;
        private boolean committed;

        private Staged(Path target, Path tmp, List<Path> created) {
            this.target = target;
            this.tmp = tmp;
            this.created = created;
        }

        /** Puts the file in place, replacing what was there. */
        public void commit() throws IOException {
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw refusedWriting(target, target.toAbsolutePath().getParent(), e);
            }
            committed = true;
        }

        /** Drops the temporary file unless committed. */
        @Override
        public void close() throws IOException {
            IN_FLIGHT.remove(tmp);
            if (!committed) {
                Files.deleteIfExists(tmp);
                removeEmpty(created);
            }
        }
    }

    private static RuntimeException refusedWriting(Path target, Path dir, IOException e) {
        // The temporary file is ours, not the user's: name the file they know, unless what failed is
        // elsewhere (a source the content reads).
        boolean here = !(e instanceof java.nio.file.FileSystemException fse) || fse.getFile() == null
                || Path.of(fse.getFile()).toAbsolutePath().startsWith(dir);
        return here ? FileProblems.refusedAt("write", target, e) : FileProblems.refused("write", target, e);
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /**
     * Creates {@code dir} and its missing parents; returns those it created, deepest first, for a
     * failed write to take back.
     */
    public static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(p);
        }
        List<Path> created = new ArrayList<>();
        try {
            for (int i = missing.size() - 1; i >= 0; i--) {
                try {
                    Files.createDirectory(missing.get(i));
                    created.add(0, missing.get(i));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (!Files.isDirectory(missing.get(i))) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            removeEmpty(created);
            throw FileProblems.refused("create", dir, e);
        }
        return created;
    }

    /** Removes these directories (deepest first) if they are still empty; best effort. */
    public static void removeEmpty(List<Path> dirs) {
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return; // someone else wrote into it: it and its parents stay
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Deletes a file or a directory with everything in it, if it exists; for taking back a failed write. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteInFlight() {
        stopping = true;
        for (Map.Entry<Path, List<Path>> e : IN_FLIGHT.entrySet()) {
            try {
                Files.deleteIfExists(e.getKey());
            } catch (IOException ignored) {
                // the JVM is going down; nothing more can be done
            }
            removeEmpty(e.getValue());
        }
    }
}
