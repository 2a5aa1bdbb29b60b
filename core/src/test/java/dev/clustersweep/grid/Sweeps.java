package dev.clustersweep.grid;

import dev.clustersweep.jobfile.Job;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: expand a prelaunch command line the way a user types it. */
final class Sweeps {

    private Sweeps() {
    }

    /** Splits on single spaces, as onager's own tests do; use {@link #words} for values with spaces. */
    static Prelaunch parse(String line) {
        return Prelaunch.parse(Arrays.asList(line.split(" ")));
    }

    static Prelaunch words(String... words) {
        return Prelaunch.parse(List.of(words));
    }

    static List<String> commands(String line) {
        return commands(Grid.of(parse(line).spec()));
    }

    static List<String> commands(Grid grid) {
        List<String> out = new ArrayList<>();
        for (Job job : grid) {
            out.add(job.command());
        }
        return out;
    }

    static List<String> tags(Grid grid) {
        List<String> out = new ArrayList<>();
        for (Job job : grid) {
            out.add(job.tag());
        }
        return out;
    }
}
