package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * A full file system and a signal mid-write: exit 3 and one line naming the file, and nothing left
 * behind (no temporary file, no partial commands/, no empty directories, no launch.lock). The full
 * disk is a real 64 KiB tmpfs, so these need root (as the tests run); they are skipped otherwise.
 */
public class FullDiskAndSignalIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(300);

    private Path work;
    private boolean mounted;

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
    }

    @After
    public void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", work.toString()).inheritIO().start().waitFor();
        }
    }

    private void mountTinyDisk() throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", work.toString())
                .redirectErrorStream(true).start();
        mounted = mount.waitFor() == 0;
        Assume.assumeTrue("needs root to mount a 64 KiB tmpfs", mounted);
    }

    /** Fills the disk to the last page, then frees one: enough for a lock, not for a sweep's files. */
    private void fillLeavingOnePage() throws IOException {
        Path filler = work.resolve("filler");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // full now
        }
        Files.writeString(work.resolve("page"), ""); // an inode is kept for later
        long size = Files.size(filler);
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size - size % 4096 - 4096);
        }
        Files.delete(work.resolve("page"));
    }

    @Test
    public void prelaunchOnAFullDiskLeavesNothing() throws Exception {
        mountTinyDisk();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add("value-" + i);
        }
        List<String> args = new ArrayList<>(List.of("prelaunch", "+jobname", "big", "+command", "echo", "+q", "+arg",
                "--x"));
        args.addAll(values);
        SweepProcess.Result r = SweepProcess.run(work, args.toArray(String[]::new));
        assertEquals(r.stderr(), 3, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("jobs.json") && r.stderr().contains("No space left on device"));
        assertEquals(List.of(), listing());
    }

    @Test
    public void launchOnAFullDiskLeavesNothingOfItsOwn() throws Exception {
        mountTinyDisk();
        List<String> args = new ArrayList<>(List.of("prelaunch", "+jobname", "big", "+command", "echo " + "x".repeat(300),
                "+q", "+arg", "--x"));
        for (int i = 0; i < 20; i++) {
            args.add("v" + i);
        }
        assertEquals(0, SweepProcess.run(work, args.toArray(String[]::new)).exit());
        fillLeavingOnePage();
        List<String> before = listing();
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "big");
        assertEquals(r.stderr(), 3, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("No space left on device"));
        assertEquals(before, listing());
    }

    @Test
    public void aGridOverTheBoundIsRefusedWritingNothing() throws Exception {
        SweepProcess.Result r = SweepProcess.run(work, huge());
        assertEquals(r.stderr(), 2, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("1000000000000 tasks") && r.stderr().contains("1000000"));
        assertFalse(Files.exists(work.resolve(".sweep")));

        r = SweepProcess.run(work, List.of(), Map.of("SWEEP_MAX_TASKS", "3"), "prelaunch", "+jobname", "b",
                "+command", "c", "+pos-arg", "1", "2", "3", "4", "+q");
        assertEquals(r.stderr(), 2, r.exit());
        assertTrue(r.stderr(), r.stderr().contains("4 tasks, more than 3 (SWEEP_MAX_TASKS)"));
        assertFalse(Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void sigtermDuringAPrelaunchRemovesItsTemporaryFile() throws Exception {
        for (String signal : List.of("TERM", "INT", "HUP")) {
            Process p = SweepProcess.start(work, List.of(), Map.of("SWEEP_MAX_TASKS", "1000000000000"), huge());
            Path dir = work.resolve(".sweep/big");
            while (!hasTemporaryFile(dir)) {
                assertTrue("prelaunch ended before writing", p.isAlive());
                Thread.sleep(20);
            }
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            SweepProcess.finish(p);
            assertEquals(signal, List.of(), listing());
        }
    }

    private static String[] huge() {
        List<String> args = new ArrayList<>(List.of("prelaunch", "+jobname", "big", "+command", "x", "+q"));
        for (String name : List.of("--a", "--b", "--c")) {
            args.add("+arg");
            args.add(name);
            for (int i = 0; i < 10_000; i++) {
                args.add(Integer.toString(i));
            }
        }
        return args.toArray(String[]::new);
    }

    private static boolean hasTemporaryFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(p -> !p.equals(work)).map(p -> work.relativize(p).toString()).sorted().toList();
        }
    }
}
