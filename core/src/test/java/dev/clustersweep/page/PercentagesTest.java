package dev.clustersweep.page;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

public class PercentagesTest {

    @Test
    public void emptyIsAllZero() {
        assertArrayEquals(new int[9], Percentages.of(new long[9]));
    }

    @Test
    public void thirdsRoundToOneHundred() {
        assertArrayEquals(new int[] {34, 33, 33}, Percentages.of(new long[] {1, 1, 1}));
        assertArrayEquals(new int[] {0, 100}, Percentages.of(new long[] {0, 5}));
    }

    @Test
    public void largestRemainderWins() {
        // 1 of 200 is 0.5%, 199 is 99.5%: the tie goes to the earlier share.
        assertArrayEquals(new int[] {1, 99}, Percentages.of(new long[] {1, 199}));
        // 1 of 100,000 is too small to show; the bar stays 100 wide.
        assertArrayEquals(new int[] {0, 100}, Percentages.of(new long[] {1, 99_999}));
        assertArrayEquals(new int[] {17, 17, 17, 17, 16, 16}, Percentages.of(new long[] {1, 1, 1, 1, 1, 1}));
    }

    @Test
    public void randomMixesAddUpToOneHundredAndStayWithinAPoint() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            long[] counts = new long[9];
            int spread = random.nextInt(4);
            for (int i = 0; i < counts.length; i++) {
                if (random.nextInt(3) > 0) {
                    counts[i] = spread == 0 ? random.nextInt(5) : spread == 1 ? random.nextInt(1000)
                            : spread == 2 ? random.nextInt(1_000_000) : (long) random.nextInt(3) * random.nextInt(50_000);
                }
            }
            long total = Arrays.stream(counts).sum();
            int[] percents = Percentages.of(counts);
            if (total == 0) {
                assertArrayEquals(new int[9], percents);
                continue;
            }
            assertEquals(Arrays.toString(counts), 100, Arrays.stream(percents).sum());
            for (int i = 0; i < counts.length; i++) {
                double exact = 100.0 * counts[i] / total;
                assertTrue(Arrays.toString(counts), Math.abs(percents[i] - exact) < 1);
                if (counts[i] == 0) {
                    assertEquals(0, percents[i]);
                }
            }
        }
    }

    @Test
    public void floorSaysOneHundredOnlyWhenComplete() {
        assertEquals(99, Percentages.floor(99_999, 100_000));
        assertEquals(100, Percentages.floor(7, 7));
        assertEquals(0, Percentages.floor(0, 0));
    }
}
