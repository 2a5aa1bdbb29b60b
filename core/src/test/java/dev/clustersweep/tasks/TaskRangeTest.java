package dev.clustersweep.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TaskRangeTest {

    @Test
    public void lastIsMovedDownToTheLastIdHit() {
        assertEquals(new TaskRange(1, 9, 4), new TaskRange(1, 10, 4));
        assertEquals(9, new TaskRange(1, 10, 4).last());
        assertEquals(3, new TaskRange(1, 10, 4).size());
    }

    @Test
    public void aSingleIdHasStepOne() {
        assertEquals(new TaskRange(5, 5, 1), new TaskRange(5, 7, 10));
        assertEquals(TaskRange.of(5), new TaskRange(5, 5, 3));
    }

    @Test
    public void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TaskRange(-1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskRange(5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskRange(1, 5, 0));
    }

    @Test
    public void containsHonoursTheStep() {
        TaskRange range = new TaskRange(3, 11, 4);
        assertTrue(range.contains(3));
        assertTrue(range.contains(7));
        assertTrue(range.contains(11));
        assertFalse(range.contains(5));
        assertFalse(range.contains(15));
        assertFalse(range.contains(-1));
    }

    @Test
    public void shortAndFullText() {
        assertEquals("5", TaskRange.of(5).toString());
        assertEquals("1-3", TaskRange.of(1, 3).toString());
        assertEquals("1-9:2", new TaskRange(1, 9, 2).toString());
        assertEquals("5-5:1", TaskRange.of(5).toFullString());
        assertEquals("1-3:1", TaskRange.of(1, 3).toFullString());
        assertEquals("1-9:2", new TaskRange(1, 9, 2).toFullString());
    }

    @Test
    public void shiftMovesBothEnds() {
        assertEquals(new TaskRange(0, 8, 2), new TaskRange(1001, 1009, 2).shift(-1001));
        assertThrows(ArithmeticException.class, () -> TaskRange.of(Long.MAX_VALUE).shift(1));
    }
}
