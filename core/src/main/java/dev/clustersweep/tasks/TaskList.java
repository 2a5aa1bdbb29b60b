package dev.clustersweep.tasks;

import dev.clustersweep.BadInputException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

/**
 * An immutable set of task ids (positive longs), stored as a sorted list of arithmetic ranges so that
 * a million ids in a few runs cost a few bytes.
 *
 * <p>The ranges are canonical: the greedy split of the sorted ids into arithmetic progressions (start
 * at the smallest id, extend while the gap stays the same, start again). That split is unique for a
 * set, so equality of ranges is equality of ids, and it uses the fewest possible ranges among splits
 * into consecutive runs of the sorted ids (the property "is an arithmetic progression" holds for every
 * piece of a progression, so taking the longest first piece is never wrong). Fewest ranges matters
 * for Grid Engine, which takes one range per submission.
 *
 * <p>Text forms: {@link #parse} reads {@code N}, {@code N-M}, {@code N-M:STEP} items separated by
 * commas; {@link #toString()} writes the shortest such text (see {@link Condenser}).
 */
public final class TaskList implements Iterable<Long> {

    private static final TaskList EMPTY = new TaskList(new long[0], new long[0], new long[0], 0);
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s,]+");

    // Range i holds firsts[i], firsts[i]+steps[i], ..., lasts[i]; ranges never interleave:
    // lasts[i] < firsts[i+1]. ends[i] is the number of ids in ranges 0..i.
    private final long[] firsts;
    private final long[] lasts;
    private final long[] steps;
    private final long[] ends;
    private final int count;

    private TaskList(long[] firsts, long[] lasts, long[] steps, int count) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.steps = steps;
        this.count = count;
        this.ends = new long[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += (lasts[i] - firsts[i]) / steps[i] + 1;
            ends[i] = total;
        }
    }

    // ---------------------------------------------------------------- construction

    /**
     * Reads a task list such as {@code 1-3:1,5,8-9}: items {@code N}, {@code N-M} or
     * {@code N-M:STEP} separated by commas; items may overlap or come in any order. Whitespace around
     * the list is ignored, inside it is an error.
     *
     * @throws BadInputException naming the bad text and what is expected
     */
    public static TaskList parse(String text) {
        return TaskListParser.parse(text);
    }

    /**
     * Reads a task list as people type it into a text box (the build page, the wizard): the syntax
     * of {@link #parse}, but items may also be separated by spaces or new lines, as in
     * {@code 1-3,5 8}; null or blank is the empty list.
     *
     * @throws BadInputException naming the bad text and what is expected
     */
    public static TaskList parseTyped(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String list = TYPED_SEPARATORS.matcher(text.strip()).replaceAll(",");
        if (list.startsWith(",")) {
            list = list.substring(1);
        }
        if (list.endsWith(",")) {
            list = list.substring(0, list.length() - 1);
        }
        return list.isEmpty() ? EMPTY : parse(list);
    }

    public static TaskList empty() {
        return EMPTY;
    }

    /** The given ids, in any order, duplicates allowed. */
    public static TaskList of(long... ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        Builder builder = builder();
        for (long id : sorted) {
            builder.add(id);
        }
        return builder.build();
    }

    /** The ids {@code first..last}; empty when {@code last < first}. */
    public static TaskList range(long first, long last) {
        return last < first ? EMPTY : builder().add(new TaskRange(first, last, 1)).build();
    }

    /** The ids of {@code ranges}, in any order, overlaps allowed. */
    public static TaskList of(Collection<TaskRange> ranges) {
        Builder builder = builder();
        for (TaskRange range : ranges) {
            builder.add(range);
        }
        return builder.build();
    }

    /** The union of all {@code lists}, merged pairwise so that many small lists stay cheap. */
    public static TaskList unionAll(List<TaskList> lists) {
        if (lists.isEmpty()) {
            return EMPTY;
        }
        List<TaskList> level = new ArrayList<>(lists);
        while (level.size() > 1) {
            List<TaskList> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? level.get(i).union(level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects ids into a task list. Ids given in increasing order cost O(1) memory per range (the
     * current range is extended in place); ids or ranges that arrive out of order are kept aside and
     * merged in {@link #build()}, costing memory per id until then.
     */
    public static final class Builder {
        private long[] firsts = new long[4];
        private long[] lasts = new long[4];
        private long[] steps = new long[4];
        private int count;

        private boolean pending;
        private long pendingFirst;
        private long pendingLast;
        private long pendingStep;

        private long[] strayIds = new long[0];
        private int strayCount;
        private final List<TaskRange> strayRanges = new ArrayList<>();

        private Builder() {
        }

        public Builder add(long id) {
            if (id < 1) {
                throw new IllegalArgumentException("task ids start at 1, got " + id);
            }
            if (!pending) {
                start(id);
            } else if (id <= pendingLast) {
                if (id != pendingLast) {
                    stray(id);
                }
            } else if (pendingFirst == pendingLast) {
                pendingStep = id - pendingLast;
                pendingLast = id;
            } else if (id - pendingLast == pendingStep) {
                pendingLast = id;
            } else {
                flush();
                start(id);
            }
            return this;
        }

        public Builder add(TaskRange range) {
            if (range.first() < 1) {
                throw new IllegalArgumentException("task ids start at 1, got " + range.first());
            }
            if (pending && range.first() <= pendingLast) {
                strayRanges.add(range);
                return this;
            }
            addInOrder(range.first(), range.last(), range.step());
            return this;
        }

        public Builder addAll(TaskList list) {
            for (int i = 0; i < list.count; i++) {
                add(new TaskRange(list.firsts[i], list.lasts[i], list.steps[i]));
            }
            return this;
        }

        /** Adds a range that starts above everything so far, in O(1). */
        void addInOrder(long first, long last, long step) {
            add(first);
            if (last == first) {
                return;
            }
            add(first + step);
            if (last - first > step) {
                // After the first three ids the pending range has exactly this step, so the rest of
                // the range only moves its end: same result as adding the ids one by one.
                add(first + 2 * step);
                pendingLast = last;
            }
        }

        public TaskList build() {
            if (pending) {
                flush();
                pending = false;
            }
            TaskList ordered = count == 0 ? EMPTY
                    : new TaskList(Arrays.copyOf(firsts, count), Arrays.copyOf(lasts, count),
                            Arrays.copyOf(steps, count), count);
            if (strayCount == 0 && strayRanges.isEmpty()) {
                return ordered;
            }
            List<TaskList> parts = new ArrayList<>();
            parts.add(ordered);
            if (strayCount > 0) {
                long[] ids = Arrays.copyOf(strayIds, strayCount);
                Arrays.sort(ids);
                Builder sorted = new Builder();
                for (long id : ids) {
                    sorted.add(id);
                }
                parts.add(sorted.build());
            }
            for (TaskRange range : strayRanges) {
                parts.add(new Builder().add(range).build());
            }
            return unionAll(parts);
        }

        private void start(long id) {
            pending = true;
            pendingFirst = id;
            pendingLast = id;
            pendingStep = 1;
        }

        private void flush() {
            if (count == firsts.length) {
                int size = Math.max(4, count * 2);
                firsts = Arrays.copyOf(firsts, size);
                lasts = Arrays.copyOf(lasts, size);
                steps = Arrays.copyOf(steps, size);
            }
            firsts[count] = pendingFirst;
            lasts[count] = pendingLast;
            steps[count] = pendingFirst == pendingLast ? 1 : pendingStep;
            count++;
        }

        private void stray(long id) {
            if (strayCount == strayIds.length) {
                strayIds = Arrays.copyOf(strayIds, Math.max(16, strayCount * 2));
            }
            strayIds[strayCount++] = id;
        }
    }

    // ---------------------------------------------------------------- queries

    public long size() {
        return count == 0 ? 0 : ends[count - 1];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean contains(long id) {
        int i = rangeAtOrBelow(id);
        return i >= 0 && id <= lasts[i] && (id - firsts[i]) % steps[i] == 0;
    }

    /** The smallest id. */
    public long first() {
        if (count == 0) {
            throw new NoSuchElementException("the task list is empty");
        }
        return firsts[0];
    }

    /** The largest id. */
    public long last() {
        if (count == 0) {
            throw new NoSuchElementException("the task list is empty");
        }
        return lasts[count - 1];
    }

    /** The canonical ranges, in increasing order, never interleaving. */
    public List<TaskRange> ranges() {
        return new RangeView();
    }

    private final class RangeView extends AbstractList<TaskRange> implements RandomAccess {
        @Override
        public TaskRange get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return new TaskRange(firsts[index], lasts[index], steps[index]);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The ids in increasing order. */
    @Override
    public PrimitiveIterator.OfLong iterator() {
        return new PrimitiveIterator.OfLong() {
            private int range;
            private long next = count > 0 ? firsts[0] : 0;
            // Counted rather than compared with the range end, so an end near Long.MAX_VALUE cannot
            // overflow into a wrong comparison.
            private long left = count > 0 ? ends[0] : 0;

            @Override
            public boolean hasNext() {
                return range < count;
            }

            @Override
            public long nextLong() {
                if (range >= count) {
                    throw new NoSuchElementException();
                }
                long id = next;
                if (--left > 0) {
                    next += steps[range];
                } else if (++range < count) {
                    next = firsts[range];
                    left = ends[range] - ends[range - 1];
                }
                return id;
            }
        };
    }

    /** The ids in increasing order. */
    public LongStream stream() {
        int characteristics = Spliterator.ORDERED | Spliterator.SORTED | Spliterator.DISTINCT
                | Spliterator.NONNULL | Spliterator.IMMUTABLE;
        return StreamSupport.longStream(Spliterators.spliterator(iterator(), size(), characteristics), false);
    }

    /** The ids {@code >= fromId} and {@code <= toId}, in O(log ranges + ranges returned). */
    public TaskList between(long fromId, long toId) {
        int from = rangeAtOrBelow(fromId);
        if (from < 0 || lasts[from] < fromId) {
            from++;
        }
        int to = rangeAtOrBelow(toId);
        if (fromId > toId || from > to) {
            return EMPTY;
        }
        Builder builder = builder();
        for (int i = from; i <= to; i++) {
            long first = firsts[i];
            long last = lasts[i];
            long step = steps[i];
            if (first < fromId) {
                long skip = (fromId - first - 1) / step + 1;
                if (skip > (last - first) / step) {
                    continue;
                }
                first += skip * step;
            }
            if (last > toId) {
                if (toId < first) {
                    continue;
                }
                last = first + (toId - first) / step * step;
            }
            // Clipping can leave a lone id that belongs with the next range: the builder
            // re-establishes the canonical split.
            builder.addInOrder(first, last, step);
        }
        return builder.build();
    }

    /** The smallest id greater than {@code id}, or -1 when there is none. */
    public long nextAfter(long id) {
        int i = rangeAtOrBelow(id);
        if (i >= 0 && id < lasts[i]) {
            return firsts[i] + ((id - firsts[i]) / steps[i] + 1) * steps[i];
        }
        return i + 1 < count ? firsts[i + 1] : -1;
    }

    /**
     * The ids cut into consecutive pieces of {@code maxIds} ids (the last may be smaller), in
     * O(ranges + pieces).
     */
    public List<TaskList> chunks(long maxIds) {
        if (maxIds < 1) {
            throw new IllegalArgumentException("a chunk must hold at least one id, got " + maxIds);
        }
        List<TaskList> chunks = new ArrayList<>();
        Builder builder = builder();
        long room = maxIds;
        for (int i = 0; i < count; i++) {
            long first = firsts[i];
            long step = steps[i];
            long left = ends[i] - (i == 0 ? 0 : ends[i - 1]);
            while (left > 0) {
                long take = Math.min(left, room);
                builder.addInOrder(first, first + (take - 1) * step, step);
                left -= take;
                room -= take;
                if (left > 0) {
                    first += take * step;
                }
                if (room == 0) {
                    chunks.add(builder.build());
                    builder = builder();
                    room = maxIds;
                }
            }
        }
        if (room < maxIds) {
            chunks.add(builder.build());
        }
        return chunks;
    }

    /** Index of the last range whose first id is {@code <= id}, or -1. */
    private int rangeAtOrBelow(long id) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (firsts[mid] <= id) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    // ---------------------------------------------------------------- set operations

    public TaskList union(TaskList other) {
        return SetOperation.apply(this, other, true, true, true);
    }

    public TaskList intersect(TaskList other) {
        return SetOperation.apply(this, other, false, false, true);
    }

    public TaskList minus(TaskList other) {
        return SetOperation.apply(this, other, true, false, false);
    }

    // ---------------------------------------------------------------- checks

    /**
     * Returns this list if every id is at most {@code lastId}, the jobfile being tasks
     * {@code 1..lastId}.
     *
     * @throws BadInputException naming the ids the jobfile does not have
     */
    public TaskList checkWithin(long lastId) {
        return checkWithin(lastId >= 1 ? range(1, lastId) : EMPTY);
    }

    /**
     * Returns this list if every id is in {@code existingIds} (a jobfile may have gaps).
     *
     * @throws BadInputException like {@code task list '3-20' is out of range: the jobfile has no
     *     tasks 13-20 (it has tasks 1-12)}
     */
    public TaskList checkWithin(TaskList existingIds) {
        TaskList missing = minus(existingIds);
        if (missing.isEmpty()) {
            return this;
        }
        String start = "task list '" + TaskListParser.shorten(toString()) + "' is out of range: ";
        if (existingIds.isEmpty()) {
            throw new BadInputException(start + "the jobfile has no tasks");
        }
        throw new BadInputException(start + "the jobfile has no task" + (missing.size() == 1 ? " " : "s ")
                + TaskListParser.shorten(missing.toString()) + " (it has tasks "
                + TaskListParser.shorten(existingIds.toString()) + ")");
    }

    // ---------------------------------------------------------------- text

    /**
     * The shortest text {@link #parse} reads back as this set (among texts whose items do not
     * overlap), e.g. {@code 1-3,5,8-9}; ties go to fewer items. Empty for an empty list. See
     * {@link Condenser} for the rule.
     */
    @Override
    public String toString() {
        return Condenser.condense(ranges());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskList other && count == other.count
                && Arrays.equals(firsts, 0, count, other.firsts, 0, count)
                && Arrays.equals(lasts, 0, count, other.lasts, 0, count)
                && Arrays.equals(steps, 0, count, other.steps, 0, count);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < count; i++) {
            hash = 31 * hash + Long.hashCode(firsts[i]);
            hash = 31 * hash + Long.hashCode(lasts[i]);
            hash = 31 * hash + Long.hashCode(steps[i]);
        }
        return hash;
    }

    // ---------------------------------------------------------------- for SetOperation

    int rangeCount() {
        return count;
    }

    long firstOf(int range) {
        return firsts[range];
    }

    long stepOf(int range) {
        return steps[range];
    }

    long sizeOf(int range) {
        return ends[range] - (range == 0 ? 0 : ends[range - 1]);
    }
}
