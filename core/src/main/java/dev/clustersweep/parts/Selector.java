package dev.clustersweep.parts;

import dev.clustersweep.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which tasks a part takes: {@code model=large & lr=0.1|0.01}, each condition a parameter's name
 * (as {@code sweep results --over} names it: without its dashes) and the values it may have; all
 * conditions must hold.
 */
public record Selector(List<Condition> conditions) {

    /** One parameter and the values that select a task ({@code |} between them). */
    public record Condition(String name, List<String> values) {

        public Condition {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return name + "=" + String.join("|", values);
        }
    }

    public Selector {
        conditions = List.copyOf(conditions);
    }

    /** Whether a task with these parameters is selected. */
    public boolean matches(Map<String, String> parameters) {
        for (Condition c : conditions) {
            String value = parameters.get(c.name());
            if (value == null || !c.values().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical text: {@code model=large & lr=0.1|0.01}. */
    public String text() {
        List<String> parts = new ArrayList<>();
        conditions.forEach(c -> parts.add(c.toString()));
        return String.join(" & ", parts);
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * The selector in {@code text} before {@code end} (the ':' that starts the requirements); a bad
     * one is told at its position in the whole text, counted from 1.
     */
    static Selector parse(String text, int end) {
        List<Condition> conditions = new ArrayList<>();
        int from = 0;
        while (true) {
            int amp = text.indexOf('&', from);
            int to = amp < 0 || amp > end ? end : amp;
            conditions.add(condition(text, from, to));
            if (to == end) {
                return new Selector(conditions);
            }
            from = to + 1;
        }
    }

    private static Condition condition(String text, int from, int to) {
        int eq = text.indexOf('=', from);
        if (eq < 0 || eq >= to) {
            throw Part.bad(text, firstNonBlank(text, from, to), "a condition NAME=VALUE (values apart with '|')");
        }
        String name = text.substring(from, eq).trim();
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw Part.bad(text, firstNonBlank(text, from, eq), "a parameter's name (letters, digits, '_', '.', '-') before '='");
        }
        List<String> values = new ArrayList<>();
        int start = eq + 1;
        while (true) {
            int bar = text.indexOf('|', start);
            int stop = bar < 0 || bar > to ? to : bar;
            String value = text.substring(start, stop).trim();
            if (value.isEmpty()) {
                throw Part.bad(text, firstNonBlank(text, start, stop), "a value of " + name);
            }
            values.add(value);
            if (stop == to) {
                return new Condition(Grid.parameterName(name), values);
            }
            start = stop + 1;
        }
    }

    private static int firstNonBlank(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

}
