package dev.clustersweep.settings;

import dev.clustersweep.sweep.Snapshot;
import java.util.Locale;

/**
 * Who hands the settings over, so that a message names a setting in that caller's own words:
 * {@code --kill-grace} on the command line, {@code killGrace} in a Pipeline script or a spec file.
 */
public enum Caller {
    COMMAND_LINE,
    PIPELINE,
    SPEC_FILE;

    /** How this caller writes the setting. */
    public String shown(Setting<?> setting) {
        return this == COMMAND_LINE && setting.option() != null ? setting.option() : setting.name();
    }

    /** How this caller names the snapshot settings in a refusal of the snapshot. */
    public Snapshot.Words snapshotWords() {
        return new Snapshot.Words(shown(Settings.SNAPSHOT), shown(Settings.SNAPSHOT_DIRTY),
                this == COMMAND_LINE);
    }

    /** The word for one of the caller's settings in a message: "option", "argument" (of the step) or "field". */
    String noun() {
        return switch (this) {
            case COMMAND_LINE -> "option";
            case PIPELINE -> "argument";
            case SPEC_FILE -> "field";
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
