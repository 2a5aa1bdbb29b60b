package dev.clustersweep.results;

/**
 * A line of a task's metrics that was not taken, or a file that was read only in part: said to
 * the user with the file and line, never a failure of the command that reads it.
 *
 * @param file the file, relative to the sweep directory ({@code metrics/17.1.txt})
 * @param line the line number from 1, or 0 when it is about the whole file
 * @param text the line as written, cut to {@link #MAX_TEXT} characters ("" for the whole file)
 * @param expected what was wrong and what is expected instead
 */
public record MetricProblem(String file, int line, String text, String expected) {

    /** Enough of a bad line to recognise it; a huge line is not repeated whole on the terminal. */
    public static final int MAX_TEXT = 80;

    public MetricProblem {
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "...";
        }
    }

    /** {@code metrics/17.1.txt line 3: 'loss=abc': expected ...}. */
    public String describe() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(" line ").append(line);
        }
        out.append(": ");
        if (!text.isEmpty()) {
            out.append('\'').append(text).append("': ");
        }
        return out.append(expected).toString();
    }
}
