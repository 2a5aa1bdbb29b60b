package dev.clustersweep.parts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridArg;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.tasks.TaskList;
import java.util.List;
import org.junit.Test;

public class PartSelectionTest {

    /** model large, small, tiny by lr 0.1, 0.2: tasks 1-6, model the slower digit. */
    private static final Grid GRID = Grid.of(new GridSpec("python train.py", "g", List.of(
            new GridArg("--model", List.of("large", "small", "tiny")), new GridArg("--lr", List.of("0.1", "0.2"))),
            List.of(), List.of(), null, null, true, ArgMode.ARGPARSE));

    private static List<Part> parts(String... texts) {
        return java.util.Arrays.stream(texts).map(Part::parse).toList();
    }

    private static String ids(String model) {
        TaskList.Builder b = TaskList.builder();
        for (long i = 0; i < GRID.size(); i++) {
            if (GRID.parameters(i).get("model").equals(model)) {
                b.add(GRID.firstId() + i);
            }
        }
        return b.build().toString();
    }

    @Test
    public void theFirstMatchingPartTakesATaskAndTheRestAreLeft() {
        PartSelection.Result r = PartSelection.select(parts("model=large: cuda() * 2",
                "model=large|small: cpu(cores=1)"), PartSelection.ofGrid(GRID), null);
        assertEquals(ids("large"), r.parts().get(0).tasks().toString());
        assertEquals(ids("small"), r.parts().get(1).tasks().toString());
        assertEquals(ids("tiny"), r.rest().toString());
    }

    @Test
    public void onlyTheTasksAskedForAreSelected() {
        TaskList within = TaskList.parse(ids("large")).union(TaskList.parse(ids("small")));
        PartSelection.Result r = PartSelection.select(parts("model=small: cpu(cores=1)"),
                PartSelection.ofGrid(GRID), within);
        assertEquals(ids("small"), r.parts().get(0).tasks().toString());
        assertEquals(ids("large"), r.rest().toString());
    }

    @Test
    public void aPartThatSelectsNothingSaysWhatTheTasksHave() {
        assertEquals("bad part 'modle=large: cuda()': it selects no task: no task has a parameter 'modle' "
                + "(they have lr, model)", error("modle=large: cuda()"));
        assertEquals("bad part 'model=huge: cuda()': it selects no task: model is one of large, small, tiny",
                error("model=huge: cuda()"));
        assertEquals("bad part 'model=large: cpu(cores=1)': it selects no task: the parts before it took all its "
                + "tasks (the first part that matches a task wins)", error("model=large|small: cuda()",
                        "model=large: cpu(cores=1)"));
    }

    private static String error(String... texts) {
        return assertThrows(BadInputException.class,
                () -> PartSelection.select(parts(texts), PartSelection.ofGrid(GRID), null)).getMessage();
    }
}
