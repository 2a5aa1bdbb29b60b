package dev.clustersweep.sweep;

import dev.clustersweep.BadInputException;
import dev.clustersweep.SystemRefusedException;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Code frozen at launch ({@code --snapshot REF}): the committed tree of REF in the git repository
 * holding the working directory, extracted once into {@code .sweep/JOBNAME/snapshots/COMMIT/}, so
 * that edits and checkouts after the launch do not change tasks that start later. Tasks {@code cd}
 * there (into the working directory's place in the tree) before their command. Uncommitted changes
 * to tracked files are refused unless {@code dirty}, which snapshots them as {@code git stash create}
 * records them (a commit of the working tree, the repository's history untouched).
 *
 * @param commit the commit the tasks run from
 * @param dir the copy's directory for the tasks, relative to the working directory
 * @param made what this take created (the copy, and the directories above it that were missing),
 *     deepest first; empty when the copy was there from an earlier launch
 */
public record Snapshot(String commit, String dir, List<Path> made) {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * How the caller names the two settings in a refusal: {@code --snapshot} and
     * {@code --snapshot-dirty} on the command line, {@code snapshot} and {@code snapshotDirty} in a
     * Pipeline or a spec file.
     */
    public record Words(String snapshot, String dirty, boolean commandLine) {

        public static final Words COMMAND_LINE = new Words("--snapshot", "--snapshot-dirty", true);

        /** How to turn the dirty switch on: {@code --snapshot-dirty}, {@code snapshotDirty: true}. */
        String dirtyOn() {
            return commandLine ? dirty : dirty + ": true";
        }

        /** The snapshot setting given {@code ref}: {@code --snapshot HEAD}, {@code snapshot: 'HEAD'}. */
        String snapshotIs(String ref) {
            return commandLine ? snapshot + " " + ref : snapshot + ": '" + ref + "'";
        }
    }

    public Snapshot {
        made = List.copyOf(made);
    }

    /**
     * Takes back what this take made, for a launch refused after it: nothing is left of a launch that
     * did not happen. A copy an earlier launch made stays (its sweep may run from it).
     */
    public void discard() {
        try {
            if (!made.isEmpty()) {
                AtomicFiles.deleteTree(made.get(0));
                AtomicFiles.removeEmpty(made.subList(1, made.size()));
            }
        } catch (IOException e) {
            // best effort: the refusal is what the user needs to read, not this
        }
    }

    /** The shell line a task runs first (the working directory's own path is all it needs). */
    public String cdLine() {
        return "cd " + dev.clustersweep.shell.ShellQuote.quote(dir);
    }

    public static Snapshot take(Path workDir, SweepDirectory sweep, String ref, boolean dirty, Words words) {
        CommandRunner git = new CommandRunner(TIMEOUT);
        CommandRunner.Result top = git.run(List.of("git", "rev-parse", "--show-toplevel"), workDir);
        if (!top.ok()) {
            throw new BadInputException(words.snapshot() + ": " + workDir + " is not in a git repository: expected one");
        }
        Path root = Path.of(top.stdout().strip());
        CommandRunner.Result changes = git.run(List.of("git", "status", "--porcelain", "--untracked-files=no"), root);
        String commit = resolve(git, root, ref, words);
        if (!changes.stdout().isBlank()) {
            if (!dirty) {
                long n = changes.stdout().lines().count();
                throw new BadInputException(words.snapshot() + ": " + root + " has uncommitted changes (" + n
                        + " file(s), e.g. " + changes.stdout().lines().findFirst().orElse("").substring(3)
                        + "): commit them, or add " + words.dirtyOn() + " to include them");
            }
            if (!ref.equals("HEAD")) {
                throw new BadInputException(words.dirty() + " includes the working tree's changes: expected "
                        + words.snapshotIs("HEAD") + ", not '" + ref + "'");
            }
            commit = git.run(List.of("git", "stash", "create"), root).stdout().strip();
        }
        Path target = sweep.root().resolve("snapshots").resolve(commit);
        List<Path> made = List.of();
        if (!Files.isDirectory(target)) {
            made = extract(git, root, commit, target, words);
        }
        Path rel = realPath(root).relativize(realPath(workDir));
        return new Snapshot(commit, workDir.relativize(target.resolve(rel.toString())).toString(), made);
    }

    /** The commits this sweep's tasks were run from, oldest first by name: what {@code sweep status} shows. */
    public static List<String> commits(SweepDirectory sweep) {
        Path dir = sweep.root().resolve("snapshots");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new SystemRefusedException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String resolve(CommandRunner git, Path root, String ref, Words words) {
        CommandRunner.Result r = git.run(List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), root);
        if (!r.ok()) {
            throw new BadInputException(words.snapshot() + ": '" + ref + "' is not a commit or branch of " + root
                    + ": expected e.g. HEAD, main or a commit id");
        }
        return r.stdout().strip();
    }

    /**
     * {@code git archive} into a temporary directory beside the target, then one rename; returns the
     * target and the directories created above it, deepest first.
     */
    private static List<Path> extract(CommandRunner git, Path root, String commit, Path target, Words words) {
        Path tmp = target.resolveSibling("." + commit + ".tmp");
        Path tar = target.resolveSibling("." + commit + ".tar");
        List<Path> made = new java.util.ArrayList<>(List.of(target));
        boolean done = false;
        try {
            AtomicFiles.deleteTree(tmp);
            made.addAll(AtomicFiles.createDirectories(target.getParent()));
            Files.createDirectory(tmp);
            CommandRunner.Result a = git.run(List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), root);
            CommandRunner.Result x = a.ok() ? git.run(List.of("tar", "-xf", tar.toString(), "-C", tmp.toString()), root) : a;
            if (!x.ok()) {
                throw new SystemRefusedException(words.snapshot() + ": could not copy " + commit + " into " + target + ": "
                        + x.message(), new IOException(x.message()));
            }
            Files.move(tmp, target);
            done = true;
            return made;
        } catch (IOException e) {
            throw new SystemRefusedException(words.snapshot() + ": could not write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
                AtomicFiles.deleteTree(tmp);
            } catch (IOException e) {
                // a leftover temporary file is harmless: the next snapshot replaces it
            }
            if (!done) {
                AtomicFiles.removeEmpty(made.subList(1, made.size())); // the directories this take made
            }
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }
}
