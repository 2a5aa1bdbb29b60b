package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tasks best first by an objective. Only tasks that SUCCEEDED and reported the metric are ranked:
 * a run that failed halfway may have logged a fine loss before it crashed, and is not a result.
 * The others follow, in id order, unranked.
 *
 * @param ranked the tasks that SUCCEEDED with a value of the metric, best first (ties by id)
 * @param others every other task, in id order
 */
public record Ranking(List<TaskResult> ranked, List<TaskResult> others) {

    public static Ranking of(List<TaskResult> tasks, Objective objective) {
        // Each value looked up once, not at every comparison: 100,000 tasks are 1.7 million of them.
        record Entry(double value, TaskResult task) {
        }
        List<Entry> ranked = new ArrayList<>();
        List<TaskResult> others = new ArrayList<>();
        for (TaskResult t : tasks) {
            Double value = t.succeeded() ? t.value(objective.metric()) : null;
            if (value != null) {
                ranked.add(new Entry(value, t));
            } else {
                others.add(t);
            }
        }
        ranked.sort((a, b) -> {
            int c = objective.compare(a.value(), b.value());
            return c != 0 ? c : Long.compare(a.task().id(), b.task().id());
        });
        others.sort(Comparator.comparingLong(TaskResult::id));
        return new Ranking(ranked.stream().map(Entry::task).toList(), List.copyOf(others));
    }

    /**
     * The best {@code k} tasks, as {@code of(tasks, objective).top(k)} ranks them, and how many were
     * ranked in all: a bounded heap of {@code k}, not a sort of every task of a 100,000-task sweep.
     *
     * @param best the best {@code k} (or fewer) ranked tasks, best first
     * @param ranked how many tasks SUCCEEDED with a value of the metric
     */
    public record Top(List<TaskResult> best, int ranked) {

        public static Top of(List<TaskResult> tasks, Objective objective, int k) {
            record Entry(double value, TaskResult task) {
            }
            Comparator<Entry> better = (a, b) -> {
                int c = objective.compare(a.value(), b.value());
                return c != 0 ? c : Long.compare(a.task().id(), b.task().id());
            };
            // The worst of the best so far on top, to be pushed out by a better one.
            java.util.PriorityQueue<Entry> heap = new java.util.PriorityQueue<>(Math.max(1, k + 1), better.reversed());
            int ranked = 0;
            for (TaskResult t : tasks) {
                Double value = t.succeeded() ? t.value(objective.metric()) : null;
                if (value == null) {
                    continue;
                }
                ranked++;
                Entry e = new Entry(value, t);
                if (heap.size() < k) {
                    heap.add(e);
                } else if (k > 0 && better.compare(e, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(e);
                }
            }
            List<Entry> best = new ArrayList<>(heap);
            best.sort(better);
            return new Top(best.stream().map(Entry::task).toList(), ranked);
        }
    }

    /** The first {@code k} ranked tasks and none of the others. */
    public Ranking top(int k) {
        return new Ranking(ranked.subList(0, Math.min(k, ranked.size())), List.of());
    }
}
