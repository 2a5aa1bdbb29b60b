package dev.clustersweep.tasks;

/**
 * Union, intersection and difference of two task lists by walking both in increasing order.
 *
 * <p>The walk moves in bulk wherever it can: the part of one list's current range that lies below
 * the other list's next id is taken in one step, and where both lists sit on the same id with the same
 * step their common stretch is taken in one step. Only ranges that truly interleave with different
 * steps are walked id by id. So lists of a few long runs cost O(ranges), and the worst case is
 * O(ids), which is fine for millions.
 */
final class SetOperation {

    private SetOperation() {
    }

    /**
     * The ids kept by the rule: those only in {@code a} if {@code keepOnlyA}, only in {@code b} if
     * {@code keepOnlyB}, in both if {@code keepBoth}.
     */
    static TaskList apply(TaskList a, TaskList b, boolean keepOnlyA, boolean keepOnlyB, boolean keepBoth) {
        TaskList.Builder out = TaskList.builder();
        Cursor x = new Cursor(a);
        Cursor y = new Cursor(b);
        while (!x.done() && !y.done()) {
            if (x.id < y.id) {
                x.take(x.countBelow(y.id), keepOnlyA ? out : null);
            } else if (y.id < x.id) {
                y.take(y.countBelow(x.id), keepOnlyB ? out : null);
            } else if (x.step() == y.step()) {
                long together = Math.min(x.left, y.left);
                x.take(together, keepBoth ? out : null);
                y.take(together, null);
            } else if (!nested(x, y, keepOnlyA, keepBoth, out) && !nested(y, x, keepOnlyB, keepBoth, out)) {
                x.take(1, keepBoth ? out : null);
                y.take(1, null);
            }
        }
        if (keepOnlyA) {
            x.takeRest(out);
        }
        if (keepOnlyB) {
            y.takeRest(out);
        }
        return out.build();
    }

    /**
     * Both cursors are on the same id and {@code coarse}'s step is a multiple of {@code fine}'s, so
     * over their common stretch every id of {@code coarse} is also in {@code fine}: handles that
     * stretch in O(1) and returns true, or returns false when the ids to keep are not one range.
     */
    private static boolean nested(Cursor fine, Cursor coarse, boolean keepOnlyFine, boolean keepBoth,
            TaskList.Builder out) {
        long fineStep = fine.step();
        long coarseStep = coarse.step();
        if (coarseStep % fineStep != 0) {
            return false;
        }
        long start = fine.id;
        long end = Math.min(fine.lastInRange(), coarse.lastInRange());
        long fineCount = (end - start) / fineStep + 1;
        long coarseCount = (end - start) / coarseStep + 1;
        if (keepOnlyFine && keepBoth) {
            fine.take(fineCount, out); // all of fine's stretch, which holds coarse's
            coarse.take(coarseCount, null);
        } else if (keepOnlyFine) {
            // Fine's ids that coarse lacks form one range only when coarse takes every other one.
            if (coarseStep != 2 * fineStep) {
                return false;
            }
            long onlyFine = fineCount - coarseCount;
            if (onlyFine > 0) {
                out.addInOrder(start + fineStep, start + fineStep + (onlyFine - 1) * coarseStep, coarseStep);
            }
            fine.take(fineCount, null);
            coarse.take(coarseCount, null);
        } else {
            coarse.take(coarseCount, keepBoth ? out : null);
            fine.take(fineCount, null);
        }
        return true;
    }

    /** A position in a task list: the next id and how many ids its range has left from there. */
    private static final class Cursor {
        private final TaskList list;
        private int range;
        long id;
        long left;

        Cursor(TaskList list) {
            this.list = list;
            load();
        }

        boolean done() {
            return range >= list.rangeCount();
        }

        long step() {
            return list.stepOf(range);
        }

        /** The last id of the current range. */
        long lastInRange() {
            return id + (left - 1) * step();
        }

        /** How many of the current range's remaining ids are below {@code bound} (> id): at least 1. */
        long countBelow(long bound) {
            return Math.min(left, (bound - id - 1) / step() + 1);
        }

        /** Moves past the next {@code n} ids of the current range, adding them to {@code out} if given. */
        void take(long n, TaskList.Builder out) {
            long step = step();
            if (out != null) {
                out.addInOrder(id, id + (n - 1) * step, step);
            }
            left -= n;
            if (left == 0) {
                range++;
                load();
            } else {
                id += n * step;
            }
        }

        void takeRest(TaskList.Builder out) {
            while (!done()) {
                take(left, out);
            }
        }

        private void load() {
            if (!done()) {
                id = list.firstOf(range);
                left = list.sizeOf(range);
            }
        }
    }
}
