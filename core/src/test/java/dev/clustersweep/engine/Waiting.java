package dev.clustersweep.engine;

/** Waits for a sweep in tests the way {@code sweep status --wait} does: through the engine's loop. */
public final class Waiting {

    private static final PollPolicy QUICK = new PollPolicy(50, 200, 1.5);

    private Waiting() {
    }

    /** Polls until no task is active; returns the status then. */
    public static SweepStatus untilEnded(Sweep sweep) throws Exception {
        new SweepLoop(sweep, QUICK).run(RunState.watching(sweep.directory().jobName(), QUICK), turn -> { });
        return sweep.status();
    }
}
