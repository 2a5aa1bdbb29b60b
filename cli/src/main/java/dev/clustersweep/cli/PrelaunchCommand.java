package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.Prelaunch;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "prelaunch", description = {"Expand a grid of arguments into the sweep's tasks (jobs.json),"
        + " with onager's syntax:",
        "  +command TEXT  +jobname NAME  [+jobfile PATH]  [+arg-mode argparse|hydra]",
        "  [+arg NAME [VALUE...]]...  [+pos-arg VALUE...]...  [+flag NAME]...",
        "  [+tag [NAME]]  [+tag-args NAME...]  [+no-tag-number]  [+a|+append]  [+q|+quiet]",
        "Prints one command per task. Values the shell would change are quoted so each task gets them as given.",
        "See docs/prelaunch.md."})
final class PrelaunchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "+OPTION", description = "onager's prelaunch options, as above.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return run(words, spec.commandLine().getErr());
    }

    /** Prelaunches; bad input is one line on {@code err} and exit status 2. */
    static int run(List<String> words, PrintWriter err) {
        try {
            Prelaunch prelaunch = Prelaunch.parse(words);
            // Straight to stdout, buffered: a million lines through a PrintWriter per line is slow.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            prelaunch.run(Path.of("").toAbsolutePath(), out);
            out.flush();
            return 0;
        } catch (BadInputException e) {
            err.println("sweep: " + e.getMessage());
            err.flush();
            return SweepCommand.EXIT_BAD_INPUT;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("sweep: " + SweepCommand.systemRefused(e).getMessage());
            err.flush();
            return SweepCommand.EXIT_SYSTEM;
        }
    }
}
