package dev.clustersweep.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import org.junit.Test;

public class TaskListParseTest {

    @Test
    public void readsSingleIdsRangesAndSteps() {
        assertEquals(TaskList.of(7), TaskList.parse("7"));
        assertEquals(TaskList.range(2, 5), TaskList.parse("2-5"));
        assertEquals(TaskList.of(1, 4, 7, 10), TaskList.parse("1-10:3"));
        assertEquals(TaskList.of(1, 4, 7), TaskList.parse("1-9:3"));
        assertEquals(TaskList.of(5), TaskList.parse("5-5"));
        assertEquals(TaskList.of(5), TaskList.parse("5-5:2"));
        assertEquals(TaskList.of(1), TaskList.parse("1-3:5"));
    }

    @Test
    public void readsOnagersReadmeExamples() {
        assertEquals(TaskList.of(1, 2, 3, 5, 8, 9), TaskList.parse("1-3:1,5,8-9"));
        TaskList list = TaskList.parse("35-40:1,57,138-201:1");
        assertEquals(6 + 1 + 64, list.size());
        assertTrue(list.contains(35));
        assertTrue(list.contains(57));
        assertTrue(list.contains(201));
        assertFalse(list.contains(56));
    }

    @Test
    public void mergesOverlappingAndUnorderedItems() {
        assertEquals(TaskList.range(1, 10), TaskList.parse("5-10,1-6"));
        assertEquals(TaskList.of(1, 2, 3, 7), TaskList.parse("7,3,2,1,2,3"));
        assertEquals(TaskList.range(1, 10), TaskList.parse("1-9:2,2-10:2"));
        assertEquals(TaskList.of(1, 3, 5, 6), TaskList.parse("1-5:2,3,6"));
    }

    @Test
    public void ignoresWhitespaceAroundTheList() {
        assertEquals(TaskList.range(1, 3), TaskList.parse(" 1-3\n"));
    }

    @Test
    public void acceptsLeadingZeros() {
        assertEquals(TaskList.of(7, 8), TaskList.parse("007-08"));
    }

    @Test
    public void readsTheLargestId() {
        assertEquals(TaskList.of(Long.MAX_VALUE), TaskList.parse(Long.toString(Long.MAX_VALUE)));
        assertEquals(2, TaskList.parse((Long.MAX_VALUE - 1) + "-" + Long.MAX_VALUE).size());
    }

    // ------------------------------------------------------------------ errors

    @Test
    public void rejectsEmpty() {
        assertBad("", "bad task list '': it is empty");
        assertBad("   ", "bad task list '   ': it is empty");
        assertBad(null, "bad task list '': it is empty");
    }

    @Test
    public void rejectsZero() {
        assertBad("0", "bad task list '0': task ids start at 1, so 0 is not a task id");
        assertBad("0-5", "bad task list '0-5': task ids start at 1");
        assertBad("1,00", "bad task list '1,00': item '00': task ids start at 1");
    }

    @Test
    public void rejectsNegative() {
        assertBad("-3", "bad task list '-3': task ids are positive, there are no negative ones");
        assertBad("1,-3", "bad task list '1,-3': item '-3': task ids are positive");
        assertBad("1--3", "bad task list '1--3': '-3' is not a whole number");
    }

    @Test
    public void rejectsRangesGoingDown() {
        assertBad("5-1", "bad task list '5-1': a range must go up (N-M with N <= M)");
        assertBad("1-3,5-1", "bad task list '1-3,5-1': item '5-1': a range must go up (N-M with N <= M)");
        assertBad("9-2:2", "bad task list '9-2:2': a range must go up");
    }

    @Test
    public void rejectsWords() {
        assertBad("a", "bad task list 'a': 'a' is not a whole number; expected N, N-M or N-M:STEP");
        assertBad("1-b", "bad task list '1-b': 'b' is not a whole number");
        assertBad("1-5:x", "bad task list '1-5:x': 'x' is not a whole number");
        assertBad("1-2-3", "bad task list '1-2-3': '2-3' is not a whole number");
        assertBad("+3", "bad task list '+3': '+3' is not a whole number");
        assertBad("1.5", "bad task list '1.5': '1.5' is not a whole number");
        assertBad("\u0663", "is not a whole number"); // an Arabic-Indic digit is not an ASCII digit
    }

    @Test
    public void rejectsMissingEnd() {
        assertBad("1-", "bad task list '1-': the range has no end after '-'");
        assertBad("1-:2", "bad task list '1-:2': the range has no end after '-'");
    }

    @Test
    public void rejectsBadSteps() {
        assertBad("1-5:0", "bad task list '1-5:0': the step must be at least 1");
        assertBad("1-5:", "bad task list '1-5:': the step is missing after ':'");
        assertBad("5:2", "bad task list '5:2': a step belongs after a range");
        assertBad("1:2-5", "bad task list '1:2-5': a step belongs after a range");
        assertBad("1-5:2:3", "bad task list '1-5:2:3': '2:3' is not a whole number");
    }

    @Test
    public void rejectsEmptyItems() {
        assertBad(",", "bad task list ',': an item is empty");
        assertBad("1,,2", "bad task list '1,,2': an item is empty (a comma at the start or end, or two commas in a row)");
        assertBad("1,", "bad task list '1,': an item is empty");
        assertBad(",1", "bad task list ',1': an item is empty");
    }

    @Test
    public void rejectsWhitespaceInside() {
        assertBad("1, 2", "bad task list '1, 2': it contains whitespace");
        assertBad("1 -2", "bad task list '1 -2': it contains whitespace");
        assertBad("1,\t2", "bad task list '1,\\t2': it contains whitespace");
    }

    @Test
    public void rejectsOverflow() {
        assertBad("9223372036854775808", "bad task list '9223372036854775808': '9223372036854775808' is too large; "
                + "numbers go up to 9223372036854775807");
        assertBad("1-99999999999999999999", "'99999999999999999999' is too large");
        assertBad("1-5:99999999999999999999", "'99999999999999999999' is too large");
    }

    @Test
    public void messagesStayOnOneLineAndShort() {
        StringBuilder huge = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            huge.append(i).append(',');
        }
        huge.append("x");
        String message = assertBad(huge.toString(), "bad task list '1,2,3,");
        assertTrue(message, message.length() < 300);
        assertTrue(message, message.contains("item 'x': 'x' is not a whole number"));
        assertFalse(assertBad("1\u0000", "not a whole number").contains("\u0000"));
        assertFalse(assertBad("1\n2", "whitespace").contains("\n"));
    }

    private static String assertBad(String text, String expectedPart) {
        BadInputException e = assertThrows(BadInputException.class, () -> TaskList.parse(text));
        assertTrue("message was: " + e.getMessage(), e.getMessage().contains(expectedPart));
        assertFalse("message was: " + e.getMessage(), e.getMessage().contains("\n"));
        return e.getMessage();
    }
}
