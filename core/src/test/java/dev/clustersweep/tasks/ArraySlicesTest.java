package dev.clustersweep.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.Test;

public class ArraySlicesTest {

    @Test
    public void aSmallSweepKeepsIndexEqualToId() {
        List<ArraySlice> slices = ArraySlices.forSlurm(TaskList.range(1, 500), 1001);
        assertEquals(List.of(new ArraySlice(0, TaskList.range(1, 500))), slices);
        assertEquals("1-500", slices.get(0).indexes());
    }

    @Test
    public void twoThousandFiveHundredIdsNeedThreeArrays() {
        List<ArraySlice> slices = ArraySlices.split(TaskList.range(1, 2500), 0, 1000);
        assertEquals(3, slices.size());
        assertEquals(new ArraySlice(0, TaskList.range(1, 1000)), slices.get(0));
        assertEquals(new ArraySlice(1001, TaskList.range(1001, 2001)), slices.get(1));
        assertEquals("0-1000", slices.get(1).indexes());
        assertEquals(new ArraySlice(2002, TaskList.range(2002, 2500)), slices.get(2));
        assertEquals("0-498", slices.get(2).indexes());
    }

    @Test
    public void offsetZeroIsDroppedWhenItWouldCostAnArray() {
        // 1..1001 fit one array of indexes 0..1000 only when shifted by one.
        List<ArraySlice> slices = ArraySlices.forSlurm(TaskList.range(1, 1001), 1001);
        assertEquals(List.of(new ArraySlice(1, TaskList.range(1, 1001))), slices);
        assertEquals("0-1000", slices.get(0).indexes());
        assertEquals(1, slices.get(0).offset());
    }

    @Test
    public void gridEngineIndexesStartAtOne() {
        List<ArraySlice> slices = ArraySlices.split(TaskList.parse("5-20:5,100001-100003"), 1, 75000);
        assertEquals(2, slices.size());
        assertEquals(0, slices.get(0).offset());
        assertEquals(List.of(new TaskRange(5, 20, 5)), slices.get(0).indexRanges());
        assertEquals(100000, slices.get(1).offset());
        assertEquals(List.of("1-3:1"), slices.get(1).indexRanges().stream().map(TaskRange::toFullString).toList());
    }

    @Test
    public void sparseIdsSkipEmptyWindows() {
        List<ArraySlice> slices = ArraySlices.split(TaskList.parse("3,5000,5001,90000"), 0, 1000);
        assertEquals(3, slices.size());
        assertEquals(new ArraySlice(0, TaskList.of(3)), slices.get(0));
        assertEquals(new ArraySlice(5000, TaskList.of(5000, 5001)), slices.get(1));
        assertEquals("0-1", slices.get(1).indexes());
        assertEquals(new ArraySlice(90000, TaskList.of(90000)), slices.get(2));
        assertEquals("0", slices.get(2).indexes());
    }

    @Test
    public void slicesCoverEveryIdOnceWithinBounds() {
        Random random = new Random(8);
        for (int round = 0; round < 3000; round++) {
            TaskList ids = TaskList.of(RandomSets.sortedIds(random));
            long minIndex = random.nextInt(2);
            long maxIndex = minIndex + random.nextInt(40);
            List<ArraySlice> slices = ArraySlices.split(ids, minIndex, maxIndex);
            assertEquals(ids, TaskList.unionAll(slices.stream().map(ArraySlice::ids).toList()));
            long previousLast = 0;
            for (ArraySlice slice : slices) {
                assertTrue(slice.ids().first() - slice.offset() >= minIndex);
                assertTrue(slice.ids().last() - slice.offset() <= maxIndex);
                assertTrue(slice.ids().first() > previousLast);
                previousLast = slice.ids().last();
                assertEquals(slice.ids().toString(), slice.ids().stream().map(id -> id - slice.offset())
                        .boxed().toList(), TaskList.parse(shiftedUp(slice)).stream().map(i -> i - 1).boxed().toList());
            }
            assertEquals(fewestWindows(ids, maxIndex - minIndex + 1), slices.size());
        }
    }

    @Test
    public void rejectsBadBounds() {
        assertThrows(IllegalArgumentException.class, () -> ArraySlices.split(TaskList.of(1), 5, 4));
        assertThrows(IllegalArgumentException.class, () -> ArraySlices.forSlurm(TaskList.of(1), 0));
        assertEquals(List.of(), ArraySlices.forSlurm(TaskList.empty(), 1001));
    }

    /** The index text with every index moved up by one, so that index 0 can be parsed as a task id. */
    private static String shiftedUp(ArraySlice slice) {
        return TaskList.of(slice.indexRanges().stream().map(r -> r.shift(1)).toList()).toString();
    }

    private static int fewestWindows(TaskList ids, long width) {
        int windows = 0;
        long coveredTo = -1;
        for (long id : ids.stream().toArray()) {
            if (id > coveredTo) {
                windows++;
                coveredTo = id + width - 1;
            }
        }
        return windows;
    }
}
