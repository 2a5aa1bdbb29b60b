package dev.clustersweep.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.GridArg;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.io.FileProblems;
import dev.clustersweep.search.Sample;
import dev.clustersweep.search.SearchSection;
import dev.clustersweep.search.SearchSettings;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a search runs, kept in the sweep's {@code search.json} (docs/layout.md) so that any process
 * can take the next turn of it (the command line's, a Jenkins agent's after a restart, a
 * {@code --resume}): the grid each sample is a point of (the command and its fixed arguments) and
 * the {@code search:} section as it was given.
 *
 * @param base the command, job name and fixed arguments: a sample adds one value per parameter
 * @param section the spec's {@code search:} section, as given
 */
public record SearchPlan(GridSpec base, Map<String, Object> section) {

    private static final String SHAPE = "the sweep's search: {\"base\": the grid's command and fixed arguments, "
            + "\"section\": the spec's search section}, as a search launch writes it";

    public SearchPlan {
        section = Map.copyOf(section);
    }

    public SearchSettings settings() {
        return SearchSection.read(section);
    }

    /**
     * The grid of one sample: the base with each parameter's value as an argument of its own, named
     * as the base's arguments are ({@code --lr 0.01}, or {@code lr=0.01} in Hydra style). A base that
     * sweeps arguments of its own makes several tasks of one sample (seeds, say); the sample's value
     * is their mean.
     */
    public GridSpec grid(Sample sample) {
        List<GridArg> args = new ArrayList<>(base.args());
        for (Map.Entry<String, String> v : sample.values().entrySet()) {
            String name = base.argMode().optionName(v.getKey());
            if (args.stream().anyMatch(a -> a.name().equals(name))) {
                throw new BadInputException("search parameter '" + v.getKey() + "' is also an argument of the grid ("
                        + name + "): expected each name in one place only");
            }
            args.add(new GridArg(name, List.of(v.getValue())));
        }
        return new GridSpec(base.command(), base.jobName(), args, base.posArgs(), base.flags(), base.tagName(),
                base.tagArgs(), base.tagNumber(), base.argMode());
    }

    public static Path file(SweepDirectory dir) {
        return dir.root().resolve("search.json");
    }

    /** Whether this sweep is a search (its tasks are sampled, not a grid's). */
    public static boolean exists(SweepDirectory dir) {
        return FileProblems.exists(file(dir));
    }

    public void write(SweepDirectory dir) throws IOException {
        AtomicFiles.write(file(dir), out -> SweepJson.mapper().writeValue(out, this));
    }

    public static SearchPlan read(SweepDirectory dir) {
        Path file = file(dir);
        try (var in = Files.newInputStream(file)) {
            return SweepJson.mapper().readValue(in, new TypeReference<SearchPlan>() { });
        } catch (IOException e) {
            throw FileProblems.reading(file, SHAPE, e);
        } catch (RuntimeException e) {
            throw FileProblems.corrupt(file, SHAPE, e);
        }
    }
}
