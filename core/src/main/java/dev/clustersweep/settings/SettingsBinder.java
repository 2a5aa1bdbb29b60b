package dev.clustersweep.settings;

import dev.clustersweep.BadInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Binds settings from what a caller hands over: command-line options (by setting name, values as
 * strings), a Pipeline step's named arguments (Groovy strings and numbers), or a YAML/JSON spec file.
 * One binder for all three, so each setting is read and checked the same way everywhere; a message
 * names the setting as the caller wrote it, and an unknown name gets a "did you mean".
 */
public final class SettingsBinder {

    private SettingsBinder() {
    }

    /**
     * Binds named values; a null or blank value is "not given". Nothing but names and types is
     * checked: a spec file or the site's defaults may give the rest.
     */
    public static SweepSettings bind(Map<String, ?> values, Caller caller) {
        LinkedHashMap<String, Object> given = new LinkedHashMap<>();
        if (values == null) {
            return SweepSettings.NONE;
        }
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Setting<?> setting = Settings.named(e.getKey());
            if (setting == null) {
                throw unknown(e.getKey(), caller);
            }
            Object value = setting.read(e.getValue(), caller.shown(setting));
            if (value != null) {
                given.put(setting.name(), value);
            }
        }
        return new SweepSettings(given);
    }

    /** The settings of a spec file (YAML by {@code .yaml}/{@code .yml}, JSON by {@code .json}). */
    public static SweepSettings fromFile(Path file) {
        Map<String, Object> values = SpecFile.read(file);
        try {
            return bind(values, Caller.SPEC_FILE);
        } catch (BadInputException e) {
            throw new BadInputException("spec file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A spec file with a caller's settings on top: a setting the caller gives replaces the file's as
     * a whole (an {@code args} map replaces the file's, it is not merged). Checked as a whole sweep.
     */
    public static SweepSettings fromFile(Path file, SweepSettings overrides, Caller caller) {
        SweepSettings merged = overrides.over(fromFile(file));
        try {
            return merged.checkSweep(caller);
        } catch (BadInputException e) {
            throw new BadInputException("spec file " + file.getFileName()
                    + (overrides.given().isEmpty() ? "" : " with the " + caller + "'s settings") + ": "
                    + e.getMessage(), e);
        }
    }

    private static BadInputException unknown(String name, Caller caller) {
        return new BadInputException("unknown " + caller.noun() + " '" + name + "'" + suggestion(name)
                + ": expected one of " + String.join(", ", Settings.names()));
    }

    /** The known name closest to {@code name}, as " (did you mean 'x'?)", or "". */
    static String suggestion(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() >= 3) {
            for (String known : Settings.names()) {
                if (known.toLowerCase(Locale.ROOT).startsWith(lower)) {
                    return " (did you mean '" + known + "'?)";
                }
            }
        }
        String best = null;
        int bestDistance = 3;
        for (String known : Settings.names()) {
            int d = distance(lower, known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
