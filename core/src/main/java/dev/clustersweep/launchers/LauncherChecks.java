package dev.clustersweep.launchers;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A launcher read from a file, checked field by field so a bad one is named with its file and id. */
final class LauncherChecks {

    private LauncherChecks() {
    }

    static Launcher check(Path file, Launcher l) {
        String where = "launchers file " + file + ", launcher '" + l.id() + "'";
        if (l.id() == null || l.id().isBlank()) {
            throw new BadInputException("bad launchers file " + file + ": a launcher without an id (expected id: NAME)");
        }
        try {
            Backends.check(l.backend());
            size(l.memPerCpu());
            duration(l.maxDuration());
            for (NodeGroup n : l.nodes()) {
                size(n.mem());
                size(n.gpuMem());
            }
            for (Qos q : l.qos()) {
                duration(q.maxDuration());
            }
            for (String f : l.features()) {
                Pattern.compile(f);
            }
        } catch (BadInputException e) {
            throw new BadInputException("bad " + where + ": " + e.getMessage(), e);
        } catch (PatternSyntaxException e) {
            throw new BadInputException("bad " + where + ": feature pattern '" + e.getPattern()
                    + "' is not a regular expression (" + e.getDescription() + ")", e);
        }
        return l;
    }

    static long size(String text) {
        return text == null || text.isBlank() ? 0 : Memory.parseMegabytes(text);
    }

    static long duration(String text) {
        return text == null || text.isBlank() ? 0 : Durations.parseSeconds(text);
    }
}
