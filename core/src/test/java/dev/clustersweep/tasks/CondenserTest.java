package dev.clustersweep.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.Test;

public class CondenserTest {

    @Test
    public void onagerReadmeExamples() {
        assertEquals("1-3,5,8-9", TaskList.parse("1-3:1,5,8-9").toString());
        assertEquals("35-40,57,138-201", TaskList.parse("35-40:1,57,138-201:1").toString());
    }

    @Test
    public void piecesOfEachShape() {
        assertEquals("5", text(5));
        assertEquals("5-6", text(5, 6)); // as long as 5,6: one item wins the tie
        assertEquals("5,7", text(5, 7)); // shorter than 5-7:2
        assertEquals("1-3", text(1, 2, 3));
        assertEquals("1-9:4", text(1, 5, 9)); // as long as 1,5,9: one item wins the tie
        assertEquals("10-30:10", text(10, 20, 30)); // shorter than 10,20,30
        assertEquals("1-7:2", text(1, 3, 5, 7));
        assertEquals("1-5,7", text(1, 2, 3, 4, 5, 7));
    }

    @Test
    public void sharedIdsGoWhereTheyShortenMost() {
        // Greedy storage is 1-3:2 then 4-5; the shortest text gives 3 to the run of ones.
        assertEquals("1,3-5", text(1, 3, 4, 5));
        // 1-5 then 7-15:2 beats 1-4 then 5-15:2 (both 10 chars; 5 belongs to both progressions).
        assertEquals("1-5,7-15:2", text(1, 2, 3, 4, 5, 7, 9, 11, 13, 15));
        // 99 starts the progression: two digits instead of three for 101.
        assertEquals("90-98,99-199:2", text(TaskList.parse("90-99,101-199:2")));
    }

    @Test
    public void slurmAndGridEngineForms() {
        TaskList list = TaskList.parse("1-3,5,7-11:2");
        assertEquals(List.of("1-3:1", "5-11:2"), list.ranges().stream().map(TaskRange::toFullString).toList());
    }

    @Test
    public void aMillionConsecutiveIdsIsOneItem() {
        assertEquals("1-1000000", TaskList.range(1, 1_000_000).toString());
    }

    @Test
    public void roundTripsAndIsNeverLongerThanConsecutiveRuns() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            long[] ids = RandomSets.sortedIds(random);
            TaskList list = TaskList.of(ids);
            String text = list.toString();
            if (ids.length == 0) {
                assertEquals("", text);
                continue;
            }
            assertEquals(text, list, TaskList.parse(text));
            String runs = consecutiveRuns(ids);
            assertTrue(text + " is longer than " + runs, text.length() <= runs.length());
            assertTrue(text + " is longer than onager's " + list.ranges(), text.length() <= onagerForm(list).length());
        }
    }

    @Test
    public void isAsShortAsTheBestCutOfTheIds() {
        Random random = new Random(4242);
        for (int round = 0; round < 20_000; round++) {
            long[] ids = RandomSets.sortedIds(random);
            if (ids.length == 0) {
                continue;
            }
            String text = TaskList.of(ids).toString();
            long[] best = bruteForce(ids);
            assertEquals("length of " + text, best[0], text.length());
            assertEquals("items of " + text, best[1], text.split(",").length);
        }
    }

    @Test
    public void largeNumbersToo() {
        Random random = new Random(99);
        for (int round = 0; round < 5000; round++) {
            long base = (long) (random.nextDouble() * 1e17);
            long scale = 1 + random.nextInt(1000);
            long[] ids = RandomSets.sortedIds(random);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = base + ids[i] * scale;
            }
            if (ids.length == 0) {
                continue;
            }
            TaskList list = TaskList.of(ids);
            String text = list.toString();
            assertEquals(list, TaskList.parse(text));
            assertEquals(text, bruteForce(ids)[0], text.length());
        }
    }

    @Test
    public void itemsNeverOverlapAndComeInOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 5000; round++) {
            TaskList list = TaskList.of(RandomSets.sortedIds(random));
            if (list.isEmpty()) {
                continue;
            }
            long previous = 0;
            for (String item : list.toString().split(",")) {
                TaskList one = TaskList.parse(item);
                assertTrue(list + ": " + item, one.first() > previous);
                previous = one.last();
            }
        }
    }

    /** Fewest characters, then fewest items, over every cut of the ids into progressions: O(n^2). */
    static long[] bruteForce(long[] ids) {
        int n = ids.length;
        long[] chars = new long[n + 1];
        long[] items = new long[n + 1];
        for (int j = 1; j <= n; j++) {
            chars[j] = Long.MAX_VALUE;
            for (int i = j - 1; i >= 0; i--) { // piece ids[i..j-1]
                if (j - i >= 3 && ids[j - 1] - ids[j - 2] != ids[i + 1] - ids[i]) {
                    break;
                }
                long count = j - i;
                long step = count == 1 ? 1 : ids[i + 1] - ids[i];
                long c = chars[i] + Condenser.pieceChars(ids[i], count, step);
                long it = items[i] + (count == 2 && step > 1 ? 2 : 1);
                if (c < chars[j] || (c == chars[j] && it < items[j])) {
                    chars[j] = c;
                    items[j] = it;
                }
            }
        }
        return new long[] {chars[n] - 1, items[n]};
    }

    private static String consecutiveRuns(long[] ids) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < ids.length) {
            int j = i;
            while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            out.append(out.length() == 0 ? "" : ",").append(ids[i]);
            if (j > i) {
                out.append('-').append(ids[j]);
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static String onagerForm(TaskList list) {
        return String.join(",", list.ranges().stream().map(TaskRange::toFullString).toList());
    }

    private static String text(long... ids) {
        return TaskList.of(ids).toString();
    }

    private static String text(TaskList list) {
        return list.toString();
    }
}
