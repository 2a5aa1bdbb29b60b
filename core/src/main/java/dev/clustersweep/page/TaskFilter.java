package dev.clustersweep.page;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clustersweep.BadInputException;
import dev.clustersweep.state.TaskState;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which tasks the table shows, by state. Its text form, for a URL parameter, is {@code all},
 * {@code failed} (FAILED, TIMEOUT, CANCELLED, LOST and ERROR: what "relaunch failed" relaunches)
 * or state names separated by commas, in any case: {@code running,pending}.
 */
public record TaskFilter(Set<TaskState> states) {

    private static final Set<TaskState> ALL = EnumSet.allOf(TaskState.class);
    private static final Set<TaskState> FAILED = EnumSet.of(TaskState.FAILED, TaskState.TIMEOUT,
            TaskState.CANCELLED, TaskState.LOST, TaskState.ERROR);

    public TaskFilter {
        if (states == null || states.isEmpty()) {
            throw new BadInputException("a task filter needs at least one state: expected all, failed or states like "
                    + "FAILED,TIMEOUT");
        }
        // An EnumSet iterates in TaskState order, so the JSON lists the states in the bar's order.
        states = Collections.unmodifiableSet(EnumSet.copyOf(states));
    }

    public static TaskFilter all() {
        return new TaskFilter(ALL);
    }

    /** The unsuccessful states, as {@link TaskState#isUnsuccessful()}. */
    public static TaskFilter failed() {
        return new TaskFilter(FAILED);
    }

    public static TaskFilter of(TaskState first, TaskState... more) {
        return new TaskFilter(EnumSet.of(first, more));
    }

    public static TaskFilter of(Collection<TaskState> states) {
        return new TaskFilter(states == null || states.isEmpty() ? Set.of() : EnumSet.copyOf(states));
    }

    /** Reads the text form; null or blank is {@code all}. */
    public static TaskFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return all();
        }
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).equals("all")) {
            return all();
        }
        // The group is the word in lower case; the state FAILED alone is written as states are, in
        // capitals (the page links each state by its name: ?filter=FAILED showed CANCELLED too).
        if (t.equals("failed")) {
            return failed();
        }
        Set<TaskState> states = EnumSet.noneOf(TaskState.class);
        for (String name : t.split(",", -1)) {
            try {
                states.add(TaskState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("bad task filter '" + text + "': '" + name.strip()
                        + "' is not a state; expected all, failed, or states from " + ALL + " separated by commas");
            }
        }
        return new TaskFilter(states);
    }

    @JsonIgnore
    public boolean isAll() {
        return states.size() == ALL.size();
    }

    public boolean matches(TaskState state) {
        return states.contains(state);
    }

    /** The text form that {@link #parse} reads back: all, failed, or the states in order. */
    @JsonProperty("text")
    public String text() {
        if (isAll()) {
            return "all";
        }
        if (states.equals(FAILED)) {
            return "failed";
        }
        StringJoiner names = new StringJoiner(",");
        for (TaskState state : TaskState.values()) {
            if (states.contains(state)) {
                names.add(state.name());
            }
        }
        return names.toString();
    }

    /** How many tasks the filter lets through, from the page's counts: no pass over the tasks. */
    public long count(SweepProgress progress) {
        long n = 0;
        for (StateCount state : progress.states()) {
            if (matches(state.state())) {
                n += state.count();
            }
        }
        return n;
    }
}
