package dev.clustersweep.page;

/**
 * Which page of the task table to show, as the URL asks for it. Out-of-range values are clamped
 * rather than refused, since they come from links and hand-edited URLs: the size to
 * {@link #MIN_SIZE}..{@link #MAX_SIZE}, the page to 1..last (see {@link TaskTable}).
 *
 * @param page 1-based
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MIN_SIZE = 10;
    /** A page of more rows than this is slow to render and to read; use the filter instead. */
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
        page = Math.max(1, page);
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /** From URL parameters: null, blank or not a number is the default. */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(number(page, 1), number(size, DEFAULT_SIZE));
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            // a huge number is as clamped as a huge int; anything else falls back
            return text.strip().matches("\\d+") ? Integer.MAX_VALUE : fallback;
        }
    }
}
