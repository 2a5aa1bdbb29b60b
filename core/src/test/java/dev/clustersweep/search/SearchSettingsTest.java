package dev.clustersweep.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clustersweep.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

/** The search: section of a spec, a cluster_utils settings file, and the message for each mistake. */
public class SearchSettingsTest {

    private static final String YAML = String.join("\n",
            "name: demo",
            "search:",
            "  optimizer: cem          # grid | random | cem",
            "  metric: loss",
            "  minimize: true",
            "  samples: 60",
            "  parallel: 4",
            "  seed: 1",
            "  params:",
            "    - {name: x, distribution: TruncatedNormal, bounds: [-5, 5]}",
            "    - {name: lr, distribution: TruncatedLogNormal, bounds: [0.0001, 0.1]}",
            "    - {name: opt, distribution: Discrete, options: [sgd, adam]}",
            "");

    private static final String CLUSTER_UTILS = """
            {
              "optimization_procedure_name": "rosenbrock",
              "results_dir": "/tmp/results",
              "git_params": {"branch": "main"},
              "script_relative_path": "examples/rosenbrock.py",
              "num_best_jobs_whose_data_is_kept": 5,
              "kill_bad_jobs_early": false,
              "optimizer_str": "cem_metaoptimizer",
              "optimizer_settings": {"with_restarts": true, "num_jobs_in_elite": 10},
              "optimization_setting": {
                "metric_to_optimize": "result",
                "minimize": false,
                "number_of_samples": 100,
                "n_jobs_per_iteration": 5,
                "n_completed_jobs_before_resubmit": 2,
                "run_local": true
              },
              "optimized_params": [
                {"param": "fn_args.w", "distribution": "IntNormal", "bounds": [-5, 5]},
                {"param": "fn_args.y", "distribution": "TruncatedLogNormal", "bounds": [0.01, 100.0]},
                {"param": "fn_args.sharp_penalty", "distribution": "Discrete", "options": [false, true]}
              ]
            }
            """;

    private static Map<String, Object> yaml(String text) throws Exception {
        return new YAMLMapper().readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, Object> json(String text) throws Exception {
        return new ObjectMapper().readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    public void readsTheSearchSectionOfASpec() throws Exception {
        SearchSettings s = SearchSection.fromSpec(yaml(YAML)).orElseThrow();
        assertEquals(OptimizerKind.CEM, s.optimizer());
        assertEquals("loss", s.metric());
        assertTrue(s.minimize());
        assertEquals(60, s.samples());
        assertEquals(4, s.parallel());
        assertEquals(1, s.completedBeforeResubmit());
        assertEquals(1, s.seed());
        assertFalse(s.withRestarts());
        assertEquals(5, s.numJobsInElite());
        assertEquals(SearchSpace.of(
                new SearchParam("x", new Distribution.TruncatedNormal(-5, 5)),
                new SearchParam("lr", new Distribution.TruncatedLogNormal(0.0001, 0.1)),
                new SearchParam("opt", new Distribution.Discrete(List.of("sgd", "adam")))), s.params());
        assertTrue(s.newOptimizer() instanceof CemSearch);
        assertEquals(Optional.empty(), SearchSection.fromSpec(Map.of("name", "no search")));
        // Settings cross from a Jenkins controller to its agents as they are.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, in.readObject());
        }
    }

    @Test
    public void readsTheOptionalKeysAndEveryDistributionName() throws Exception {
        SearchSettings s = SearchSection.read(yaml(String.join("\n",
                "optimizer: random", "metric: acc", "minimize: false", "samples: 10", "parallel: 4",
                "completedBeforeResubmit: 4", "withRestarts: true", "numJobsInElite: 8", "params:",
                "  - {name: a, distribution: Uniform, bounds: [0, 1]}",
                "  - {name: b, distribution: LogUniform, bounds: [1e-3, 1]}",
                "  - {name: c, distribution: IntNormal, bounds: [1, 9]}",
                "  - {name: d, distribution: IntLogNormal, bounds: [1, 1024]}",
                "  - {name: e, options: [1, 0.5, true, x]}")));
        assertEquals(OptimizerKind.RANDOM, s.optimizer());
        assertFalse(s.minimize());
        assertEquals(4, s.completedBeforeResubmit());
        assertTrue(s.withRestarts());
        assertEquals(8, s.numJobsInElite());
        assertEquals(0, s.seed());
        List<SearchParam> p = s.params().params();
        assertEquals(new Distribution.Uniform(0, 1), p.get(0).distribution());
        assertEquals(new Distribution.LogUniform(1e-3, 1), p.get(1).distribution());
        assertEquals(new Distribution.IntNormal(1, 9), p.get(2).distribution());
        assertEquals(new Distribution.IntLogNormal(1, 1024), p.get(3).distribution());
        assertEquals("options without a distribution are Discrete, as the task will see them",
                new Distribution.Discrete(List.of("1", "0.5", "true", "x")), p.get(4).distribution());
    }

    @Test
    public void aGridNeedsNoMetricAndRunsEveryCombinationByDefault() throws Exception {
        SearchSettings s = SearchSection.read(yaml(String.join("\n",
                "optimizer: grid", "params:", "  - {name: lr, distribution: Discrete, options: [0.1, 0.01]}",
                "  - {name: bs, options: [32, 64, 128]}")));
        assertEquals(6, s.samples());
        assertEquals(null, s.metric());
        assertTrue(s.newOptimizer() instanceof GridSearch);
    }

    @Test
    public void readsAClusterUtilsSettingsFileAndNamesWhatItIgnoresInOneWarning() throws Exception {
        ClusterUtilsSettings.Imported imported = ClusterUtilsSettings.read(json(CLUSTER_UTILS));
        SearchSettings s = imported.settings();
        assertEquals(OptimizerKind.CEM, s.optimizer());
        assertEquals("result", s.metric());
        assertFalse(s.minimize());
        assertEquals(100, s.samples());
        assertEquals(5, s.parallel());
        assertEquals(2, s.completedBeforeResubmit());
        assertTrue(s.withRestarts());
        assertEquals(10, s.numJobsInElite());
        assertEquals(SearchSpace.of(
                new SearchParam("fn_args.w", new Distribution.IntNormal(-5, 5)),
                new SearchParam("fn_args.y", new Distribution.TruncatedLogNormal(0.01, 100)),
                new SearchParam("fn_args.sharp_penalty", new Distribution.Discrete(List.of("false", "true")))), s.params());
        assertEquals(List.of("cluster_utils settings with no meaning for the search, ignored: optimization_procedure_name, "
                + "results_dir, git_params, script_relative_path, num_best_jobs_whose_data_is_kept, kill_bad_jobs_early, "
                + "optimization_setting.run_local"), imported.warnings());
        ClusterUtilsSettings.Imported quiet = ClusterUtilsSettings.read(json(CLUSTER_UTILS),
                Set.of("optimization_procedure_name", "results_dir", "git_params", "script_relative_path"));
        assertEquals(List.of("cluster_utils settings with no meaning for the search, ignored: "
                + "num_best_jobs_whose_data_is_kept, kill_bad_jobs_early, optimization_setting.run_local"), quiet.warnings());
        ClusterUtilsSettings.Imported grid = ClusterUtilsSettings.read(json("""
                {"optimizer_str": "gridsearch",
                 "optimization_setting": {"metric_to_optimize": "loss", "minimize": true, "number_of_samples": 4},
                 "optimized_params": [{"param": "a", "distribution": "Discrete", "options": [1, 2]}]}
                """));
        assertEquals(OptimizerKind.GRID, grid.settings().optimizer());
        assertEquals(List.of(), grid.warnings());
    }

    private static void refused(String expected, String... sectionLines) {
        BadInputException e = assertThrows(BadInputException.class, () -> SearchSection.read(yaml(String.join("\n", sectionLines))));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static final String X = "  - {name: x, distribution: TruncatedNormal, bounds: [-5, 5]}";

    @Test
    public void eachMistakeInTheSearchSectionIsNamedInOneLine() {
        refused("bad search.params[0].distribution 'Gaussian': expected one of Discrete, Uniform, LogUniform, "
                + "TruncatedNormal, TruncatedLogNormal, IntNormal, IntLogNormal",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", "  - {name: x, distribution: Gaussian, bounds: [0, 1]}");
        refused("bad search.params[0].bounds [5,-5]: expected [low, high] with low < high",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", "  - {name: x, distribution: Uniform, bounds: [5, -5]}");
        refused("bad search.params[0].bounds [0,0.1]: expected a low bound above 0 for a log distribution",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", "  - {name: lr, distribution: LogUniform, bounds: [0, 0.1]}");
        refused("bad search.params[0].bounds [-1.0,0.1]: expected a low bound above 0 for a log distribution",
                "optimizer: cem", "metric: loss", "samples: 5", "params:",
                "  - {name: lr, distribution: TruncatedLogNormal, bounds: [-1.0, 0.1]}");
        refused("bad search.params[0].bounds [0,8]: expected a low bound of at least 1 for a log distribution",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", "  - {name: n, distribution: IntLogNormal, bounds: [0, 8]}");
        refused("bad search.params[0].bounds [0.5,8]: expected whole numbers for an integer distribution",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", "  - {name: n, distribution: IntNormal, bounds: [0.5, 8]}");
        refused("bad search.samples 0: expected a whole number of at least 1",
                "optimizer: cem", "metric: loss", "samples: 0", "params:", X);
        refused("missing search.samples: expected the number of samples to run, at least 1",
                "optimizer: random", "metric: loss", "params:", X);
        refused("missing search.metric: the cem optimizer needs the name of the metric to optimise",
                "optimizer: cem", "samples: 5", "params:", X);
        refused("missing search.metric: the random optimizer needs the name of the metric to optimise",
                "optimizer: random", "samples: 5", "params:", X);
        refused("unknown key search.minimise: expected one of optimizer, metric, minimize, samples, parallel, "
                + "completedBeforeResubmit, seed, withRestarts, numJobsInElite, params",
                "optimizer: cem", "metric: loss", "minimise: true", "samples: 5", "params:", X);
        refused("unknown key search.params[0].mean: expected one of name, distribution, bounds, options",
                "optimizer: cem", "metric: loss", "samples: 5", "params:",
                "  - {name: x, distribution: TruncatedNormal, bounds: [-5, 5], mean: 1}");
        refused("bad search.optimizer 'bayes': expected grid, random or cem",
                "optimizer: bayes", "metric: loss", "samples: 5", "params:", X);
        refused("bad search.params[0].distribution TruncatedNormal (x): the grid optimizer takes only Discrete parameters with options",
                "optimizer: grid", "params:", X);
        refused("missing search.params[0].options: a Discrete distribution expects options: [a, b, ...]",
                "optimizer: grid", "params:", "  - {name: opt, distribution: Discrete}");
        refused("bad search.params: parameter x is named twice, expected unique names",
                "optimizer: cem", "metric: loss", "samples: 5", "params:", X, X);
        refused("bad search.completedBeforeResubmit 3: expected at most search.parallel (2), more can never have ended at once",
                "optimizer: cem", "metric: loss", "samples: 5", "parallel: 2", "completedBeforeResubmit: 3", "params:", X);
        refused("bad search.minimize \"yes\": expected true or false",
                "optimizer: cem", "metric: loss", "minimize: \"yes\"", "samples: 5", "params:", X);
    }

    @Test
    public void mistakesInAClusterUtilsFileNameItsKeys() {
        BadInputException nevergrad = assertThrows(BadInputException.class, () -> ClusterUtilsSettings.read(
                json(CLUSTER_UTILS.replace("cem_metaoptimizer", "nevergrad"))));
        assertEquals("bad optimizer_str 'nevergrad': expected cem_metaoptimizer or gridsearch (nevergrad is not supported)",
                nevergrad.getMessage());
        BadInputException metric = assertThrows(BadInputException.class, () -> ClusterUtilsSettings.read(
                json(CLUSTER_UTILS.replace("\"metric_to_optimize\": \"result\",", ""))));
        assertEquals("missing optimization_setting.metric_to_optimize: the cem optimizer needs the name of the metric to optimise",
                metric.getMessage());
        BadInputException bounds = assertThrows(BadInputException.class, () -> ClusterUtilsSettings.read(
                json(CLUSTER_UTILS.replace("[0.01, 100.0]", "[100.0, 0.01]"))));
        assertEquals("bad optimized_params[1].bounds [100.0,0.01]: expected [low, high] with low < high", bounds.getMessage());
        BadInputException samples = assertThrows(BadInputException.class, () -> ClusterUtilsSettings.read(
                json(CLUSTER_UTILS.replace("\"number_of_samples\": 100", "\"number_of_samples\": 0"))));
        assertEquals("bad optimization_setting.number_of_samples 0: expected a whole number of at least 1", samples.getMessage());
    }
}
