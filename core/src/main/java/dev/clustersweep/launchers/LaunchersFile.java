package dev.clustersweep.launchers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.clustersweep.BadInputException;
import dev.clustersweep.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launchers file: {@code .sweep/launchers.yaml} of the working directory over the user's
 * {@code ~/.config/cluster-sweep/launchers.yaml} (as {@code config.json}), YAML of the form
 * {@code launchers: [ {id, backend, weight, ...} ]}. A project launcher replaces the user's of the
 * same id; the others are kept from both.
 */
public record LaunchersFile(List<Launcher> launchers) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);

    public LaunchersFile {
        launchers = launchers == null ? List.of() : List.copyOf(launchers);
    }

    /** The user's file. */
    public static Path userFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("cluster-sweep").resolve("launchers.yaml");
    }

    /** The project's file, in {@code workDir}. */
    public static Path projectFile(Path workDir) {
        return workDir.resolve(".sweep").resolve("launchers.yaml");
    }

    /** Both files merged, the project's over the user's; missing files are empty. */
    public static LaunchersFile forWorkDir(Path workDir) {
        Map<String, Launcher> byId = new LinkedHashMap<>();
        for (Path file : List.of(userFile(), projectFile(workDir))) {
            if (Files.exists(file)) {
                for (Launcher l : read(file).launchers()) {
                    byId.put(l.id(), l);
                }
            }
        }
        return new LaunchersFile(new ArrayList<>(byId.values()));
    }

    public static LaunchersFile read(Path file) {
        try {
            LaunchersFile read = YAML.readValue(file.toFile(), LaunchersFile.class);
            List<Launcher> checked = new ArrayList<>();
            for (Launcher l : read.launchers()) {
                checked.add(LauncherChecks.check(file, l));
            }
            return new LaunchersFile(checked);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException("bad launchers file " + file + where + ": " + e.getOriginalMessage()
                    .replaceAll("\\s+", " ") + " (expected launchers: [ {id, backend, weight, nodes, ...} ])", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read launchers file " + file + ": " + e.getMessage(), e);
        }
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, toYaml());
    }
}
