package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.PollPolicy;
import picocli.CommandLine.Option;

/** How a command that waits asks the scheduler: quick at first, backing off to --poll-max. */
final class WaitOptions {

    @Option(names = "--poll-max", paramLabel = "SECONDS", defaultValue = "0",
            description = "While waiting, ask the scheduler at most every SECONDS once backed off"
                    + " (default 60 for clusters, 2 for local).")
    int pollMaxSeconds;

    PollPolicy pollPolicy(String backend) {
        if (pollMaxSeconds < 0) {
            throw new BadInputException("bad --poll-max '" + pollMaxSeconds + "': expected a number of seconds, 0 for the default");
        }
        return PollPolicy.forBackend(backend).withMaxSeconds(pollMaxSeconds);
    }
}
