package dev.clustersweep.cli;

import dev.clustersweep.engine.Sweep;
import dev.clustersweep.tasks.TaskList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cancel", description = "Cancel a sweep's active tasks: all of them, or a task list.")
final class CancelCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = {"--tasklist", "-t"}, paramLabel = "LIST", converter = TaskListConverter.class,
            description = "Only these task ids (default: every active task).")
    TaskList tasks;

    @Override
    public Integer call() throws Exception {
        Sweep sweep = job.openExisting();
        TaskList cancelled = sweep.cancel(tasks);
        spec.commandLine().getOut().println(cancelled.isEmpty() ? "no active task to cancel"
                : "cancelled " + cancelled.size() + " task(s): " + cancelled);
        return 0;
    }
}
