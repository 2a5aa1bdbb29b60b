package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.engine.Backends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", sortOptions = false,
        description = {"Read or write per-backend header and footer lines for the wrapper scripts,",
                "e.g. sweep config --write slurm header \"module load cuda\"."})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--read", description = "Print every value that is set.")
    boolean read;

    @Option(names = "--write", arity = "3", paramLabel = "BACKEND KEY VALUE",
            description = "Set KEY (header or footer) of BACKEND to VALUE (repeatable).")
    List<String> write = new ArrayList<>();

    @Option(names = "--global", description = "Write to the user-wide file instead of .sweep/config.json here.")
    boolean global;

    @Override
    public Integer call() throws Exception {
        if (!read && write.isEmpty()) {
            throw new BadInputException("config needs --read or --write BACKEND header|footer TEXT");
        }
        SweepConfig config = SweepConfig.forWorkDir(Path.of("").toAbsolutePath());
        for (int i = 0; i < write.size(); i += 3) {
            Backends.check(write.get(i));
            if (!SweepConfig.KEYS.contains(write.get(i + 1))) {
                throw new BadInputException("bad config key '" + write.get(i + 1) + "': expected header or footer");
            }
        }
        for (int i = 0; i < write.size(); i += 3) {
            config.set(global, write.get(i), write.get(i + 1), write.get(i + 2));
        }
        if (read) {
            var out = spec.commandLine().getOut();
            config.all().forEach((backend, values) -> values.forEach((key, value) -> {
                out.println("[" + backend + "] " + key + ":");
                value.lines().forEach(line -> out.println("    " + line));
            }));
        }
        return 0;
    }
}
