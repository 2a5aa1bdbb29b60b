package dev.clustersweep.tasks;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a set of ids as the shortest comma list of {@code N}, {@code N-M} and {@code N-M:S} items.
 *
 * <p><b>The rule.</b> Among all ways to cut the sorted ids into consecutive pieces, each piece an
 * arithmetic progression written as one item, pick the fewest characters; on a tie the fewest items;
 * on a further tie the earlier piece takes the shared id (this is fixed, so a set always gives the
 * same text). A piece is written as:
 * <ul>
 *   <li>one id: {@code 5};</li>
 *   <li>two ids: {@code 8-9} when consecutive (as long as {@code 8,9}, but one item), else
 *       {@code 5,7} (shorter than {@code 5-7:2});</li>
 *   <li>three or more: {@code 1-3}, or {@code 1-9:2} with a step; never {@code :1}.</li>
 * </ul>
 * So {@code 1-3:1,5,8-9} becomes {@code 1-3,5,8-9} and {@code 35-40:1,57,138-201:1} becomes
 * {@code 35-40,57,138-201}. Items never overlap. Items that interleave (odd ids 1-99:2 beside even ids
 * 2-100:2 of another stretch) are not searched for; that problem is a set cover and such lists are
 * rare in sweeps.
 *
 * <p><b>The algorithm.</b> Look at the gaps between consecutive ids and group equal gaps into
 * <i>runs</i>; a run of c equal gaps is a progression of c+1 ids, and neighbouring runs share one id.
 * A piece of two or more ids has all its gaps equal, so it lies inside one run. Two pieces next to each
 * other inside one run can always be merged without getting longer (the merged item drops at least one
 * inner end, whose digits are no fewer than the step's), so a best answer has at most one piece per
 * run, and each shared id goes either to the run on its left or to the one on its right. A dynamic
 * programme over the runs with that one bit of state finds the best answer in O(runs), and runs are
 * at most about twice the stored ranges, so a million consecutive ids condense in constant time.
 * The tests check the result against a brute force over all cuts.
 */
final class Condenser {

    private Condenser() {
    }

    static String condense(List<TaskRange> ranges) {
        if (ranges.isEmpty()) {
            return "";
        }
        Runs runs = Runs.of(ranges);
        if (runs.count == 0) {
            return Long.toString(ranges.get(0).first());
        }
        int m = runs.count;
        // Entry 2r+c: the cheapest way to write runs r..m-1 when the first id of run r is (c=1) or is
        // not (c=0) written already; cheapest = fewest characters (one comma per item), then items.
        // Computed from the end so that the walk forward can settle ties run by run, earliest first.
        long[] chars = new long[2 * (m + 1)];
        long[] items = new long[2 * (m + 1)];
        Arrays.fill(chars, Long.MAX_VALUE);
        chars[2 * m + 1] = 0; // after the last run its last id must have been written
        for (int r = m - 1; r >= 0; r--) {
            for (int covered = 0; covered <= 1; covered++) {
                for (int stopShort = 0; stopShort <= 1; stopShort++) {
                    long[] cost = cost(runs, r, covered, stopShort, chars, items);
                    int at = 2 * r + covered;
                    if (cost != null && (cost[0] < chars[at] || (cost[0] == chars[at] && cost[1] < items[at]))) {
                        chars[at] = cost[0];
                        items[at] = cost[1];
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder((int) Math.min(chars[0], 1 << 20));
        int covered = 0;
        for (int r = 0; r < m; r++) {
            // The piece takes the shared end unless that is worse: the tie rule "earlier piece first".
            long[] full = cost(runs, r, covered, 0, chars, items);
            boolean takesEnd = full != null && full[0] == chars[2 * r + covered] && full[1] == items[2 * r + covered];
            long n = runs.gaps[r] - (takesEnd ? 0 : 1) - covered + 1;
            if (n > 0) {
                writePiece(out, runs.starts[r] + covered * runs.steps[r], n, runs.steps[r]);
            }
            covered = takesEnd ? 1 : 0;
        }
        out.setLength(out.length() - 1); // the last comma
        return out.toString();
    }

    /**
     * Cost {chars, items} of writing runs r.. when run r's piece starts after its first id if
     * {@code covered} and stops before its last id if {@code stopShort}; null if impossible.
     */
    private static long[] cost(Runs runs, int r, int covered, int stopShort, long[] chars, long[] items) {
        int next = 2 * (r + 1) + 1 - stopShort;
        if (chars[next] == Long.MAX_VALUE) {
            return null;
        }
        long n = runs.gaps[r] - stopShort - covered + 1;
        long first = runs.starts[r] + covered * runs.steps[r];
        return new long[] {chars[next] + pieceChars(first, n, runs.steps[r]),
                items[next] + pieceItems(n, runs.steps[r])};
    }

    /** Characters of a piece of {@code n} ids, with its trailing comma. */
    static long pieceChars(long first, long n, long step) {
        if (n <= 0) {
            return 0;
        }
        if (n == 1) {
            return digits(first) + 1;
        }
        long last = first + (n - 1) * step;
        long chars = digits(first) + 1 + digits(last) + 1;
        return n >= 3 && step > 1 ? chars + 1 + digits(step) : chars;
    }

    private static long pieceItems(long n, long step) {
        if (n <= 0) {
            return 0;
        }
        return n == 2 && step > 1 ? 2 : 1;
    }

    private static void writePiece(StringBuilder out, long first, long n, long step) {
        long last = first + (n - 1) * step;
        if (n == 1) {
            out.append(first);
        } else if (n == 2 && step > 1) {
            out.append(first).append(',').append(last);
        } else {
            out.append(first).append('-').append(last);
            if (step > 1) {
                out.append(':').append(step);
            }
        }
        out.append(',');
    }

    static int digits(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /** The runs of equal gaps of a sorted id set: run r is starts[r] + j*steps[r] for j in 0..gaps[r]. */
    private static final class Runs {
        long[] starts;
        long[] steps;
        long[] gaps;
        int count;

        static Runs of(List<TaskRange> ranges) {
            Runs runs = new Runs();
            int capacity = 2 * ranges.size();
            runs.starts = new long[capacity];
            runs.steps = new long[capacity];
            runs.gaps = new long[capacity];
            long previous = -1;
            for (TaskRange range : ranges) {
                if (previous >= 0) {
                    runs.add(previous, range.first() - previous, 1);
                }
                if (range.last() > range.first()) {
                    runs.add(range.first(), range.step(), range.size() - 1);
                }
                previous = range.last();
            }
            return runs;
        }

        private void add(long start, long step, long gapCount) {
            if (count > 0 && steps[count - 1] == step) {
                gaps[count - 1] += gapCount; // continues the run before: same gap
                return;
            }
            starts[count] = start;
            steps[count] = step;
            gaps[count] = gapCount;
            count++;
        }
    }
}
