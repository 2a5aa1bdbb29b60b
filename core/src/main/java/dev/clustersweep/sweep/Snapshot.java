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
 */
public record Snapshot(String commit, String dir) {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** The shell line a task runs first (the working directory's own path is all it needs). */
    public String cdLine() {
        return "cd " + dev.clustersweep.shell.ShellQuote.quote(dir);
    }

    public static Snapshot take(Path workDir, SweepDirectory sweep, String ref, boolean dirty) {
        CommandRunner git = new CommandRunner(TIMEOUT);
        CommandRunner.Result top = git.run(List.of("git", "rev-parse", "--show-toplevel"), workDir);
        if (!top.ok()) {
            throw new BadInputException("--snapshot: " + workDir + " is not in a git repository: expected one");
        }
        Path root = Path.of(top.stdout().strip());
        CommandRunner.Result changes = git.run(List.of("git", "status", "--porcelain", "--untracked-files=no"), root);
        String commit = resolve(git, root, ref);
        if (!changes.stdout().isBlank()) {
            if (!dirty) {
                long n = changes.stdout().lines().count();
                throw new BadInputException("--snapshot: " + root + " has uncommitted changes (" + n + " file(s), e.g. "
                        + changes.stdout().lines().findFirst().orElse("").substring(3)
                        + "): commit them, or add --snapshot-dirty to include them");
            }
            if (!ref.equals("HEAD")) {
                throw new BadInputException("--snapshot-dirty includes the working tree's changes: expected --snapshot HEAD, not '"
                        + ref + "'");
            }
            commit = git.run(List.of("git", "stash", "create"), root).stdout().strip();
        }
        Path target = sweep.root().resolve("snapshots").resolve(commit);
        if (!Files.isDirectory(target)) {
            extract(git, root, commit, target);
        }
        Path rel = realPath(root).relativize(realPath(workDir));
        return new Snapshot(commit, workDir.relativize(target.resolve(rel.toString())).toString());
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

    private static String resolve(CommandRunner git, Path root, String ref) {
        CommandRunner.Result r = git.run(List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), root);
        if (!r.ok()) {
            throw new BadInputException("--snapshot: '" + ref + "' is not a commit or branch of " + root
                    + ": expected e.g. HEAD, main or a commit id");
        }
        return r.stdout().strip();
    }

    /** {@code git archive} into a temporary directory beside the target, then one rename. */
    private static void extract(CommandRunner git, Path root, String commit, Path target) {
        Path tmp = target.resolveSibling("." + commit + ".tmp");
        Path tar = target.resolveSibling("." + commit + ".tar");
        try {
            AtomicFiles.deleteTree(tmp);
            Files.createDirectories(tmp);
            CommandRunner.Result a = git.run(List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), root);
            CommandRunner.Result x = a.ok() ? git.run(List.of("tar", "-xf", tar.toString(), "-C", tmp.toString()), root) : a;
            if (!x.ok()) {
                throw new SystemRefusedException("--snapshot: could not copy " + commit + " into " + target + ": "
                        + x.message(), new IOException(x.message()));
            }
            Files.move(tmp, target);
        } catch (IOException e) {
            throw new SystemRefusedException("--snapshot: could not write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
                AtomicFiles.deleteTree(tmp);
            } catch (IOException e) {
                // a leftover temporary file is harmless: the next snapshot replaces it
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
