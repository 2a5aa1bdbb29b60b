package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Damaged and unreadable state, one case per file: each command that reads it says in one line which
 * file is wrong and what it should be, exits 2 (corrupt) or 3 (the system refused: permission), and
 * writes nothing. Real processes on a real sweep directory; permission cases run the command line
 * without the capabilities that let root read anything (setpriv), since the tests run as root.
 */
public class BrokenStateIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(300);

    private Path work;
    private Path sweep;

    /** Without the capabilities that let root ignore file permissions. */
    static final List<String> NO_DAC = List.of("setpriv", "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search");

    /** A damage to the sweep, the command that meets it, what it must say and exit with. */
    record Case(String name, Damage damage, boolean withoutCaps, int exit, String named, String... args) {
    }

    @FunctionalInterface
    interface Damage {
        void apply(Path work, Path sweep) throws Exception;
    }

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
        sweep = work.resolve(".sweep/done");
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "done", "+command", "true", "+pos-arg", "1",
                "2", "+q").exit());
        SweepProcess.Result launched = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "done");
        assertEquals(launched.stderr(), 0, launched.exit());
    }

    @Test
    public void corruptStateIsOneLineNamingTheFileExitTwo() throws Exception {
        String submission = ".sweep/done/submissions/000001.json";
        String cancel = ".sweep/done/cancels/000001.json";
        String record = Files.readString(work.resolve(submission));
        List<Case> cases = List.of(
            new Case("submission not JSON", write(submission, "not json"), false, 2, submission, "status", "--jobname", "done"),
            new Case("submission not JSON, list", write(submission, "not json"), false, 2, submission, "list", "--jobname", "done"),
            new Case("submission not JSON, list all", write(submission, "not json"), false, 2, submission, "list"),
            new Case("submission wrong types", write(submission, "{\"number\": \"x\", \"jobs\": 5}"), false, 2,
                    submission, "status", "--jobname", "done"),
            new Case("submission garbage task list", write(submission, record.replaceFirst("\"tasks\" : \"1-2\"",
                    "\"tasks\" : \"1-x,,\"")), false, 2, submission, "status", "--jobname", "done"),
            new Case("submission missing fields", write(submission, "{}"), false, 2, submission, "list", "--jobname",
                    "done"),
            new Case("cancel not JSON", write(cancel, "[1, 2"), false, 2, cancel, "status", "--jobname", "done"),
            new Case("cancel wrong types", write(cancel, "{\"submission\": [], \"tasks\": 1}"), false, 2, cancel,
                    "cancel", "--jobname", "done"),
            new Case("end record exit", uncached(write(".sweep/done/status/1.1.end",
                    "exit=zero\nend=1\nreason=exit\n")), false,
                    2, "status/1.1.end", "status", "--jobname", "done"),
            new Case("end record reason", uncached(write(".sweep/done/status/2.1.end", "exit=0\nend=1\nreason=bored\n")),
                    false,
                    2, "status/2.1.end", "status", "--jobname", "done"),
            new Case("start record pid", uncached(write(".sweep/done/status/1.1.start",
                    "submission=1\njob=local\nhost=h\npid=none\nstart=1\n")), false, 2, "status/1.1.start",
                    "status", "--jobname", "done"),
            new Case("settings not JSON", write(".sweep/done/sweep.json", "{\"backend\": "), false, 2, "sweep.json",
                    "status", "--jobname", "done", "--wait"),
            new Case("a submission's settings not JSON, relaunch", write(".sweep/done/settings/000001.json", "{\"backend\": "),
                    false, 2, "settings/000001.json", "launch", "--jobname", "done", "--tasklist", "1"),
            new Case("config not JSON, dry run", write(".sweep/config.json", "{bad"), false, 2, "config.json",
                    "launch", "--backend", "local", "--jobname", "done", "--dry-run"),
            new Case("config not JSON, launch", write(".sweep/config.json", "{bad"), false, 2, "config.json",
                    "launch", "--backend", "local", "--jobname", "done", "--tasklist", "1"),
            new Case("jobs.json not JSON", write(".sweep/done/jobs.json", "{\"1\": "), false, 2, "jobs.json",
                    "status", "--jobname", "done"),
            new Case("status task list beyond the jobfile", (w, s) -> { }, false, 2, "'7'", "status", "--jobname",
                    "done", "--tasklist", "7"));
        check(cases);
    }

    @Test
    public void unreadableStateIsOneLineNamingTheFileExitThree() throws Exception {
        Assume.assumeTrue("needs setpriv and root to drop the capabilities", canDropCaps());
        List<Case> cases = List.of(
            new Case(".sweep unreadable", mode(".sweep", "---------"), true, 3, ".sweep", "status", "--jobname", "done"),
            new Case(".sweep unreadable, cancel", mode(".sweep", "---------"), true, 3, ".sweep", "cancel",
                    "--jobname", "done"),
            new Case("status/ unreadable", mode(".sweep/done/status", "---------"), true, 3, "status", "status",
                    "--jobname", "done"),
            new Case("submissions/ unreadable", mode(".sweep/done/submissions", "---------"), true, 3, "submissions",
                    "list", "--jobname", "done"),
            new Case("submission unreadable", mode(".sweep/done/submissions/000001.json", "---------"), true, 3,
                    "000001.json", "status", "--jobname", "done"),
            new Case("start record unreadable", uncached(mode(".sweep/done/status/1.1.start", "---------")), true, 3,
                    "1.1.start", "status", "--jobname", "done"),
            new Case("end record unreadable", uncached(mode(".sweep/done/status/2.1.end", "---------")), true, 3, "2.1.end",
                    "status", "--jobname", "done"),
            new Case("settings unreadable", mode(".sweep/done/sweep.json", "---------"), true, 3, "sweep.json",
                    "status", "--jobname", "done", "--wait"),
            new Case("jobs.json unreadable", mode(".sweep/done/jobs.json", "---------"), true, 3, "jobs.json",
                    "status", "--jobname", "done"),
            new Case("config unreadable", mode(".sweep/config.json", "---------"), true, 3, "config.json",
                    "launch", "--backend", "local", "--jobname", "done", "--dry-run"),
            new Case("read-only working directory, launch", readOnly(), true, 3, "launch.lock", "launch", "--backend",
                    "local", "--jobname", "done"),
            new Case("read-only working directory, cancel", readOnly(), true, 3, "launch.lock", "cancel",
                    "--jobname", "done"),
            new Case("read-only .sweep, config", readOnly(), true, 3, "config.json", "config", "--write", "slurm",
                    "header", "x"));
        Files.writeString(work.resolve(".sweep/config.json"), "{}");
        check(cases);
    }

    private void check(List<Case> cases) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Path saved = tmp.newFolder().toPath();
            copyTree(work.resolve(".sweep"), saved.resolve(".sweep"));
            c.damage().apply(work, sweep);
            List<String> before = listing();
            SweepProcess.Result r = SweepProcess.run(work, c.withoutCaps() ? NO_DAC : List.of(), Map.of(), c.args());
            restoreModes(work);
            List<String> after = listing();
            String what = c.name() + " (" + String.join(" ", c.args()) + "): exit " + r.exit() + ", " + r.stderr();
            if (r.exit() != c.exit() || !r.stderr().startsWith("sweep: ") || r.stderr().lines().count() != 1
                    || !r.stderr().contains(c.named())) {
                failures.add(what);
            } else if (!before.equals(after)) {
                failures.add(what + " wrote " + after + " over " + before);
            }
            deleteTree(work.resolve(".sweep"));
            copyTree(saved.resolve(".sweep"), work.resolve(".sweep"));
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    private static Damage write(String file, String text) {
        return (w, s) -> {
            Files.createDirectories(w.resolve(file).getParent());
            Files.writeString(w.resolve(file), text);
        };
    }

    /**
     * The damage done to a record before any status kept it: once {@code status.cache} holds an ended
     * attempt its records are not read again (they are written once), so a record damaged after that
     * goes unseen. Whether a restored copy's cache counts as its own depends on the file system
     * handing the status directory its old inode number again, so it is removed, not left to chance.
     */
    private static Damage uncached(Damage damage) {
        return (w, s) -> {
            Files.deleteIfExists(s.resolve("status.cache"));
            damage.apply(w, s);
        };
    }

    private static Damage mode(String file, String mode) {
        return (w, s) -> Files.setPosixFilePermissions(w.resolve(file), PosixFilePermissions.fromString(mode));
    }

    private static Damage readOnly() {
        return (w, s) -> {
            for (String dir : List.of(".sweep/done", ".sweep", "")) {
                Files.setPosixFilePermissions(w.resolve(dir), PosixFilePermissions.fromString("r-xr-xr-x"));
            }
        };
    }

    static boolean canDropCaps() {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(NO_DAC) {{ add("true"); }}).start();
            return p.waitFor() == 0 && "root".equals(System.getProperty("user.name"));
        } catch (Exception e) {
            return false;
        }
    }

    /** Every file and directory under the working directory with its size: what "nothing written" compares. */
    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            return files.map(p -> work.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
                    .sorted().toList();
        }
    }

    private static void restoreModes(Path work) throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
