package dev.clustersweep.page;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.tasks.TaskList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;

/**
 * What a button will do to a selection, before it does it: which tasks it acts on, which it skips
 * and why, grouped by state, so the page can ask "Relaunch 12 tasks? 3 are still running and will
 * be skipped." and then hand {@link #acted()} to the engine ({@code Sweep.cancel} or a
 * {@code LaunchRequest}'s task list). Cancel acts on PENDING and RUNNING tasks only; relaunch acts on
 * all others, including tasks never launched, and skips the active ones, which the engine would
 * refuse.
 *
 * @param acted the ids to pass to the engine; empty when nothing applies
 * @param actedGroups {@code acted}, by state; a group with a null state holds tasks never launched
 * @param skipped the rest of the selection, by state, each with the reason
 */
public record ActionPlan(TaskAction action, TaskList selected, TaskList acted, List<Group> actedGroups,
        List<Group> skipped) {

    /**
     * Selected tasks in one state.
     *
     * @param state null for tasks not launched yet
     * @param reason why they are acted on or skipped, plain English
     */
    public record Group(TaskState state, TaskList ids, String reason) {
        public long size() {
            return ids.size();
        }

        /** "2 RUNNING (4-5)", "1 not launched (9)". */
        public String describe() {
            return ids.size() + " " + (state == null ? "not launched" : state.name()) + " (" + ids + ")";
        }
    }

    public ActionPlan {
        actedGroups = List.copyOf(actedGroups);
        skipped = List.copyOf(skipped);
    }

    /** The plan for {@code action} on {@code selected}; tasks absent from the status are "not launched". */
    public static ActionPlan of(TaskAction action, TaskList selected, SweepStatus status) {
        Map<TaskState, TaskList.Builder> byState = new EnumMap<>(TaskState.class);
        TaskList.Builder notLaunched = TaskList.builder();
        // Both lists ascend: one merge walk, O(selected + tasks), however large either is.
        List<TaskStatus> tasks = status.tasks();
        int t = 0;
        PrimitiveIterator.OfLong ids = selected.iterator();
        while (ids.hasNext()) {
            long id = ids.nextLong();
            while (t < tasks.size() && tasks.get(t).id() < id) {
                t++;
            }
            if (t < tasks.size() && tasks.get(t).id() == id) {
                byState.computeIfAbsent(tasks.get(t).state(), s -> TaskList.builder()).add(id);
            } else {
                notLaunched.add(id);
            }
        }
        List<Group> acted = new ArrayList<>();
        List<Group> skipped = new ArrayList<>();
        for (Map.Entry<TaskState, TaskList.Builder> e : byState.entrySet()) {
            TaskState state = e.getKey();
            TaskList group = e.getValue().build();
            boolean acts = action == TaskAction.CANCEL ? state.isActive() : !state.isActive();
            (acts ? acted : skipped).add(new Group(state, group, reason(action, state)));
        }
        TaskList never = notLaunched.build();
        if (!never.isEmpty()) {
            (action == TaskAction.RELAUNCH ? acted : skipped).add(new Group(null, never, action == TaskAction.RELAUNCH
                    ? "never launched: launched now for the first time" : "never launched: nothing to cancel"));
        }
        TaskList actedIds = TaskList.unionAll(acted.stream().map(Group::ids).toList());
        return new ActionPlan(action, selected, actedIds, acted, skipped);
    }

    public static ActionPlan cancel(TaskList selected, SweepStatus status) {
        return of(TaskAction.CANCEL, selected, status);
    }

    public static ActionPlan relaunch(TaskList selected, SweepStatus status) {
        return of(TaskAction.RELAUNCH, selected, status);
    }

    private static String reason(TaskAction action, TaskState state) {
        if (action == TaskAction.CANCEL) {
            return state.isActive() ? state.name() + ": cancelled" : "already ended " + state.name()
                    + ": nothing to cancel";
        }
        return state.isActive() ? "still " + state.name() + ": cancel it or let it end first"
                : "ended " + state.name() + ": launched again as a new attempt";
    }

    public boolean nothingToDo() {
        return acted.isEmpty();
    }

    /**
     * One paragraph for the confirmation: "Cancel 3 tasks: 2 RUNNING (1-2), 1 PENDING (5). Skipped 2
     * tasks: 2 already ended (SUCCEEDED 6-7)."
     */
    public String message() {
        String verb = action == TaskAction.CANCEL ? "Cancel" : "Relaunch";
        StringBuilder text = new StringBuilder();
        if (acted.isEmpty()) {
            text.append(action == TaskAction.CANCEL
                    ? "Nothing to cancel: none of the " + tasks(selected.size()) + " selected is PENDING or RUNNING."
                    : "Nothing to relaunch: all " + tasks(selected.size()) + " selected are still PENDING or RUNNING.");
        } else {
            text.append(verb).append(' ').append(tasks(acted.size())).append(": ");
            appendGroups(text, actedGroups);
            text.append('.');
        }
        if (!skipped.isEmpty()) {
            long count = skipped.stream().mapToLong(Group::size).sum();
            text.append(" Skipped ").append(tasks(count)).append(": ");
            appendGroups(text, skipped);
            text.append(action == TaskAction.CANCEL ? " (only PENDING and RUNNING tasks can be cancelled)."
                    : " (still active: cancel them or let them end first).");
        }
        return text.toString();
    }

    private static void appendGroups(StringBuilder text, List<Group> groups) {
        for (int i = 0; i < groups.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(groups.get(i).describe());
        }
    }

    private static String tasks(long n) {
        return n + (n == 1 ? " task" : " tasks");
    }
}
