package dev.clustersweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the sweep command line as a real process in a working directory, as a user would. */
final class SweepProcess {

    record Result(int exit, String stdout, String stderr) {
    }

    private SweepProcess() {
    }

    static Process start(Path workDir, String... args) throws IOException {
        return start(workDir, List.of(), java.util.Map.of(), args);
    }

    /**
     * As {@link #start(Path, String...)}, under {@code prefix} (e.g. setpriv, to run without some
     * capabilities) and with {@code env} added to the environment.
     */
    static Process start(Path workDir, List<String> prefix, java.util.Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SweepCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(workDir.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("CI", "true"); // no live terminal progress in captured output
        builder.environment().putAll(env);
        Process process = builder.start();
        OUTPUTS.put(process, new Path[] {out, err});
        return process;
    }

    static Result finish(Process process) throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sweep did not finish within 120 s");
        }
        Path[] files = OUTPUTS.remove(process);
        return new Result(process.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                Files.readString(files[1], StandardCharsets.UTF_8));
    }

    static Result run(Path workDir, String... args) throws Exception {
        return finish(start(workDir, args));
    }

    static Result run(Path workDir, List<String> prefix, java.util.Map<String, String> env, String... args)
            throws Exception {
        return finish(start(workDir, prefix, env, args));
    }

    private static final java.util.Map<Process, Path[]> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();
}
