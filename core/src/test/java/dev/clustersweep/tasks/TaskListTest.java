package dev.clustersweep.tasks;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Random;
import org.junit.Test;

public class TaskListTest {

    @Test
    public void emptyList() {
        TaskList empty = TaskList.empty();
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.size());
        assertFalse(empty.contains(1));
        assertEquals("", empty.toString());
        assertEquals(List.of(), empty.ranges());
        assertFalse(empty.iterator().hasNext());
        assertThrows(NoSuchElementException.class, empty::first);
        assertThrows(NoSuchElementException.class, empty::last);
        assertEquals(empty, TaskList.of());
        assertEquals(empty, TaskList.range(5, 4));
    }

    @Test
    public void ofSortsAndDropsDuplicates() {
        TaskList list = TaskList.of(9, 3, 1, 3, 2);
        assertArrayEquals(new long[] {1, 2, 3, 9}, list.stream().toArray());
        assertEquals(4, list.size());
        assertEquals(1, list.first());
        assertEquals(9, list.last());
    }

    @Test
    public void rejectsIdsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> TaskList.of(0));
        assertThrows(IllegalArgumentException.class, () -> TaskList.builder().add(-5));
        assertThrows(IllegalArgumentException.class, () -> TaskList.builder().add(new TaskRange(0, 5, 1)));
    }

    @Test
    public void rangesAreTheGreedyProgressions() {
        assertEquals(List.of(new TaskRange(1, 3, 1), new TaskRange(5, 9, 2)), TaskList.of(1, 2, 3, 5, 7, 9).ranges());
        assertEquals(List.of(new TaskRange(1, 3, 2), new TaskRange(4, 5, 1)), TaskList.of(1, 3, 4, 5).ranges());
        assertEquals(List.of(new TaskRange(1, 100, 1)), TaskList.range(1, 100).ranges());
        assertEquals(List.of(new TaskRange(4, 4, 1)), TaskList.of(4).ranges());
    }

    @Test
    public void containsUsesSteps() {
        TaskList list = TaskList.parse("1-3,10-20:5,100");
        long[] in = {1, 2, 3, 10, 15, 20, 100};
        long[] out = {0, 4, 9, 11, 19, 21, 99, 101, Long.MAX_VALUE, -1};
        for (long id : in) {
            assertTrue(id + "", list.contains(id));
        }
        for (long id : out) {
            assertFalse(id + "", list.contains(id));
        }
    }

    @Test
    public void builderTakesRangesAndIdsOutOfOrder() {
        TaskList list = TaskList.builder().add(10).add(12).add(3).add(new TaskRange(1, 5, 2)).add(11).add(12).build();
        assertEquals(TaskList.of(1, 3, 5, 10, 11, 12), list);
        assertEquals(TaskList.range(1, 6),
                TaskList.builder().add(TaskRange.of(4, 6)).add(TaskRange.of(1, 3)).build());
        assertEquals(TaskList.of(1, 2, 3), TaskList.builder().addAll(TaskList.of(1, 3)).add(2).build());
    }

    @Test
    public void builderGivesTheSameRangesWhateverTheFeed() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            long[] ids = RandomSets.sortedIds(random);
            TaskList.Builder one = TaskList.builder();
            for (long id : ids) {
                one.add(id);
            }
            TaskList byIds = one.build();
            assertEquals(TaskList.of(shuffle(ids, random)), byIds);
            assertEquals(TaskList.of(byIds.ranges()), byIds);
            assertEquals(byIds.hashCode(), TaskList.of(byIds.ranges()).hashCode());
            assertEquals(ids.length, byIds.size());
            assertArrayEquals(ids, byIds.stream().toArray());
        }
    }

    @Test
    public void equalityIsByIds() {
        assertEquals(TaskList.parse("1-3:1,5,8-9"), TaskList.parse("1,2,3,5,8,9"));
        assertEquals(TaskList.parse("1-3:1,5,8-9").hashCode(), TaskList.parse("1,2,3,5,8,9").hashCode());
        assertEquals(TaskList.parse("1-9:2"), TaskList.parse("1,3,5,7,9"));
        assertNotEquals(TaskList.parse("1-9:2"), TaskList.parse("1-9"));
        assertNotEquals(TaskList.parse("1"), "1");
    }

    @Test
    public void aMillionIdsAreCheapAndFast() {
        long start = System.nanoTime();
        TaskList.Builder builder = TaskList.builder();
        for (long id = 1; id <= 1_000_000; id++) {
            if (id % 1000 != 0) {
                builder.add(id);
            }
        }
        TaskList list = builder.build();
        assertEquals(999_000, list.size());
        assertEquals(1000, list.ranges().size());
        long sum = 0;
        PrimitiveIterator.OfLong it = list.iterator();
        while (it.hasNext()) {
            sum += it.nextLong();
        }
        assertEquals(list.stream().sum(), sum);
        assertTrue(list.contains(999_999));
        assertFalse(list.contains(999_000));
        assertTrue(list.toString().startsWith("1-999,1001-1999,"));
        assertEquals(list, TaskList.parse(list.toString()));
        TaskList odd = TaskList.builder().add(new TaskRange(1, 2_000_000, 2)).build();
        assertEquals(1_000_000, odd.size());
        assertEquals("1-1999999:2", odd.toString());
        assertEquals(list.size() / 2 + 500, list.intersect(odd).size());
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue("took " + seconds + " s", seconds < 5);
    }

    @Test
    public void anAlternatingMillionIsStillFine() {
        // Worst case for storage: no two neighbours share a gap, so every range holds two ids.
        TaskList.Builder builder = TaskList.builder();
        long id = 1;
        for (int i = 0; i < 1_000_000; i++) {
            builder.add(id);
            id += (i % 2 == 0) ? 1 : 3;
        }
        TaskList list = builder.build();
        assertEquals(1_000_000, list.size());
        assertEquals(list, TaskList.parse(list.toString()));
        assertEquals(list, list.union(list));
        assertEquals(TaskList.empty(), list.minus(list));
    }

    @Test
    public void idsNearTheTopDoNotOverflow() {
        long max = Long.MAX_VALUE;
        TaskList list = TaskList.builder().add(new TaskRange(max - 10, max, 5)).add(max - 2).build();
        assertArrayEquals(new long[] {max - 10, max - 5, max - 2, max}, list.stream().toArray());
        assertTrue(list.contains(max));
        assertEquals(list, TaskList.parse(list.toString()));
        assertEquals(TaskList.of(max - 2, max), list.between(max - 4, max));
        assertEquals(-1, list.nextAfter(max));
        assertEquals(TaskList.of(max), TaskList.range(max - 1, max).minus(TaskList.of(max - 1)));
    }

    @Test
    public void betweenClipsTheEnds() {
        TaskList list = TaskList.parse("1-3:2,4-5,10-30:5");
        assertEquals(TaskList.of(3, 4, 5, 10), list.between(2, 12));
        assertEquals(List.of(TaskRange.of(3, 5), TaskRange.of(10)), list.between(2, 12).ranges());
        assertEquals(TaskList.empty(), list.between(6, 9));
        assertEquals(TaskList.empty(), list.between(11, 14));
        assertEquals(TaskList.empty(), list.between(31, 100));
        assertEquals(TaskList.empty(), list.between(5, 4));
        assertEquals(list, list.between(0, Long.MAX_VALUE));
        assertEquals(TaskList.of(30), list.between(26, 30));
    }

    @Test
    public void betweenMatchesAFilter() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            TaskList list = TaskList.of(RandomSets.sortedIds(random));
            long from = random.nextInt(250);
            long to = from + random.nextInt(250) - 20;
            long[] expected = list.stream().filter(id -> id >= from && id <= to).toArray();
            assertEquals(TaskList.of(expected), list.between(from, to));
        }
    }

    @Test
    public void nextAfter() {
        TaskList list = TaskList.parse("5,10-20:5,21");
        assertEquals(5, list.nextAfter(0));
        assertEquals(10, list.nextAfter(5));
        assertEquals(15, list.nextAfter(10));
        assertEquals(15, list.nextAfter(12));
        assertEquals(21, list.nextAfter(20));
        assertEquals(-1, list.nextAfter(21));
    }

    @Test
    public void chunksKeepOrderAndSize() {
        TaskList list = TaskList.parse("1-10,20-30:2,40");
        List<TaskList> chunks = list.chunks(4);
        assertEquals(List.of(TaskList.parse("1-4"), TaskList.parse("5-8"), TaskList.parse("9,10,20,22"),
                TaskList.parse("24,26,28,30"), TaskList.parse("40")), chunks);
        assertEquals(List.of(list), list.chunks(100));
        assertEquals(List.of(), TaskList.empty().chunks(3));
        assertThrows(IllegalArgumentException.class, () -> list.chunks(0));
    }

    @Test
    public void chunksOfAMillion() {
        TaskList list = TaskList.range(1, 1_000_000);
        List<TaskList> chunks = list.chunks(300_000);
        assertEquals(4, chunks.size());
        assertEquals(TaskList.range(900_001, 1_000_000), chunks.get(3));
        assertEquals(list, TaskList.unionAll(chunks));
    }

    @Test
    public void chunksMatchSplittingTheIds() {
        Random random = new Random(5);
        for (int round = 0; round < 1000; round++) {
            long[] ids = RandomSets.sortedIds(random);
            int size = 1 + random.nextInt(10);
            List<TaskList> chunks = TaskList.of(ids).chunks(size);
            int at = 0;
            for (TaskList chunk : chunks) {
                long[] expected = java.util.Arrays.copyOfRange(ids, at, Math.min(ids.length, at + size));
                assertArrayEquals(expected, chunk.stream().toArray());
                at += size;
            }
            assertEquals((ids.length + size - 1) / size, chunks.size());
        }
    }

    @Test
    public void checkWithinAcceptsListsInsideTheJobfile() {
        TaskList list = TaskList.parse("2-5");
        assertEquals(list, list.checkWithin(12));
        assertEquals(list, list.checkWithin(5));
        assertEquals(list, list.checkWithin(TaskList.parse("1-5,9")));
        assertEquals(TaskList.empty(), TaskList.empty().checkWithin(0));
    }

    @Test
    public void checkWithinNamesWhatIsMissing() {
        assertEquals("task list '1-20' is out of range: the jobfile has no tasks 13-20 (it has tasks 1-12)",
                assertThrows(BadInputException.class, () -> TaskList.parse("1-20").checkWithin(12)).getMessage());
        assertEquals("task list '3-8' is out of range: the jobfile has no tasks 5-6 (it has tasks 1-4,7-12)",
                assertThrows(BadInputException.class,
                        () -> TaskList.parse("3-8").checkWithin(TaskList.parse("1-4,7-12"))).getMessage());
        assertEquals("task list '13' is out of range: the jobfile has no task 13 (it has tasks 1-12)",
                assertThrows(BadInputException.class, () -> TaskList.parse("13").checkWithin(12)).getMessage());
        assertEquals("task list '1-3' is out of range: the jobfile has no tasks",
                assertThrows(BadInputException.class, () -> TaskList.parse("1-3").checkWithin(0)).getMessage());
    }

    @Test
    public void checkWithinKeepsLongMessagesShort() {
        TaskList huge = TaskList.range(1, 100_000).minus(TaskList.parse("1-100000:7"));
        String message = assertThrows(BadInputException.class, () -> huge.checkWithin(50_000)).getMessage();
        assertTrue(message, message.length() < 300);
        assertTrue(message, message.startsWith("task list '2-7,9-14,"));
    }

    private static long[] shuffle(long[] ids, Random random) {
        long[] copy = ids.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }
}
