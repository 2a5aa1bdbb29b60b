package dev.clustersweep.scripts;

import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes a sweep's scripts/wrapper.sh and scripts/multiwrapper.sh (see the usage comment at the
 * top of each, and docs/layout.md). The working directory, the sweep directory and the
 * environment set-up are baked in, quoted for bash.
 */
public final class WrapperScripts {

    private WrapperScripts() {
    }

    public static void render(SweepDirectory dir, EnvironmentSetup setup) throws IOException {
        Map<String, String> values = values(dir, setup);
        write(dir.wrapper(), ScriptTemplate.render(WrapperScripts.class, "wrapper.sh", values));
        write(dir.multiWrapper(), ScriptTemplate.render(WrapperScripts.class, "multiwrapper.sh", values));
    }

    /** The wrapper.sh that {@link #render} would write, to compare with the one tasks run now. */
    public static String wrapperText(SweepDirectory dir, EnvironmentSetup setup) {
        return ScriptTemplate.render(WrapperScripts.class, "wrapper.sh", values(dir, setup));
    }

    private static Map<String, String> values(SweepDirectory dir, EnvironmentSetup setup) {
        return Map.of(
                "JOBNAME_TEXT", dir.jobName(),
                "JOBNAME", ShellQuote.quote(dir.jobName()),
                "WORKDIR", ShellQuote.quote(dir.workDir().toString()),
                "SWEEP_DIR", ShellQuote.quote(dir.root().toString()),
                "SETUP", SetupScript.setup(setup, dir.workDir()).stripTrailing(),
                "FOOTER", SetupScript.footer(setup).stripTrailing(),
                "BARE", setup.isEmpty() ? "1" : "0");
    }

    private static void write(Path target, String script) throws IOException {
        AtomicFiles.writeString(target, script);
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            target.toFile().setExecutable(true);
        }
    }
}
