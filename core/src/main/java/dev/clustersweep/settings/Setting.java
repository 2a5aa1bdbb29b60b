package dev.clustersweep.settings;

import java.util.Objects;

/**
 * One sweep setting, declared once in {@link Settings}: its name in a Pipeline map and a spec file,
 * its command-line option, what part of a sweep it shapes, its default, and how a raw value (a
 * string from the command line, a Groovy number, a YAML list) becomes its canonical value.
 *
 * <p>Canonical values are JDK types only (String, Integer, Boolean, lists and maps of strings), so
 * bound settings can be saved as JSON and travel to a Jenkins agent unchanged.
 *
 * @param name the name in a Pipeline map and a spec file: {@code killGrace}
 * @param option the command-line option ({@code --kill-grace}), or null when the command line has none
 * @param part what part of a sweep it shapes
 * @param type the canonical type's class (a raw List or Map for collections)
 * @param defaultValue the value when nothing gives one; null when the setting is off or required
 * @param label what a value looks like, for help texts: {@code SECONDS}, {@code NAME=VALUE}
 * @param description one sentence for help texts
 * @param reader how a raw value becomes the canonical one
 * @param <T> the canonical type
 */
public record Setting<T>(String name, String option, Part part, Class<?> type, T defaultValue, String label,
        String description, Reader<T> reader) {

    /** What part of a sweep a setting shapes. */
    public enum Part {
        /** The grid: what {@code sweep prelaunch} takes. */
        GRID,
        /** Where and how tasks run: what {@code sweep launch} takes and a relaunch repeats. */
        LAUNCH,
        /** What the caller does around the tasks: waiting, retries, the build result. */
        RUN
    }

    /** Turns a raw value into the canonical one, naming the setting as {@code shown} when it does not fit. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String shown, Object raw);
    }

    /** Public, as a record's is; but its {@link Reader} is this package's, so settings are made in {@link Settings} only. */
    public Setting {
        Objects.requireNonNull(name);
    }

    /**
     * The value, or null when it is this setting's default: what a Jenkins setter keeps, since a form
     * posts every checkbox and select, so that the Snippet Generator writes only what was set.
     */
    public T unlessDefault(T value) {
        return Objects.equals(value, defaultValue) ? null : value;
    }

    /** A flag on the command line: given means true, no value follows. */
    public boolean isSwitch() {
        return type == Boolean.class;
    }

    /** {@code raw} in canonical form, or null when it says "not given" (null, a blank form field). */
    T read(Object raw, String shown) {
        return raw == null ? null : reader.read(shown, raw);
    }

    @SuppressWarnings("unchecked")
    T cast(Object canonical) {
        return (T) canonical;
    }

    @Override
    public String toString() {
        return name;
    }
}
