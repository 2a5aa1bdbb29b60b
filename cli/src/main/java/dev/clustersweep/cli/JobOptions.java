package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
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

    /** The sweep, which must have been made here (by prelaunch or launch) for the command to read it. */
    Sweep openExisting() {
        Sweep sweep = open();
        if (!sweep.exists()) {
            throw new BadInputException("no sweep named '" + jobName + "' here: expected a jobname from 'sweep list'");
        }
        return sweep;
    }
}
