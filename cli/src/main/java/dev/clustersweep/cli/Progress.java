package dev.clustersweep.cli;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import java.io.PrintWriter;

/**
 * Shows a wait: on a terminal one line rewritten in place, elsewhere (logs, CI) a line each time
 * the counts change, never one per poll.
 */
final class Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private String last = "";

    Progress(PrintWriter out) {
        this.out = out;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    SweepStatus await(Sweep sweep, PollPolicy policy) throws BackendException, InterruptedException {
        SweepStatus status = sweep.await(policy, this::show, w -> {
            if (terminal) {
                out.println();
            }
            out.println("sweep: " + w);
        }, 10);
        if (terminal) {
            out.println();
        }
        return status;
    }

    private void show(SweepStatus status) {
        String line = status.summary();
        if (line.equals(last)) {
            return;
        }
        last = line;
        if (terminal) {
            out.print("\r\033[K" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }
}
