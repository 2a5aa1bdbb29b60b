package dev.clustersweep.parts;

import dev.clustersweep.BadInputException;
import dev.clustersweep.launchers.Requirements;

/**
 * One part of a sweep: the tasks its selector takes and what each of them needs, written
 * {@code SELECTOR: REQUIREMENTS}, e.g. {@code model=large: cuda(mem=4G) * 2 & duration=1h}. The
 * requirements pick a launcher as {@code requires} does; the part's tasks are submitted as an array
 * of their own with that launcher's resources.
 *
 * @param text the canonical text ({@code model=large: cuda(mem=4G) * 2 & duration=1h})
 */
public record Part(String text, Selector selector, Requirements requirements) {

    /**
     * Parses a part; a bad one is one line naming the position (counted from 1) and what was
     * expected there, starting "bad part 'TEXT'" for the caller to name its setting.
     */
    public static Part parse(String text) {
        String t = text == null ? "" : text;
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw bad(t, t.length(), "':' between the tasks' selector (NAME=VALUE) and their requirements, e.g. "
                    + "'model=large: cuda(mem=4G) * 2'");
        }
        Selector selector = Selector.parse(t, colon);
        Requirements requirements;
        try {
            requirements = Requirements.parse(t, colon + 1);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage().replaceFirst("^bad requirements ", "bad part "), e);
        }
        return new Part(selector.text() + ": " + requirements.text(), selector, requirements);
    }

    /** How messages and records name the part: its selector, {@code model=large}. */
    public String name() {
        return selector.text();
    }

    @Override
    public String toString() {
        return text;
    }

    static BadInputException bad(String text, int at, String expected) {
        String found = at >= text.length() ? "the end" : "'" + text.substring(at, Math.min(text.length(), at + 12)) + "'";
        // One line whatever the part holds (a spec file's or a Pipeline list's text may have a newline).
        return new BadInputException("bad part '" + dev.clustersweep.io.Escapes.escape(text,
                dev.clustersweep.io.Escapes::control) + "' at position " + (at + 1) + ": expected " + expected
                + ", found " + dev.clustersweep.io.Escapes.escape(found, dev.clustersweep.io.Escapes::control));
    }
}
