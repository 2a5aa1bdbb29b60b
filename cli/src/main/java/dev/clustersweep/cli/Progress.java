package dev.clustersweep.cli;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.SweepLoop;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Shows a wait driven by the engine's {@link SweepLoop}: on a terminal the counts on one line
 * rewritten in place, elsewhere (logs, CI) a line each time they change, never one per poll;
 * retries and scheduler warnings on lines of their own.
 */
final class Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private boolean midLine;

    Progress(PrintWriter out) {
        this.out = out;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    SweepLoop.Turn follow(SweepLoop loop, RunState state) throws BackendException, IOException, InterruptedException {
        SweepLoop.Turn last = loop.run(state, this::show);
        if (midLine) {
            out.println();
        }
        return last;
    }

    private void show(SweepLoop.Turn turn) {
        for (String line : turn.lines()) {
            boolean counts = turn.progress() != null && line.equals(turn.progress().line());
            if (counts && terminal) {
                out.print("\r\033[K" + turn.progress().summary());
                out.flush();
                midLine = true;
                continue;
            }
            if (midLine) {
                out.println();
                midLine = false;
            }
            out.println(counts ? turn.progress().summary() : "sweep: " + line);
        }
    }
}
