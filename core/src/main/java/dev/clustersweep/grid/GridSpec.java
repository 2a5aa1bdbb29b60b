package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sweep runs: a command and the grid of values it is run over, in onager's terms. The
 * order of {@code posArgs}, {@code args} and {@code flags} is the order of the words in every
 * task's command, and decides the order of tasks (see {@link Grid}).
 *
 * @param command   shell text every task's command starts with
 * @param jobName   names the sweep and starts every tag
 * @param args      named arguments, in the order given
 * @param posArgs   positional arguments: each a non-empty list of alternative values
 * @param flags     switches, each swept on and off
 * @param tagName   the argument that receives each task's tag ({@code --tag}), or null for no tag
 * @param tagArgs   names of the args whose values go into the tag; null means all args
 * @param tagNumber whether the tag carries the task id ({@code JOBNAME_07__...})
 * @param argMode   how an arg's name and value are joined
 */
public record GridSpec(String command, String jobName, List<GridArg> args, List<List<String>> posArgs,
        List<String> flags, String tagName, List<String> tagArgs, boolean tagNumber, ArgMode argMode) {

    public GridSpec {
        if (command == null || command.isBlank()) {
            throw new BadInputException("bad +command '" + (command == null ? "" : command)
                    + "': expected the program to run, e.g. +command 'python train.py'");
        }
        SweepDirectory.checkJobName(jobName);
        args = List.copyOf(args == null ? List.of() : args);
        Set<String> names = new HashSet<>();
        for (GridArg arg : args) {
            if (!names.add(arg.name())) {
                throw new BadInputException("+arg " + arg.name() + " is given twice: expected each arg name once");
            }
        }
        List<List<String>> positional = new ArrayList<>();
        for (List<String> values : posArgs == null ? List.<List<String>>of() : posArgs) {
            if (values == null || values.isEmpty()) {
                throw new BadInputException("+pos-arg has no values: expected +pos-arg VALUE [VALUE...]");
            }
            positional.add(List.copyOf(values));
        }
        posArgs = List.copyOf(positional);
        flags = List.copyOf(flags == null ? List.of() : flags);
        for (String flag : flags) {
            if (flag.isEmpty()) {
                throw new BadInputException("bad +flag '': expected a switch name, e.g. +flag --use-gpu");
            }
        }
        if (tagName != null && tagName.isEmpty()) {
            throw new BadInputException("bad +tag '': expected the name of the argument that takes the tag,"
                    + " e.g. +tag --run-tag, or +tag alone for --tag");
        }
        if (tagArgs != null) {
            tagArgs = List.copyOf(tagArgs);
            // onager only warns here; a name that is not an arg is almost surely a typo, and the tag
            // would silently lack it, so we refuse it.
            for (String name : tagArgs) {
                if (!names.contains(name)) {
                    throw new BadInputException("bad +tag-args name '" + name + "': expected one of the +arg names "
                            + args.stream().map(GridArg::name).toList());
                }
            }
        }
        if (argMode == null) {
            argMode = ArgMode.ARGPARSE;
        }
    }

    public static Builder builder(String command, String jobName) {
        return new Builder(command, jobName);
    }

    public boolean tagged() {
        return tagName != null;
    }

    /** Whether an arg's name (and value) goes into the tag. */
    public boolean inTag(GridArg arg) {
        return tagArgs == null || tagArgs.contains(arg.name());
    }

    /** Collects a spec piece by piece, in the order the words appear in the command. */
    public static final class Builder {
        private final String command;
        private final String jobName;
        private final List<GridArg> args = new ArrayList<>();
        private final List<List<String>> posArgs = new ArrayList<>();
        private final List<String> flags = new ArrayList<>();
        private String tagName;
        private List<String> tagArgs;
        private boolean tagNumber = true;
        private ArgMode argMode = ArgMode.ARGPARSE;

        private Builder(String command, String jobName) {
            this.command = command;
            this.jobName = jobName;
        }

        public Builder arg(String name, String... values) {
            args.add(new GridArg(name, values));
            return this;
        }

        public Builder arg(GridArg arg) {
            args.add(arg);
            return this;
        }

        public Builder posArg(String... values) {
            posArgs.add(List.of(values));
            return this;
        }

        public Builder posArg(List<String> values) {
            posArgs.add(values);
            return this;
        }

        public Builder flag(String name) {
            flags.add(name);
            return this;
        }

        public Builder tag(String name) {
            tagName = name;
            return this;
        }

        public Builder tagArgs(List<String> names) {
            tagArgs = names;
            return this;
        }

        public Builder tagNumber(boolean on) {
            tagNumber = on;
            return this;
        }

        public Builder argMode(ArgMode mode) {
            argMode = mode;
            return this;
        }

        public GridSpec build() {
            return new GridSpec(command, jobName, args, posArgs, flags, tagName, tagArgs, tagNumber, argMode);
        }
    }
}
