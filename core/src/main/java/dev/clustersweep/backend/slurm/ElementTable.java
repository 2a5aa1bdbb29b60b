package dev.clustersweep.backend.slurm;

import dev.clustersweep.state.SchedulerTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What squeue or sacct said of array elements, by job id: each row one element or a range of
 * pending elements. Built by {@link #parseSqueue} and {@link #parseSacct} from their {@code |}
 * separated output.
 */
public final class ElementTable {

    /** One output line. */
    public record Row(ArrayJobId id, SchedulerTask task) {
    }

    /** squeue's arguments for this parser, after the job ids. */
    public static final String SQUEUE_FORMAT = "%i|%T|%r";
    /** sacct's fields for this parser. */
    public static final String SACCT_FIELDS = "JobID,State,ExitCode";

    // Elements one per line (running and finished ones) by index, so a poll of a large sweep is a
    // hash lookup per task; ranges (pending ones) are few and searched in order.
    private final Map<String, Map<Long, SchedulerTask>> singles = new HashMap<>();
    private final Map<String, List<Row>> ranges = new HashMap<>();

    private ElementTable(List<Row> rows) {
        for (Row row : rows) {
            List<dev.clustersweep.tasks.TaskRange> indexes = row.id().indexes();
            if (indexes.size() == 1 && indexes.get(0).size() == 1) {
                singles.computeIfAbsent(row.id().jobId(), j -> new HashMap<>())
                        .putIfAbsent(indexes.get(0).first(), row.task());
            } else {
                ranges.computeIfAbsent(row.id().jobId(), j -> new ArrayList<>()).add(row);
            }
        }
    }

    public static ElementTable empty() {
        return new ElementTable(List.of());
    }

    /** {@code squeue -h -t all -j IDS -o '%i|%T|%r'}. */
    public static ElementTable parseSqueue(String output) {
        return parse(output, 3, fields -> SlurmStates.map(fields[1], fields[2], null));
    }

    /** {@code sacct -X -P -n -j IDS -o JobID,State,ExitCode}. */
    public static ElementTable parseSacct(String output) {
        return parse(output, 3, fields -> SlurmStates.map(fields[1], null, fields[2]));
    }

    private static ElementTable parse(String output, int columns,
            java.util.function.Function<String[], SchedulerTask> mapper) {
        List<Row> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length < columns) {
                throw new IllegalArgumentException("unexpected line '" + line + "': expected " + columns
                        + " fields separated by |");
            }
            ArrayJobId id = ArrayJobId.parse(fields[0]);
            if (id.indexes() != null) {
                rows.add(new Row(id, mapper.apply(fields)));
            }
        }
        return new ElementTable(rows);
    }

    /** What the output said of element {@code index} of {@code jobId}, or null when it did not list it. */
    public SchedulerTask find(String jobId, long index) {
        Map<Long, SchedulerTask> single = singles.get(jobId);
        SchedulerTask task = single == null ? null : single.get(index);
        if (task != null) {
            return task;
        }
        List<Row> rows = ranges.get(jobId);
        if (rows != null) {
            for (Row row : rows) {
                if (row.id().contains(index)) {
                    return row.task();
                }
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return singles.isEmpty() && ranges.isEmpty();
    }
}
