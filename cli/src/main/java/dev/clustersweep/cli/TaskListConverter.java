package dev.clustersweep.cli;

import dev.clustersweep.tasks.TaskList;
import picocli.CommandLine.ITypeConverter;

/** Task lists on the command line: {@code 1-3:1,5,8-9}. */
final class TaskListConverter implements ITypeConverter<TaskList> {
    @Override
    public TaskList convert(String value) {
        return TaskList.parse(value);
    }
}
