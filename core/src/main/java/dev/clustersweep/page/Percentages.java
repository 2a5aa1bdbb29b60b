package dev.clustersweep.page;

/**
 * Whole percentages for a stacked bar that add up to exactly 100: each share is rounded down, and
 * the points left over go to the largest remainders (ties to the earlier share), so no share is off
 * by a full point from its true value and the bar never overflows or leaves a gap.
 */
final class Percentages {

    private Percentages() {
    }

    /** The percentages of {@code counts}; all 0 when the counts add up to 0. */
    static int[] of(long[] counts) {
        long total = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + count);
            }
            total += count;
        }
        int[] percents = new int[counts.length];
        if (total == 0) {
            return percents;
        }
        long[] remainders = new long[counts.length];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            // Task counts stay far below Long.MAX_VALUE / 100, so the product cannot overflow.
            percents[i] = (int) (counts[i] * 100 / total);
            remainders[i] = counts[i] * 100 % total;
            given += percents[i];
        }
        for (int left = 100 - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            percents[best]++;
            remainders[best] = 0;
        }
        return percents;
    }

    /** {@code part} of {@code total} in whole percent, rounded down: 100 only when all of it. */
    static int floor(long part, long total) {
        return total == 0 ? 0 : (int) (part * 100 / total);
    }
}
