package dev.clustersweep.tasks;

import dev.clustersweep.BadInputException;
import dev.clustersweep.io.Escapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the task list syntax of onager and Slurm: items {@code N}, {@code N-M} or {@code N-M:STEP}
 * separated by commas, ids from 1. Strict, because a typo here launches the wrong tasks on a cluster:
 * anything else is a {@link BadInputException} that names the list, the bad item and what is
 * expected.
 */
final class TaskListParser {

    private static final String FORMS = "expected N, N-M or N-M:STEP separated by commas, like 1-3,5,10-20:2";
    private static final int MAX_SHOWN = 60;

    private TaskListParser() {
    }

    static TaskList parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text == null ? "" : text, null, "it is empty; " + FORMS);
        }
        String list = text.strip();
        for (int i = 0; i < list.length(); i++) {
            if (Character.isWhitespace(list.charAt(i))) {
                throw bad(text, null, "it contains whitespace; write it without spaces, like 1-3,5");
            }
        }
        List<TaskRange> ranges = new ArrayList<>();
        boolean ordered = true;
        int start = 0;
        while (start <= list.length()) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            TaskRange range = parseItem(text, list.substring(start, end));
            if (!ranges.isEmpty() && range.first() <= ranges.get(ranges.size() - 1).last()) {
                ordered = false;
            }
            ranges.add(range);
            start = end + 1;
        }
        if (ordered) {
            TaskList.Builder builder = TaskList.builder();
            for (TaskRange range : ranges) {
                builder.add(range);
            }
            return builder.build();
        }
        // Overlapping or unordered items: sort so that the pairwise merge meets neighbours first.
        ranges.sort((a, b) -> Long.compare(a.first(), b.first()));
        List<TaskList> parts = new ArrayList<>(ranges.size());
        for (TaskRange range : ranges) {
            parts.add(TaskList.builder().add(range).build());
        }
        return TaskList.unionAll(parts);
    }

    private static TaskRange parseItem(String text, String item) {
        if (item.isEmpty()) {
            throw bad(text, null, "an item is empty (a comma at the start or end, or two commas in a row); "
                    + FORMS);
        }
        if (item.charAt(0) == '-') {
            throw bad(text, item, "task ids are positive, there are no negative ones; " + FORMS);
        }
        int dash = item.indexOf('-');
        int colon = item.indexOf(':');
        if (colon >= 0 && (dash < 0 || colon < dash)) {
            throw bad(text, item, "a step belongs after a range; expected N-M:STEP, like 1-9:2");
        }
        if (dash < 0) {
            return TaskRange.of(id(text, item, item));
        }
        long first = id(text, item, item.substring(0, dash));
        String lastText = colon < 0 ? item.substring(dash + 1) : item.substring(dash + 1, colon);
        if (lastText.isEmpty()) {
            throw bad(text, item, "the range has no end after '-'; expected N-M, like 1-10");
        }
        long last = id(text, item, lastText);
        long step = 1;
        if (colon >= 0) {
            String stepText = item.substring(colon + 1);
            if (stepText.isEmpty()) {
                throw bad(text, item, "the step is missing after ':'; expected N-M:STEP, like 1-9:2");
            }
            step = number(text, item, stepText);
            if (step == 0) {
                throw bad(text, item, "the step must be at least 1; expected N-M:STEP, like 1-9:2");
            }
        }
        if (last < first) {
            throw bad(text, item, "a range must go up (N-M with N <= M)");
        }
        return new TaskRange(first, last, step);
    }

    private static long id(String text, String item, String digits) {
        long id = number(text, item, digits);
        if (id == 0) {
            throw bad(text, item, "task ids start at 1, so 0 is not a task id");
        }
        return id;
    }

    private static long number(String text, String item, String digits) {
        if (digits.isEmpty()) {
            throw bad(text, item, FORMS);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(text, item, "'" + shorten(digits) + "' is not a whole number; " + FORMS);
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw bad(text, item, "'" + shorten(digits) + "' is too large; numbers go up to " + Long.MAX_VALUE);
        }
    }

    /** One line naming the list (and the item, if the list has others) and the reason. */
    private static BadInputException bad(String text, String item, String reason) {
        StringBuilder message = new StringBuilder("bad task list '").append(shorten(text)).append("': ");
        if (item != null && !item.equals(text.strip())) {
            message.append("item '").append(shorten(item)).append("': ");
        }
        return new BadInputException(message.append(reason).toString());
    }

    /**
     * {@code value} fit for a one-line message: control characters escaped, long values cut in the
     * middle (a task list can be megabytes long).
     */
    static String shorten(String value) {
        if (value.length() > MAX_SHOWN) {
            int tail = MAX_SHOWN / 3;
            return escape(value.substring(0, MAX_SHOWN - tail)) + "..."
                    + escape(value.substring(value.length() - tail));
        }
        return escape(value);
    }

    private static String escape(String value) {
        return Escapes.escape(value, Escapes::control);
    }
}
