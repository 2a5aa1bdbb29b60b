package dev.clustersweep.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a spec file, YAML or JSON by its extension, into maps and lists in the file's own order.
 * Numbers are kept as the text written in the file ({@code 0.10} stays {@code 0.10}, {@code 1e-4}
 * stays {@code 1e-4}), because that text is what a task receives; booleans become booleans.
 */
public final class SpecFile {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SpecFile() {
    }

    /** The file's maps and lists (also a cluster_utils settings file, read the same way). */
    public static Map<String, Object> read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            factory = YAML;
        } else if (name.endsWith(".json")) {
            factory = JSON;
        } else {
            throw new BadInputException("bad spec file name '" + file.getFileName()
                    + "': expected a name ending in .yaml, .yml or .json");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("spec file " + file + " does not exist: expected a YAML or JSON sweep spec");
        } catch (IOException e) {
            throw new BadInputException("cannot read spec file " + file + ": " + e.getMessage(), e);
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadInputException("spec file " + file.getFileName() + " is empty: expected a map of fields, "
                        + "e.g. command: python train.py");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException("spec file " + file.getFileName() + " holds a "
                        + kind(first) + ": expected a map of fields, e.g. command: python train.py");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) value(parser, file);
            if (parser.nextToken() != null) {
                throw new BadInputException("spec file " + file.getFileName()
                        + " holds more than one document: expected one map of fields");
            }
            return values;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException("spec file " + file.getFileName() + " is not valid "
                    + (factory == YAML ? "YAML" : "JSON") + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read spec file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser, Path file) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    if (map.containsKey(key)) {
                        throw new BadInputException("spec file " + file.getFileName() + " gives '" + key
                                + "' twice at line " + parser.currentLocation().getLineNr() + ": expected each name once");
                    }
                    map.put(key, value(parser, file));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, file));
                }
                return list;
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getText();
            }
            default -> throw new BadInputException("spec file " + file.getFileName() + " has an unexpected "
                    + token + " at line " + parser.currentLocation().getLineNr());
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "list";
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> "single value";
            default -> token.toString();
        };
    }
}
