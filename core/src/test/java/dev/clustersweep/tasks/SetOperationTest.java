package dev.clustersweep.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class SetOperationTest {

    @Test
    public void examples() {
        TaskList a = TaskList.parse("1-10");
        TaskList b = TaskList.parse("5-15:2");
        assertEquals(TaskList.parse("1-10,11-15:2"), a.union(b));
        assertEquals(TaskList.parse("5-9:2"), a.intersect(b));
        assertEquals(TaskList.parse("1-4,6-10:2"), a.minus(b));
        assertEquals(TaskList.parse("11-15:2"), b.minus(a));
        assertEquals(TaskList.range(1, 10), TaskList.parse("1-9:2").union(TaskList.parse("2-10:2")));
        assertEquals(TaskList.empty(), TaskList.parse("1-9:2").intersect(TaskList.parse("2-10:2")));
    }

    @Test
    public void nestedStepsAreHandledInBulk() {
        TaskList all = TaskList.range(1, 20);
        TaskList odd = TaskList.parse("1-19:2");
        TaskList third = TaskList.parse("1-19:3");
        assertEquals(TaskList.parse("2-20:2"), all.minus(odd));
        assertEquals(odd, all.intersect(odd));
        assertEquals(all, odd.union(all));
        assertEquals(TaskList.parse("2,3,5,6,8,9,11,12,14,15,17,18,20"), all.minus(third));
        assertEquals(TaskList.empty(), third.minus(all));
        assertEquals(TaskList.parse("3-19:4"), odd.minus(TaskList.parse("1-17:4")));
        assertEquals(TaskList.parse("1-17:4"), odd.minus(TaskList.parse("3-19:4")));
        assertEquals(TaskList.parse("1-17:4,21"), TaskList.parse("1-21:2").minus(TaskList.parse("3-19:4")));
        assertEquals(TaskList.parse("1-10,11-20:2"), TaskList.range(1, 10).union(TaskList.parse("1-19:2")));
    }

    @Test
    public void withTheEmptyList() {
        TaskList a = TaskList.parse("3-7,20");
        assertEquals(a, a.union(TaskList.empty()));
        assertEquals(a, TaskList.empty().union(a));
        assertEquals(TaskList.empty(), a.intersect(TaskList.empty()));
        assertEquals(a, a.minus(TaskList.empty()));
        assertEquals(TaskList.empty(), TaskList.empty().minus(a));
    }

    @Test
    public void matchBitSets() {
        Random random = new Random(1234);
        for (int round = 0; round < 20_000; round++) {
            BitSet x = RandomSets.bits(random);
            BitSet y = RandomSets.bits(random);
            TaskList a = RandomSets.list(x);
            TaskList b = RandomSets.list(y);

            BitSet or = (BitSet) x.clone();
            or.or(y);
            BitSet and = (BitSet) x.clone();
            and.and(y);
            BitSet andNot = (BitSet) x.clone();
            andNot.andNot(y);

            assertEquals(a + " | " + b, RandomSets.list(or), a.union(b));
            assertEquals(a + " & " + b, RandomSets.list(and), a.intersect(b));
            assertEquals(a + " - " + b, RandomSets.list(andNot), a.minus(b));
            assertEquals(or, RandomSets.bits(a.union(b)));
        }
    }

    @Test
    public void unionAllMatchesBitSets() {
        Random random = new Random(77);
        for (int round = 0; round < 500; round++) {
            BitSet all = new BitSet();
            int count = random.nextInt(12);
            List<TaskList> lists = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                BitSet bits = RandomSets.bits(random);
                all.or(bits);
                lists.add(RandomSets.list(bits));
            }
            assertEquals(RandomSets.list(all), TaskList.unionAll(lists));
        }
    }

    @Test
    public void longRunsAreCombinedWithoutWalkingEveryId() {
        TaskList billion = TaskList.range(1, 1_000_000_000);
        TaskList other = TaskList.parse("500-2000000000,3000000000");
        long start = System.nanoTime();
        assertEquals(TaskList.parse("1-2000000000,3000000000"), billion.union(other));
        assertEquals(TaskList.range(500, 1_000_000_000), billion.intersect(other));
        assertEquals(TaskList.range(1, 499), billion.minus(other));
        assertEquals(TaskList.parse("1-999999999:2"),
                billion.intersect(TaskList.builder().add(new TaskRange(1, 2_000_000_000, 2)).build()));
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }

    @Test
    public void aMillionInterleavedIds() {
        TaskList odd = TaskList.builder().add(new TaskRange(1, 2_000_000, 2)).build();
        TaskList even = TaskList.builder().add(new TaskRange(2, 2_000_000, 2)).build();
        TaskList all = TaskList.range(1, 2_000_000);
        assertEquals(all, odd.union(even));
        assertEquals(odd, all.minus(even));
        assertEquals(even, all.intersect(even));
        assertEquals(TaskList.empty(), odd.intersect(even));
    }
}
