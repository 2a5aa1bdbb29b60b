package dev.clustersweep.results;

import dev.clustersweep.io.Escapes;
import java.util.List;
import java.util.Locale;

/** The formats {@code sweep results} writes a {@link ResultTable} in. */
public enum TableFormat {
    /** Aligned columns for a terminal, values rounded to six significant digits, a column's to the same decimals. */
    TABLE,
    /** RFC 4180, values exact; one header line. */
    CSV,
    /** {@code {"columns": [...], "rows": [{column: cell, ...}, ...]}}, values exact, NaN as "nan". */
    JSON,
    /** A GitHub-flavoured Markdown table, numbers right-aligned, values rounded. */
    MARKDOWN;

    /** The format named on the command line ({@code table}, {@code csv}, {@code json}, {@code markdown}), or null. */
    public static TableFormat named(String name) {
        for (TableFormat f : values()) {
            if (f.name().equalsIgnoreCase(name) || (f == MARKDOWN && name.equalsIgnoreCase("md"))) {
                return f;
            }
        }
        return null;
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The whole table as text, ending with a newline. */
    public String write(ResultTable table) {
        StringBuilder out = new StringBuilder();
        switch (this) {
            case TABLE -> table(table, out);
            case CSV -> csv(table, out);
            case JSON -> json(table, out);
            case MARKDOWN -> markdown(table, out);
            default -> throw new IllegalStateException();
        }
        return out.toString();
    }

    /** A cell as a program reads it: a number exact, "" for none. */
    private static String exact(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof Double d ? NumberText.exact(d) : cell.toString();
    }

    private static void table(ResultTable t, StringBuilder out) {
        int n = t.columns().size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = t.columns().get(c).length();
            right[c] = t.numeric(c);
        }
        ShownColumns shown = ShownColumns.of(t);
        String[][] cells = new String[t.rows().size()][n];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < n; c++) {
                // A parameter's value may hold a newline or a tab: one row stays one line.
                cells[r][c] = shown.shown(t.rows().get(r).get(c), c).replace('\n', ' ').replace('\t', ' ');
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        line(t.columns().toArray(new String[0]), width, right, out);
        for (String[] row : cells) {
            line(row, width, right, out);
        }
    }

    private static void line(String[] cells, int[] width, boolean[] right, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            int pad = width[c] - cells[c].length();
            if (right[c]) {
                line.append(" ".repeat(pad)).append(cells[c]);
            } else {
                line.append(cells[c]).append(" ".repeat(c == cells.length - 1 ? 0 : pad));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void csv(ResultTable t, StringBuilder out) {
        csvLine(t.columns(), out);
        for (List<Object> row : t.rows()) {
            csvLine(row.stream().map(TableFormat::exact).toList(), out);
        }
    }

    private static void csvLine(List<String> cells, StringBuilder out) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c > 0) {
                out.append(',');
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && cell.strip().length() != cell.length())) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }

    private static void json(ResultTable t, StringBuilder out) {
        out.append("{\"columns\": [");
        for (int c = 0; c < t.columns().size(); c++) {
            out.append(c == 0 ? "" : ", ").append(jsonString(t.columns().get(c)));
        }
        out.append("],\n \"rows\": [");
        for (int r = 0; r < t.rows().size(); r++) {
            out.append(r == 0 ? "\n  {" : ",\n  {");
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ", ").append(jsonString(t.columns().get(c))).append(": ");
                Object cell = row.get(c);
                if (cell == null) {
                    out.append("null");
                } else if (cell instanceof Double d) {
                    out.append(Double.isNaN(d) || Double.isInfinite(d) ? jsonString(NumberText.exact(d))
                            : NumberText.exact(d));
                } else if (cell instanceof Number) {
                    out.append(cell);
                } else {
                    out.append(jsonString(cell.toString()));
                }
            }
            out.append('}');
        }
        out.append(t.rows().isEmpty() ? "]}\n" : "\n]}\n");
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        Escapes.append(text, TableFormat::jsonEscaped, out);
        return out.append('"').toString();
    }

    private static String jsonEscaped(char c) {
        if (c == '"' || c == '\\') {
            return "\\" + c;
        }
        String named = Escapes.whitespace(c);
        if (named == null && (c < 0x20 || c == 0x2028 || c == 0x2029)) {
            return String.format("\\u%04x", (int) c);
        }
        return named;
    }

    private static void markdown(ResultTable t, StringBuilder out) {
        int n = t.columns().size();
        out.append('|');
        for (String column : t.columns()) {
            out.append(' ').append(markdownCell(column)).append(" |");
        }
        out.append("\n|");
        for (int c = 0; c < n; c++) {
            out.append(t.numeric(c) ? "---:|" : "---|");
        }
        out.append('\n');
        ShownColumns shown = ShownColumns.of(t);
        for (List<Object> row : t.rows()) {
            out.append('|');
            for (int c = 0; c < row.size(); c++) {
                out.append(' ').append(markdownCell(shown.shown(row.get(c), c))).append(" |");
            }
            out.append('\n');
        }
    }

    private static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace("\r", "");
    }
}
