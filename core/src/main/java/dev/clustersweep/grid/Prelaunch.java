package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.jobfile.JobFileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One prelaunch: expand a grid into a jobfile, as {@code onager prelaunch} does.
 *
 * @param spec    the grid
 * @param jobFile where the tasks go; relative paths are under the working directory
 * @param append  keep the tasks already in the jobfile and number the new ones after the largest id
 * @param quiet   do not print the commands
 */
public record Prelaunch(GridSpec spec, Path jobFile, boolean append, boolean quiet) {

    /** Print in blocks: a PrintStream on a terminal flushes at every newline it is handed. */
    private static final int PRINT_BLOCK = 1 << 16;

    public Prelaunch {
        if (spec == null || jobFile == null) {
            throw new IllegalArgumentException("spec and jobFile must not be null");
        }
    }

    /** Reads onager's {@code +} syntax; see {@link PrelaunchArgs}. */
    public static Prelaunch parse(java.util.List<String> words) {
        return PrelaunchArgs.parse(words);
    }

    public Path jobFile(Path workDir) {
        return workDir.resolve(jobFile);
    }

    /**
     * Writes the jobfile and prints each new task's command unless quiet. Everything is checked
     * first (the grid, and when appending the whole existing jobfile), so bad input writes nothing.
     *
     * @return the new tasks (their ids and commands)
     */
    public Grid run(Path workDir, PrintStream out) throws IOException {
        Path file = jobFile(workDir);
        if (!append) {
            refuseReplacingLaunchedTasks(file);
        }
        TaskBound bound = TaskBound.current();
        JobFile.Summary existing = append ? JobFile.scan(file) : new JobFile.Summary(0, 0);
        Grid grid = Grid.of(spec, existing.nextId());
        bound.check(Math.addExact(existing.size(), grid.size()));
        // The grids beside the jobfile name each task's parameters (sweep results); read before
        // anything is written, so a damaged one refuses the append rather than being lost.
        java.util.List<GridFile.Entry> grids = GridFile.plus(append ? GridFile.read(file) : java.util.List.of(),
                new GridFile.Entry(grid.firstId(), spec));
        StringBuilder lines = new StringBuilder(quiet ? 0 : PRINT_BLOCK + 1024);
        AtomicFiles.write(file, sink -> {
            try (JobFileWriter writer = new JobFileWriter(sink)) {
                if (append) {
                    copy(file, writer);
                }
                for (Job job : grid) {
                    writer.write(job);
                    if (!quiet) {
                        lines.append(job.command()).append('\n');
                        if (lines.length() >= PRINT_BLOCK) {
                            out.print(lines);
                            lines.setLength(0);
                        }
                    }
                }
            }
        });
        GridFile.write(file, grids);
        if (!quiet) {
            out.print(lines);
            out.flush();
        }
        return grid;
    }

    private static void copy(Path file, JobFileWriter writer) throws IOException {
        try (var reader = JobFile.open(file)) {
            while (reader.hasNext()) {
                writer.write(reader.next());
            }
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + " (it changed while appending)", e);
        }
    }

    /**
     * Records and logs of a launched sweep belong to its task ids: new commands under the same ids
     * would make them lie, and queued tasks would run commands they were not launched with.
     */
    private static void refuseReplacingLaunchedTasks(Path file) {
        Path submissions = file.toAbsolutePath().getParent().resolve("submissions");
        String[] records = submissions.toFile().list();
        if (records != null && records.length > 0) {
            throw new BadInputException("jobfile " + file + " belongs to a sweep that was launched: expected +append"
                    + " to add tasks, another +jobname, or removing " + file.getParent() + " first");
        }
    }
}
