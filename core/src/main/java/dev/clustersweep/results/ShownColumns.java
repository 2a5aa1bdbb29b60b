package dev.clustersweep.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How a table's numbers are shown to a person (terminal, Markdown, the report): the values of a
 * column with the same number of decimals, as many as the value that needs most at six significant
 * digits, so that a column of means or standard deviations lines up (0.0100000 over 0.0141421, not
 * 0.01 over 0.0141421), as pandas shows a column. A column with a value that needs scientific
 * notation (from 1e9, under 1e-4) shows each value on its own, as {@link NumberText#shown} does.
 * Whole numbers (counts, task ids) and text are shown as they are.
 */
public final class ShownColumns {

    /** Per column: the decimals of its doubles, or -1 to show each on its own. */
    private final int[] decimals;

    private ShownColumns(int[] decimals) {
        this.decimals = decimals;
    }

    public static ShownColumns of(ResultTable table) {
        int[] decimals = new int[table.columns().size()];
        for (int c = 0; c < decimals.length; c++) {
            decimals[c] = decimals(table.rows(), c);
        }
        return new ShownColumns(decimals);
    }

    private static int decimals(List<List<Object>> rows, int column) {
        int most = 0;
        for (List<Object> row : rows) {
            if (column < row.size() && row.get(column) instanceof Double d && Double.isFinite(d) && d != 0) {
                String shown = NumberText.shown(d);
                if (shown.indexOf('e') >= 0) {
                    return -1;
                }
                int point = shown.indexOf('.');
                most = Math.max(most, point < 0 ? 0 : shown.length() - point - 1);
            }
        }
        return most;
    }

    /** The cell as shown in its column: "" for none, nan and inf as a task writes them. */
    public String shown(Object cell, int column) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            if (!Double.isFinite(d) || decimals[column] < 0) {
                return NumberText.shown(d);
            }
            // No value of the column rounds to zero at its decimals (each needs at most as many); -0 is 0.
            return new BigDecimal(d == 0 ? 0 : d).setScale(decimals[column], RoundingMode.HALF_UP).toPlainString();
        }
        return cell.toString();
    }
}
