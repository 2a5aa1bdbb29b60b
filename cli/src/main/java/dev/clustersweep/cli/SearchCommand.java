package dev.clustersweep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep search}: {@code sweep launch} of a spec with a {@code search:} section, whose tasks
 * an optimiser samples as results come in (docs/search.md); with {@code --resume}, going on with a
 * search whose driver died, from what its sweep directory holds.
 */
@Command(name = "search", sortOptions = false,
        description = {"Search: sample tasks from a spec's search section (grid, random or CEM) as results come in.",
                "Takes the options of 'sweep launch'; this process drives the search until its budget is spent."})
final class SearchCommand extends LaunchCommand {

    @Option(names = "--resume", description = "Go on with the search of --jobname from what its directory holds"
            + " (after its driver died): the same samples for the same seed and results.")
    boolean resume;

    @Option(names = "--settings", paramLabel = "FILE", description = "Take the search from a cluster_utils"
            + " hp_optimization settings file (JSON or YAML): its optimizer, optimization_setting and"
            + " optimized_params; its other fields are named in one warning.")
    java.nio.file.Path clusterUtilsFile;

    @Override
    java.nio.file.Path clusterUtilsSettings() {
        return clusterUtilsFile;
    }

    @Override
    boolean searchCommand() {
        return true;
    }

    @Override
    boolean resume() {
        return resume;
    }
}
