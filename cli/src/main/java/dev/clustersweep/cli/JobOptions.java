package dev.clustersweep.cli;

import dev.clustersweep.engine.Sweep;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that name a sweep, shared by every command that works on one. */
final class JobOptions {

    @Option(names = "--jobname", required = true, paramLabel = "NAME",
            description = "The sweep's name, as given to prelaunch (+jobname).")
    String jobName;

    Sweep open() {
        return Sweep.open(Path.of("").toAbsolutePath(), jobName);
    }

    /** The sweep, which must exist: for the commands that read one (a typo is one line, exit 2). */
    Sweep openExisting() {
        Sweep sweep = open();
        if (!sweep.exists()) {
            throw new dev.clustersweep.BadInputException("no sweep named '" + jobName + "' here: expected a jobname"
                    + " from 'sweep list'");
        }
        return sweep;
    }
}
