package dev.clustersweep.scripts;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.jobfile.Job;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A sweep in a temporary working directory whose name needs quoting, and real bash runs of it. */
final class SweepFixture {

    /** Spaces, quotes, a dollar and non-ASCII: whatever bakes the path into the scripts must quote it. */
    static final String AWKWARD_NAME = "work dir 'q' $HOME ü";

    final Path work;
    final SweepDirectory dir;

    SweepFixture(Path tmp) throws IOException {
        work = Files.createDirectories(tmp.resolve(AWKWARD_NAME));
        dir = new SweepDirectory(work, "fix.sweep-1");
    }

    SweepFixture render(EnvironmentSetup setup) throws IOException {
        WrapperScripts.render(dir, setup);
        return this;
    }

    /** Tasks 1..n run these commands. */
    SweepFixture jobs(String... commands) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            jobs.add(new Job(i + 1, commands[i], ""));
        }
        CommandChunks.write(dir, jobs.iterator());
        return this;
    }

    ProcessBuilder builder(Map<String, String> env, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.getParent().toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("SGE_") || k.startsWith("SWEEP_")
                || k.equals("JOB_ID"));
        environment.putAll(env);
        return pb;
    }

    Process startWrapper(long index, long offset, Map<String, String> env) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putIfAbsent("SWEEP_ARRAY_INDEX", Long.toString(index));
        return builder(all, "bash", dir.wrapper().toString(), "1", Long.toString(offset)).start();
    }

    Result wrapper(long index, long offset, Map<String, String> env) throws Exception {
        return finish(startWrapper(index, offset, env));
    }

    Result wrapper(long id) throws Exception {
        return wrapper(id, 0, Map.of());
    }

    static Result finish(Process p) throws Exception {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("process did not end within 20 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    String out(long id, int attempt) throws IOException {
        return Files.readString(dir.stdout(id, attempt));
    }

    String err(long id, int attempt) throws IOException {
        return Files.readString(dir.stderr(id, attempt));
    }

    Map<String, String> start(long id, int attempt) throws IOException {
        return record(dir.startRecord(id, attempt));
    }

    Map<String, String> end(long id, int attempt) throws IOException {
        return record(dir.endRecord(id, attempt));
    }

    static Map<String, String> record(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            assertTrue("not key=value: " + line, eq > 0);
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    /** Polls until the file exists (a task got going), up to 10 s. */
    static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 1000 && !Files.exists(file); i++) {
            Thread.sleep(10);
        }
        assertTrue("never appeared: " + file, Files.exists(file));
    }

    /** The signals a task found ignored at its start: the SigIgn mask it wrote with {@link #SIG_IGN}. */
    long ignoredSignals(String file) throws IOException {
        String text = Files.readString(work.resolve(file)).trim();
        assertTrue("not a SigIgn line: " + text, text.startsWith("SigIgn:"));
        return Long.parseUnsignedLong(text.substring("SigIgn:".length()).trim(), 16);
    }

    /** A task command that writes its SigIgn line (Linux /proc) to the file named after it. */
    static final String SIG_IGN = "exec grep SigIgn /proc/self/status > ";

    /** Bits of SIGINT, SIGQUIT and SIGUSR2 in a /proc signal mask. */
    static final long INT = 1L << 1;
    static final long QUIT = 1L << 2;
    static final long USR2 = 1L << 11;

    static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0);
    }

    static boolean alive(long pid) throws Exception {
        // kill -0 also succeeds on a zombie; ps shows its state, which we then treat as gone.
        Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).start();
        String stat = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ps.waitFor();
        return !stat.isEmpty() && !stat.startsWith("Z");
    }

    /** The exit status and the combined stdout/stderr of a wrapper (its own messages, before the claim). */
    record Result(int exit, String output) {
    }

    /**
     * The quoted word stored for task {@code id} (what the wrapper evaluates), or empty when the
     * task has no command. It reads up to one chunk.
     */
    public static Optional<String> readQuoted(SweepDirectory dir, long id) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(dir.commandsChunk(id), StandardCharsets.UTF_8)) {
            String line = null;
            for (long i = 0; i <= id % SweepDirectory.CHUNK; i++) {
                line = in.readLine();
                if (line == null) {
                    return Optional.empty();
                }
            }
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
