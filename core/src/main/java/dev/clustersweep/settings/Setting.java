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
 * @param <T> the canonical type
 */
public final class Setting<T> {

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

    private final String name;
    private final String option;
    private final Part part;
    private final Class<?> type;
    private final T defaultValue;
    private final String label;
    private final String description;
    private final Reader<T> reader;

    Setting(String name, String option, Part part, Class<?> type, T defaultValue, String label, String description,
            Reader<T> reader) {
        this.name = Objects.requireNonNull(name);
        this.option = option;
        this.part = part;
        this.type = type;
        this.defaultValue = defaultValue;
        this.label = label;
        this.description = description;
        this.reader = reader;
    }

    /** The name in a Pipeline map and a spec file: {@code killGrace}. */
    public String name() {
        return name;
    }

    /** The command-line option ({@code --kill-grace}), or null when the command line has none. */
    public String option() {
        return option;
    }

    public Part part() {
        return part;
    }

    /** The canonical type's class (a raw List or Map for collections). */
    public Class<?> type() {
        return type;
    }

    /** The value when nothing gives one; null when the setting is off or required. */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The value, or null when it is this setting's default: what a Jenkins setter keeps, since a form
     * posts every checkbox and select, so that the Snippet Generator writes only what was set.
     */
    public T unlessDefault(T value) {
        return java.util.Objects.equals(value, defaultValue) ? null : value;
    }

    /** What a value looks like, for help texts: {@code SECONDS}, {@code NAME=VALUE}. */
    public String label() {
        return label;
    }

    /** One sentence for help texts. */
    public String description() {
        return description;
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
