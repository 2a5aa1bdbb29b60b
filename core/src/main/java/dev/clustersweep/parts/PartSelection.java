package dev.clustersweep.parts;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridFile;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.results.TaskParameters;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Gives each task to the first part whose selector matches its parameters; the tasks no part takes
 * are the rest, launched with the sweep's own settings. A part that takes no task is refused, with
 * the parameters (or the values) the tasks have, since it is most likely misspelt.
 */
public final class PartSelection {

    private PartSelection() {
    }

    /** The tasks of one part. */
    public record Selected(Part part, TaskList tasks) {
    }

    /**
     * @param parts each part with its tasks, in the order the parts were given
     * @param rest the tasks no part selected
     */
    public record Result(List<Selected> parts, TaskList rest) {
    }

    /** Each task's id and parameters, in id order. */
    @FunctionalInterface
    public interface Tasks {
        void forEach(BiConsumer<Long, Map<String, String>> each);
    }

    /** The tasks of a grid, named as the grid names its parameters. */
    public static Tasks ofGrid(Grid grid) {
        return each -> {
            for (long i = 0; i < grid.size(); i++) {
                each.accept(grid.firstId() + i, grid.parameters(i));
            }
        };
    }

    /** The tasks of a jobfile: by the grids beside it, else read back from each command (as results do). */
    public static Tasks ofJobFile(Path jobFile) {
        return each -> {
            TaskParameters names = new TaskParameters(GridFile.read(jobFile));
            JobFile.forEach(jobFile, job -> each.accept(job.id(), names.of(job)));
        };
    }

    /**
     * The tasks of each part, among {@code within} (null: all tasks).
     *
     * @throws BadInputException "bad part 'TEXT': ..." for a part that selects no task
     */
    public static Result select(List<Part> parts, Tasks tasks, TaskList within) {
        List<TaskList.Builder> taken = new ArrayList<>();
        parts.forEach(p -> taken.add(TaskList.builder()));
        TaskList.Builder rest = TaskList.builder();
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        parts.forEach(p -> p.selector().conditions().forEach(c -> values.putIfAbsent(c.name(), new LinkedHashSet<>())));
        tasks.forEach((id, params) -> {
            if (within != null && !within.contains(id)) {
                return;
            }
            names.addAll(params.keySet());
            values.forEach((name, seen) -> {
                String v = params.get(name);
                if (v != null && seen.size() <= MAX_VALUES_SHOWN) {
                    seen.add(v);
                }
            });
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).selector().matches(params)) {
                    taken.get(i).add(id);
                    return;
                }
            }
            rest.add(id);
        });
        List<Selected> selected = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            TaskList ids = taken.get(i).build();
            if (ids.isEmpty()) {
                throw new BadInputException("bad part '" + parts.get(i).text() + "': it selects no task"
                        + (within == null ? "" : " of " + within) + why(parts, i, names, values));
            }
            selected.add(new Selected(parts.get(i), ids));
        }
        return new Result(selected, rest.build());
    }

    private static final int MAX_VALUES_SHOWN = 8;

    /** What the tasks have instead: the parameter misspelt, or the values it takes. */
    private static String why(List<Part> parts, int index, Set<String> names, Map<String, Set<String>> values) {
        for (Selector.Condition c : parts.get(index).selector().conditions()) {
            if (!names.contains(c.name())) {
                return ": no task has a parameter '" + c.name() + "' (they have "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
            }
        }
        for (Selector.Condition c : parts.get(index).selector().conditions()) {
            Set<String> seen = values.get(c.name());
            if (c.values().stream().noneMatch(seen::contains)) {
                List<String> shown = new ArrayList<>(seen);
                String list = shown.size() > MAX_VALUES_SHOWN
                        ? String.join(", ", shown.subList(0, MAX_VALUES_SHOWN)) + ", ..." : String.join(", ", shown);
                return ": " + c.name() + " is one of " + list;
            }
        }
        return index == 0 ? ": no task has all of " + parts.get(index).name()
                : ": the parts before it took all its tasks (the first part that matches a task wins)";
    }
}
