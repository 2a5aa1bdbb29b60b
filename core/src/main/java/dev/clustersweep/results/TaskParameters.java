package dev.clustersweep.results;

import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridFile;
import dev.clustersweep.jobfile.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names each task's parameters. A task a grid of {@code grids.json} made is given the grid's
 * values (exact, whatever the quoting), but only when the grid gives exactly the task's command:
 * a jobfile replaced or edited since then is not misread. Any other task's parameters are read
 * back from its command ({@link CommandParameters}).
 */
public final class TaskParameters {

    private final List<Grid> grids = new ArrayList<>();

    public TaskParameters(List<GridFile.Entry> entries) {
        for (GridFile.Entry entry : entries) {
            grids.add(entry.grid());
        }
    }

    public Map<String, String> of(Job job) {
        for (Grid grid : grids) {
            if (job.id() >= grid.firstId() && job.id() <= grid.lastId()) {
                long index = job.id() - grid.firstId();
                if (grid.job(index).command().equals(job.command())) {
                    return grid.parameters(index);
                }
            }
        }
        return CommandParameters.parse(job.command(), job.tag());
    }
}
