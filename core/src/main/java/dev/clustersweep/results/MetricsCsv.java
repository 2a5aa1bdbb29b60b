package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.List;

/**
 * cluster_utils' {@code metrics.csv}, as its {@code finalize_job(metrics, params)} writes it into
 * the job's working directory (Python's {@code csv.DictWriter}): a header line of metric names and
 * one line of values, comma-separated, fields with commas or quotes in double quotes, lines ended
 * by {@code \r\n}. Read so that its users' scripts report unchanged, given
 * {@code working_dir=$SWEEP_ATTEMPT_DIR} (docs/results.md). A column whose name or value is bad is
 * a {@link MetricProblem}; the other columns are still taken.
 */
final class MetricsCsv {

    static final String FILE = "metrics.csv";
    private static final String SHAPE = "cluster_utils' metrics.csv: a header line of names and one line of values";

    private MetricsCsv() {
    }

    /** Reads {@code text} (the file's bytes, one char a byte) into {@code into}. */
    static void parse(String text, String file, AttemptMetrics.Builder into) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (!records(text, records, lines)) {
            into.problem(new MetricProblem(file, lines.get(lines.size() - 1), "",
                    "a quoted field is not closed: expected " + SHAPE));
            return;
        }
        // csv writes no blank lines; a blank line at the end is harmless.
        while (!records.isEmpty() && isBlank(records.get(records.size() - 1))) {
            records.remove(records.size() - 1);
            lines.remove(lines.size() - 1);
        }
        if (records.isEmpty()) {
            return;
        }
        if (records.size() == 1) {
            into.problem(new MetricProblem(file, 0, "", "a header line but no values: expected " + SHAPE));
            return;
        }
        List<String> names = records.get(0);
        List<String> values = records.get(1);
        if (records.size() > 2) {
            into.problem(new MetricProblem(file, lines.get(2), String.join(",", records.get(2)),
                    (records.size() - 2) + " more line(s) after the values, not read: expected " + SHAPE));
        }
        if (names.size() != values.size()) {
            into.problem(new MetricProblem(file, lines.get(1), String.join(",", values), values.size()
                    + " values for " + names.size() + " names: expected one value per name of line 1"));
        }
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            String name = names.get(i).strip();
            String value = values.get(i).strip();
            if (!MetricSyntax.isName(name)) {
                into.problem(new MetricProblem(file, lines.get(0), MetricLines.utf8(name, 0, name.length()),
                        "bad metric name in column " + (i + 1) + ": " + MetricSyntax.NAME_EXPECTED));
                continue;
            }
            Double number = MetricSyntax.number(value);
            if (number == null) {
                into.problem(new MetricProblem(file, lines.get(1), MetricLines.utf8(value, 0, value.length()),
                        "bad value of " + name + " (column " + (i + 1) + "): " + MetricSyntax.NUMBER_EXPECTED));
                continue;
            }
            into.value(name, number);
        }
    }

    /**
     * Splits RFC 4180 text into records, with the line each starts on; false when a quoted field
     * runs to the end of the text.
     */
    private static boolean records(String text, List<List<String>> records, List<Integer> lines) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            List<String> fields = new ArrayList<>();
            lines.add(line);
            StringBuilder field = new StringBuilder();
            boolean recordDone = false;
            while (!recordDone) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            return false;
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    field.append(text.charAt(i++));
                }
                String value = field.toString();
                if (value.endsWith("\r") && (i >= n || text.charAt(i) == '\n')) {
                    value = value.substring(0, value.length() - 1);
                }
                fields.add(value);
                field.setLength(0);
                if (i >= n || text.charAt(i) == '\n') {
                    recordDone = true;
                    line++;
                }
                i++;
            }
            records.add(fields);
        }
        return true;
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }
}
