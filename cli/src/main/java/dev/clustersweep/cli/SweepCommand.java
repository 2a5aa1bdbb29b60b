package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code sweep}: run a program over a grid of arguments as job arrays on Slurm, Grid Engine or local
 * cores. A drop-in for onager's command line.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, version = "sweep 0.1.0",
        description = "Run a program over a grid of arguments as job arrays on Slurm, Grid Engine or local cores.",
        subcommands = {PrelaunchCommand.class, LaunchCommand.class, SearchCommand.class, StatusCommand.class, ResultsCommand.class,
                ReportCommand.class,
                ListCommand.class, CancelCommand.class, ConfigCommand.class, LaunchersCommand.class, HelpCommand.class},
        footer = {"", "Exit status: 0 when every task succeeded, 1 when some task did not, 2 for bad input,",
                "3 when the scheduler refused or could not be reached, 4 for an internal error."})
public final class SweepCommand implements Runnable {

    public static final int EXIT_TASKS_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_SCHEDULER = 3;
    /** The system refused: permission denied, a full or read-only disk. Shares 3 with the scheduler. */
    public static final int EXIT_SYSTEM = 3;
    public static final int EXIT_INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: prelaunch, launch, "
                + "status, results, report, list, cancel, config or help");
    }

    public static void main(String[] args) {
        // Without a locale the JVM's charset is ASCII: what we print (a task's command, a value in a
        // message) is written as UTF-8 then, as the files are.
        java.nio.charset.Charset charset = java.nio.charset.Charset.defaultCharset();
        if (charset.equals(java.nio.charset.StandardCharsets.US_ASCII)) {
            charset = java.nio.charset.StandardCharsets.UTF_8;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        if (args.length == 2 && args[0].equals(ArgsFile.OPTION)) {
            try {
                args = ArgsFile.read(java.nio.file.Path.of(args[1]));
            } catch (dev.clustersweep.BadInputException e) {
                err.println("sweep: " + e.getMessage());
                System.exit(EXIT_BAD_INPUT);
            }
        }
        System.exit(execute(args, out, err));
    }

    static RuntimeException systemRefused(Exception e) {
        java.io.UncheckedIOException unchecked = e instanceof java.io.UncheckedIOException u ? u
                : new java.io.UncheckedIOException(e.getMessage(), (java.io.IOException) e);
        return dev.clustersweep.io.FileProblems.describe(unchecked);
    }

    /** Runs the command line; returns the exit status instead of exiting, for tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("prelaunch")) {
            // Prelaunch takes onager's raw words: skip building the whole command model, which costs
            // more than expanding a 40,000-task grid (see docs/performance.md).
            return PrelaunchCommand.run(java.util.Arrays.asList(args).subList(1, args.length), err);
        }
        CommandLine cli = new CommandLine(new SweepCommand());
        cli.setOut(out).setErr(err);
        cli.getSubcommands().get("prelaunch").setUnmatchedOptionsArePositionalParams(true);
        LaunchCommand.addSettingOptions(cli.getSubcommands().get("launch").getCommandSpec());
        LaunchCommand.addSettingOptions(cli.getSubcommands().get("search").getCommandSpec());
        cli.setParameterExceptionHandler((e, a) -> {
            String name = e.getCommandLine().getCommandName();
            String help = name.equals("sweep") ? "sweep help" : "sweep help " + name;
            err.println("sweep: " + e.getMessage().replace('\n', ' ') + " (see '" + help + "')");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException) {
                err.println("sweep: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof BackendException) {
                err.println("sweep: " + e.getMessage());
                return EXIT_SCHEDULER;
            }
            if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
                // The file system refused (permission, full or read-only disk): the system's doing, not ours.
                err.println("sweep: " + systemRefused(e).getMessage());
                return EXIT_SYSTEM;
            }
            // Not the user's input, not the scheduler: a bug of ours. Say so, with the trace to report.
            err.println("sweep: internal error, please report it with the trace below: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }
}
