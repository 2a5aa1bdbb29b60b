package dev.clustersweep.search;

import dev.clustersweep.BadInputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search settings in a cluster_utils hp_optimization settings file (a map read from its JSON,
 * YAML or TOML): {@code optimizer_str} ({@code cem_metaoptimizer} or {@code gridsearch}),
 * {@code optimizer_settings.with_restarts / num_jobs_in_elite}, {@code optimization_setting.
 * metric_to_optimize / minimize / number_of_samples / n_jobs_per_iteration /
 * n_completed_jobs_before_resubmit} and {@code optimized_params} ({@code param}, {@code distribution},
 * {@code bounds}, {@code options}).
 *
 * <p>The rest of such a file (git_params, environment_setup, kill_bad_jobs_early, ...) has no meaning
 * for the search: it is named in one warning, not refused, so a working cluster_utils file can be
 * brought over as it is. A caller that reads some of those fields itself names them in
 * {@code handledElsewhere}. cluster_utils has no seed: the search's is 0.
 */
public final class ClusterUtilsSettings {

    private static final List<String> USED = List.of("optimizer_str", "optimizer_settings", "optimization_setting", "optimized_params");
    private static final List<String> OPTIMIZER_KEYS = List.of("with_restarts", "num_jobs_in_elite");
    private static final List<String> SETTING_KEYS = List.of("metric_to_optimize", "minimize", "number_of_samples",
            "n_jobs_per_iteration", "n_completed_jobs_before_resubmit");
    private static final List<String> PARAM_KEYS = List.of("param", "distribution", "bounds", "options");

    /** The settings, and at most one warning naming every field that was ignored. */
    public record Imported(SearchSettings settings, List<String> warnings) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Imported {
            warnings = List.copyOf(warnings);
        }
    }

    private ClusterUtilsSettings() {
    }

    public static Imported read(Map<String, ?> file) {
        return read(file, Set.of());
    }

    /** As {@link #read(Map)}; the top-level fields in {@code handledElsewhere} are not warned about. */
    public static Imported read(Map<String, ?> file, Collection<String> handledElsewhere) {
        SettingsNode root = SettingsNode.of(file, "").requireObject();
        List<String> ignored = new ArrayList<>();
        for (String key : root.unknown(USED)) {
            if (!handledElsewhere.contains(key)) {
                ignored.add(key);
            }
        }

        String optimizerStr = root.text("optimizer_str", null);
        OptimizerKind kind;
        if (optimizerStr == null) {
            throw new BadInputException("missing optimizer_str: expected cem_metaoptimizer or gridsearch");
        } else if (optimizerStr.equals("cem_metaoptimizer")) {
            kind = OptimizerKind.CEM;
        } else if (optimizerStr.equals("gridsearch")) {
            kind = OptimizerKind.GRID;
        } else {
            throw new BadInputException("bad optimizer_str '" + optimizerStr + "': expected cem_metaoptimizer or gridsearch"
                    + (optimizerStr.equals("nevergrad") ? " (nevergrad is not supported)" : ""));
        }

        SettingsNode opt = section(root, "optimizer_settings");
        SettingsNode set = section(root, "optimization_setting");
        if (set == null) {
            throw new BadInputException("missing optimization_setting: expected metric_to_optimize, minimize, number_of_samples, ...");
        }
        if (opt != null) {
            ignored.addAll(opt.unknown(OPTIMIZER_KEYS));
        }
        ignored.addAll(set.unknown(SETTING_KEYS));

        if (!root.has("optimized_params")) {
            throw new BadInputException("missing optimized_params: expected a list of {param, distribution, bounds or options}");
        }
        List<SearchParam> params = new ArrayList<>();
        for (SettingsNode entry : root.list("optimized_params")) {
            entry.requireObject();
            ignored.addAll(entry.unknown(PARAM_KEYS));
            params.add(ParamReader.read(entry, "param"));
        }

        Long samples = set.has("number_of_samples") ? set.whole("number_of_samples", 0, 1) : null;
        int parallel = set.wholeInt("n_jobs_per_iteration", 1, 1);
        SearchSettings settings = SearchSettings.checked(kind, set.text("metric_to_optimize", null),
                set.bool("minimize", true), samples, parallel, set.wholeInt("n_completed_jobs_before_resubmit", 1, 1), 0,
                opt != null && opt.bool("with_restarts", false),
                opt == null ? CemSearch.MIN_ELITE : opt.wholeInt("num_jobs_in_elite", CemSearch.MIN_ELITE, 1), params,
                ClusterUtilsSettings::key);
        List<String> warnings = ignored.isEmpty() ? List.of()
                : List.of("cluster_utils settings with no meaning for the search, ignored: " + String.join(", ", ignored));
        return new Imported(settings, warnings);
    }

    /**
     * The file's search as our {@code search:} section (what a sweep's search.json keeps), once
     * {@link #read} accepted it: cluster_utils' names given ours, the values as they were.
     */
    public static Map<String, Object> section(Map<String, ?> file) {
        read(file); // refuses what does not fit, in cluster_utils' names
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("optimizer", "cem_metaoptimizer".equals(String.valueOf(file.get("optimizer_str"))) ? "cem" : "grid");
        Map<?, ?> setting = (Map<?, ?>) file.get("optimization_setting");
        copy(setting, "metric_to_optimize", out, "metric");
        copy(setting, "minimize", out, "minimize");
        copy(setting, "number_of_samples", out, "samples");
        copy(setting, "n_jobs_per_iteration", out, "parallel");
        copy(setting, "n_completed_jobs_before_resubmit", out, "completedBeforeResubmit");
        if (file.get("optimizer_settings") instanceof Map<?, ?> optimizer) {
            copy(optimizer, "with_restarts", out, "withRestarts");
            copy(optimizer, "num_jobs_in_elite", out, "numJobsInElite");
        }
        List<Object> params = new ArrayList<>();
        for (Object entry : (List<?>) file.get("optimized_params")) {
            Map<?, ?> param = (Map<?, ?>) entry;
            Map<String, Object> ours = new java.util.LinkedHashMap<>();
            copy(param, "param", ours, "name");
            copy(param, "distribution", ours, "distribution");
            copy(param, "bounds", ours, "bounds");
            copy(param, "options", ours, "options");
            params.add(ours);
        }
        out.put("params", params);
        return out;
    }

    private static void copy(Map<?, ?> from, String key, Map<String, Object> to, String ours) {
        if (from != null && from.get(key) != null) {
            to.put(ours, from.get(key));
        }
    }

    private static SettingsNode section(SettingsNode root, String key) {
        return root.has(key) ? root.get(key).requireObject() : null;
    }

    /** cluster_utils' name for each of our fields, for messages. */
    private static String key(String field) {
        return switch (field) {
            case "metric" -> "optimization_setting.metric_to_optimize";
            case "samples" -> "optimization_setting.number_of_samples";
            case "parallel" -> "optimization_setting.n_jobs_per_iteration";
            case "completedBeforeResubmit" -> "optimization_setting.n_completed_jobs_before_resubmit";
            case "params" -> "optimized_params";
            default -> field;
        };
    }
}
