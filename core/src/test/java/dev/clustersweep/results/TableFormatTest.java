package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The four formats of a results table, and how values are written in each. */
public class TableFormatTest {

    private static final ResultTable TABLE = new ResultTable(List.of("task", "name", "loss"), List.of(
            Arrays.asList(1L, "a,b \"c\"", 0.123456789),
            Arrays.asList(12L, "x|y", Double.NaN),
            Arrays.asList(3L, null, null)));

    @Test
    public void terminalColumnsAlignedNumbersRightValuesRounded() {
        assertEquals(String.join("\n",
                "task  name         loss",
                "   1  a,b \"c\"  0.123457",
                "  12  x|y           nan",
                "   3",
                ""), TableFormat.TABLE.write(TABLE));
    }

    @Test
    public void csvQuotesWhatNeedsItAndKeepsValuesExact() {
        assertEquals("task,name,loss\n1,\"a,b \"\"c\"\"\",0.123456789\n12,x|y,nan\n3,,\n", TableFormat.CSV.write(TABLE));
    }

    @Test
    public void jsonRowsAreObjectsWithNumbersAsNumbers() {
        assertEquals("{\"columns\": [\"task\", \"name\", \"loss\"],\n \"rows\": [\n"
                + "  {\"task\": 1, \"name\": \"a,b \\\"c\\\"\", \"loss\": 0.123456789},\n"
                + "  {\"task\": 12, \"name\": \"x|y\", \"loss\": \"nan\"},\n"
                + "  {\"task\": 3, \"name\": null, \"loss\": null}\n]}\n", TableFormat.JSON.write(TABLE));
        assertEquals("{\"columns\": [\"a\"],\n \"rows\": []}\n",
                TableFormat.JSON.write(new ResultTable(List.of("a"), List.of())));
    }

    @Test
    public void markdownEscapesPipes() {
        assertEquals("| task | name | loss |\n|---:|---|---:|\n| 1 | a,b \"c\" | 0.123457 |\n| 12 | x\\|y | nan |\n"
                + "| 3 |  |  |\n", TableFormat.MARKDOWN.write(TABLE));
    }

    @Test
    public void numbersExactOrShown() {
        assertEquals("3", NumberText.exact(3.0));
        assertEquals("0.31", NumberText.exact(0.31));
        assertEquals("1.0E-7", NumberText.exact(1e-7));
        assertEquals("-inf", NumberText.exact(Double.NEGATIVE_INFINITY));
        assertEquals("0.333333", NumberText.shown(1.0 / 3));
        assertEquals("123457", NumberText.shown(123456.7));
        assertEquals("1.23457e10", NumberText.shown(1.234567e10));
        assertEquals("1.5e-7", NumberText.shown(1.5e-7));
        assertEquals("0", NumberText.shown(-0.0));
    }

    @Test
    public void aColumnOfValuesForAPersonHasTheSameDecimals() {
        // A column of standard deviations: 0.01 and 0.0141421 line up, as pandas shows them.
        ResultTable sd = new ResultTable(List.of("n", "loss_sd", "big", "tiny"), List.of(
                Arrays.asList(3L, 0.01, 1234.5, 1e-7),
                Arrays.asList(12L, Math.sqrt(2) / 100, 2.0, 0.5),
                Arrays.asList(1L, null, Double.NaN, 0.25)));
        assertEquals(String.join("\n",
                " n    loss_sd     big  tiny",
                " 3  0.0100000  1234.5  1e-7",
                "12  0.0141421     2.0   0.5",
                " 1                nan  0.25",
                ""), TableFormat.TABLE.write(sd));
        assertEquals("| n | loss_sd | big | tiny |\n|---:|---:|---:|---:|\n| 3 | 0.0100000 | 1234.5 | 1e-7 |\n"
                + "| 12 | 0.0141421 | 2.0 | 0.5 |\n| 1 |  | nan | 0.25 |\n", TableFormat.MARKDOWN.write(sd));
        ShownColumns signed = ShownColumns.of(new ResultTable(List.of("x"), List.of(Arrays.asList(-0.0001),
                Arrays.asList(1.5), Arrays.asList(-0.0))));
        assertEquals("-0.0001", signed.shown(-0.0001, 0));
        assertEquals("1.5000", signed.shown(1.5, 0));
        assertEquals("0.0000", signed.shown(-0.0, 0));
    }

    @Test
    public void formatsByName() {
        assertEquals(TableFormat.MARKDOWN, TableFormat.named("md"));
        assertEquals(TableFormat.CSV, TableFormat.named("CSV"));
        assertEquals(null, TableFormat.named("xml"));
    }

    @Test
    public void columnsWithTheSameNameStayDistinct() {
        ResultTable.Columns c = new ResultTable.Columns("task", "state").add("task");
        c.add("state", "param").add("lr", "param").add("lr", "metric").add("lr", "metric");
        c.add("state");
        assertEquals(List.of("task", "param:state", "lr", "metric:lr", "metric:lr#2", "state"), c.names());
    }
}
