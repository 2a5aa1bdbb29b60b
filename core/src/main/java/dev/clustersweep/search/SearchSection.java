package dev.clustersweep.search;

import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code search:} section of a spec (a map read from YAML or JSON):
 * <pre>
 * search:
 *   optimizer: cem          # grid | random | cem
 *   metric: loss
 *   minimize: true
 *   samples: 60
 *   parallel: 4
 *   seed: 1
 *   params:
 *     - {name: x, distribution: TruncatedNormal, bounds: [-5, 5]}
 *     - {name: opt, distribution: Discrete, options: [sgd, adam]}
 * </pre>
 * with, optionally, completedBeforeResubmit, withRestarts and numJobsInElite. Every key is ours,
 * so an unknown one is bad input (a misspelt {@code minimise} must not silently maximise nothing).
 */
public final class SearchSection {

    static final String KEY = "search";
    private static final List<String> KEYS = List.of("optimizer", "metric", "minimize", "samples", "parallel",
            "completedBeforeResubmit", "seed", "withRestarts", "numJobsInElite", "params");
    private static final List<String> PARAM_KEYS = List.of("name", "distribution", "bounds", "options");

    private SearchSection() {
    }

    /** The spec's search settings; empty when it has no {@code search:} section. */
    public static Optional<SearchSettings> fromSpec(Map<String, ?> spec) {
        Object section = spec.get(KEY);
        return section == null ? Optional.empty() : Optional.of(read(section));
    }

    /** The section itself (the value under {@code search:}). */
    public static SearchSettings read(Object section) {
        SettingsNode s = SettingsNode.of(section, KEY).requireObject();
        s.onlyKeys(KEYS);
        String name = s.text("optimizer", null);
        if (name == null) {
            throw new BadInputException("missing search.optimizer: expected grid, random or cem");
        }
        OptimizerKind kind = OptimizerKind.of(name);
        if (kind == null) {
            throw new BadInputException("bad search.optimizer '" + name + "': expected grid, random or cem");
        }
        if (!s.has("params")) {
            throw new BadInputException("missing search.params: expected a list of {name, distribution, bounds or options}");
        }
        List<SearchParam> params = new ArrayList<>();
        for (SettingsNode entry : s.list("params")) {
            entry.requireObject().onlyKeys(PARAM_KEYS);
            params.add(ParamReader.read(entry, "name"));
        }
        Long samples = s.has("samples") ? s.whole("samples", 0, 1) : null;
        int parallel = s.wholeInt("parallel", 1, 1);
        return SearchSettings.checked(kind, s.text("metric", null), s.bool("minimize", true), samples, parallel,
                s.wholeInt("completedBeforeResubmit", 1, 1), s.whole("seed", 0, Long.MIN_VALUE),
                s.bool("withRestarts", false), s.wholeInt("numJobsInElite", CemSearch.MIN_ELITE, 1), params,
                field -> KEY + "." + field);
    }
}
