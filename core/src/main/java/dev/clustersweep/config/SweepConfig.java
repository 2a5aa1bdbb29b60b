package dev.clustersweep.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clustersweep.BadInputException;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.io.FileProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-backend header and footer lines for the wrapper scripts (like {@code onager config}): shell
 * lines such as {@code module load cuda} that every task of that backend runs before and after its
 * command. Kept in {@code .sweep/config.json} of the working directory, over a user-wide file.
 */
public final class SweepConfig {

    public static final List<String> KEYS = List.of("header", "footer");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<TreeMap<String, TreeMap<String, String>>> TYPE = new TypeReference<>() {
    };

    private final Path local;
    private final Path global;

    public SweepConfig(Path local, Path global) {
        this.local = local;
        this.global = global;
    }

    /** {@code .sweep/config.json} here, over {@code ~/.config/cluster-sweep/config.json}. */
    public static SweepConfig forWorkDir(Path workDir) {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SweepConfig(workDir.resolve(".sweep").resolve("config.json"),
                base.resolve("cluster-sweep").resolve("config.json"));
    }

    /** The value for a backend and key: the local file wins over the global one; "" when unset. */
    public String get(String backend, String key) {
        checkKey(key);
        String value = read(local).getOrDefault(backend, new TreeMap<>()).get(key);
        if (value == null) {
            value = read(global).getOrDefault(backend, new TreeMap<>()).get(key);
        }
        return value == null ? "" : value;
    }

    /** Everything set, local over global: backend -> key -> value. */
    public Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> merged = new TreeMap<>();
        for (Path file : List.of(global, local)) {
            read(file).forEach((backend, values) -> merged.computeIfAbsent(backend, b -> new TreeMap<>())
                    .putAll(values));
        }
        return merged;
    }

    public void set(boolean globally, String backend, String key, String value) throws IOException {
        checkKey(key);
        Path file = globally ? global : local;
        TreeMap<String, TreeMap<String, String>> values = read(file);
        values.computeIfAbsent(backend, b -> new TreeMap<>()).put(key, value);
        AtomicFiles.write(file, out -> JSON.writeValue(out, values));
    }

    private static void checkKey(String key) {
        if (!KEYS.contains(key)) {
            throw new BadInputException("bad config key '" + key + "': expected header or footer");
        }
    }

    private static TreeMap<String, TreeMap<String, String>> read(Path file) {
        if (!FileProblems.exists(file)) {
            return new TreeMap<>();
        }
        try (var in = Files.newInputStream(file)) {
            TreeMap<String, TreeMap<String, String>> values = JSON.readValue(in, TYPE);
            return values == null ? new TreeMap<>() : values;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("corrupt config file " + file + ": expected JSON like "
                    + "{\"slurm\": {\"header\": \"module load cuda\"}}", e);
        } catch (IOException e) {
            throw FileProblems.refused("read", file, e);
        }
    }
}
