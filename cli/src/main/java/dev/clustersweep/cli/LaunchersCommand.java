package dev.clustersweep.cli;

import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.launchers.Detection;
import dev.clustersweep.launchers.LaunchersFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "launchers", description = "Where tasks can run, for sweep launch --requires (docs/launchers.md).",
        subcommands = LaunchersCommand.Detect.class)
final class LaunchersCommand {

    @Command(name = "detect", sortOptions = false,
            description = {"Write the launchers file from the machine and the cluster itself (scontrol, qhost, qconf).",
                    "Writes .sweep/launchers.yaml here, or the user's file with --user; edit weights and tags after."})
    static final class Detect implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--user", description = "Write ~/.config/cluster-sweep/launchers.yaml instead.")
        boolean user;

        @Option(names = "--print", description = "Print the file; write nothing.")
        boolean print;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Detection found = Detection.run(new CommandRunner(Duration.ofSeconds(30)));
            if (print) {
                out.print(found.file().toYaml());
                out.flush();
                return 0;
            }
            Path file = user ? LaunchersFile.userFile() : LaunchersFile.projectFile(Path.of("").toAbsolutePath());
            found.file().write(file);
            found.notes().forEach(out::println);
            out.println("wrote " + found.file().launchers().size() + " launcher(s) to " + file);
            return 0;
        }
    }
}
