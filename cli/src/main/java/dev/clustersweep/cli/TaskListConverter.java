package dev.clustersweep.cli;

import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.BadInputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Task lists on the command line: {@code 1-3:1,5,8-9}. */
final class TaskListConverter implements ITypeConverter<TaskList> {
    @Override
    public TaskList convert(String value) {
        try {
            return TaskList.parse(value);
        } catch (BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
