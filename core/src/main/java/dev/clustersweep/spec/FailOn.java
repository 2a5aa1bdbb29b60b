package dev.clustersweep.spec;

import dev.clustersweep.BadInputException;
import java.util.Locale;

/** What a sweep with unsuccessful tasks makes of the build (or run) that launched it. */
public enum FailOn {
    /** The step fails: the build is FAILURE unless the script catches the error. */
    FAILURE,
    /** The step returns normally and marks the build UNSTABLE. */
    UNSTABLE;

    public static FailOn named(String name) {
        for (FailOn value : values()) {
            if (value.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new BadInputException("bad failOn '" + name + "': expected FAILURE or UNSTABLE");
    }
}
