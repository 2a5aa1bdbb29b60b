package dev.clustersweep.results;

import java.nio.charset.StandardCharsets;

/**
 * The lines a task appends to {@code $SWEEP_METRICS} (docs/results.md), one value a line:
 * <pre>
 * loss=0.31            a final value (the last one written for a name wins)
 * loss@100=0.52        a point of the series "loss" at step 100 (an integer from 0); also the
 *                      metric's final value until a later line for "loss"
 * # a comment          blank lines and lines starting with '#' are skipped
 * </pre>
 * Spaces around the name, '@', '=' and the value are allowed. A line that is not one of these is a
 * {@link MetricProblem} with its line number; the other lines are still read.
 */
final class MetricLines {

    /** A line longer than this is not a metric: taken for garbage, reported, skipped. */
    static final int MAX_LINE = 1000;
    static final String LINE_EXPECTED = "expected NAME=NUMBER or NAME@STEP=NUMBER (e.g. loss=0.31, loss@100=0.52)";
    private static final int MAX_STEP_DIGITS = 18;

    private MetricLines() {
    }

    /**
     * Reads {@code text} (the file's bytes as ISO-8859-1, one char a byte) into {@code into}.
     *
     * @param complete whether the file's last line, if it has no newline, is whole: true once the
     *                 attempt ended; while it runs, such a line may be half written and is left for later
     */
    static void parse(String text, boolean complete, String file, AttemptMetrics.Builder into) {
        int lineNo = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            boolean terminated = end >= 0;
            if (!terminated) {
                if (!complete) {
                    return;
                }
                end = length;
            }
            lineNo++;
            line(text, start, end, lineNo, file, into);
            start = end + 1;
        }
    }

    private static void line(String text, int from, int to, int lineNo, String file, AttemptMetrics.Builder into) {
        if (to - from > MAX_LINE) {
            into.problem(new MetricProblem(file, lineNo, utf8(text, from, from + MetricProblem.MAX_TEXT),
                    "a line of " + (to - from) + " bytes: " + LINE_EXPECTED + ", at most " + MAX_LINE + " bytes"));
            return;
        }
        int a = skipSpace(text, from, to);
        int b = trimEnd(text, a, to);
        if (a == b || text.charAt(a) == '#') {
            return;
        }
        int eq = indexOf(text, '=', a, b);
        if (eq < 0) {
            into.problem(new MetricProblem(file, lineNo, utf8(text, a, b), LINE_EXPECTED));
            return;
        }
        int nameEnd = trimEnd(text, a, eq);
        int at = indexOf(text, '@', a, nameEnd);
        boolean stepped = at >= 0;
        int nameTo = stepped ? trimEnd(text, a, at) : nameEnd;
        if (!MetricSyntax.isName(text, a, nameTo)) {
            into.problem(new MetricProblem(file, lineNo, utf8(text, a, b), "bad metric name '"
                    + utf8(text, a, nameTo) + "': " + MetricSyntax.NAME_EXPECTED));
            return;
        }
        String name = text.substring(a, nameTo);
        long step = 0;
        if (stepped) {
            int s = skipSpace(text, at + 1, nameEnd);
            int digits = nameEnd - s;
            boolean ok = digits > 0 && digits <= MAX_STEP_DIGITS;
            for (int i = s; ok && i < nameEnd; i++) {
                ok = MetricSyntax.isDigit(text.charAt(i));
            }
            if (!ok) {
                into.problem(new MetricProblem(file, lineNo, utf8(text, a, b), "bad step '" + utf8(text, s, nameEnd)
                        + "' of " + name + ": expected a whole number from 0 (e.g. loss@100=0.52)"));
                return;
            }
            step = Long.parseLong(text, s, nameEnd, 10);
        }
        int v = skipSpace(text, eq + 1, b);
        Double value = MetricSyntax.number(text, v, b);
        if (value == null) {
            into.problem(new MetricProblem(file, lineNo, utf8(text, a, b), "bad value '" + utf8(text, v, b)
                    + "' of " + name + ": " + MetricSyntax.NUMBER_EXPECTED));
            return;
        }
        if (stepped) {
            into.point(name, step, value);
        } else {
            into.value(name, value);
        }
    }

    /** Where {@code c} is in {@code s[from, to)}, or -1: never past the line. */
    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** The bytes of {@code s[from, to)} (one char a byte) as the UTF-8 text the task wrote. */
    static String utf8(String s, int from, int to) {
        to = Math.min(to, s.length());
        return new String(s.substring(from, to).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
