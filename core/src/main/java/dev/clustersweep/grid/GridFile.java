package dev.clustersweep.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.io.FileProblems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grids a jobfile's tasks were expanded from ({@code grids.json} beside {@code jobs.json}; see
 * docs/layout.md), so that results can name each task's parameters: jobs.json keeps onager's format
 * (a command and a tag per task) and cannot hold them. One entry per prelaunch ({@code +append}
 * adds one), each the whole {@link GridSpec} and the id of its first task: a million tasks cost a
 * few hundred bytes, and a task's parameters are computed from its index as its command is.
 *
 * <p>Written by hand, not through Jackson: prelaunch keeps Jackson's classes out of its start-up
 * (docs/performance.md). Read with Jackson, by {@code sweep results} and by an appending prelaunch.
 */
public final class GridFile {

    public static final String NAME = "grids.json";
    private static final String SHAPE = "the grids of the sweep's tasks: {\"grids\": [{\"firstId\": N, \"command\": ..., "
            + "\"args\": [...], ...}]}, as prelaunch writes it";

    /** One prelaunch's grid: its tasks have ids {@code firstId} to {@code firstId + size - 1}. */
    public record Entry(long firstId, GridSpec spec) {
        public Grid grid() {
            return Grid.of(spec, firstId);
        }
    }

    private GridFile() {
    }

    /** Where the grids of {@code jobFile} are kept: beside it. */
    public static Path beside(Path jobFile) {
        return jobFile.toAbsolutePath().resolveSibling(NAME);
    }

    /** The entries of the file beside {@code jobFile}; none when there is no file (onager's jobfiles). */
    public static List<Entry> read(Path jobFile) {
        Path file = beside(jobFile);
        if (!FileProblems.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw FileProblems.reading(file, SHAPE, e);
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode g : required(root, "grids")) {
                GridSpec.Builder spec = GridSpec.builder(text(required(g, "command")), text(required(g, "jobName")));
                for (JsonNode arg : required(g, "args")) {
                    spec.arg(new GridArg(text(required(arg, "name")), strings(required(arg, "values"))));
                }
                for (JsonNode pos : required(g, "posArgs")) {
                    spec.posArg(strings(pos));
                }
                for (JsonNode flag : required(g, "flags")) {
                    spec.flag(text(flag));
                }
                JsonNode tag = required(g, "tag");
                spec.tag(tag.isNull() ? null : text(tag));
                JsonNode tagArgs = required(g, "tagArgs");
                spec.tagArgs(tagArgs.isNull() ? null : strings(tagArgs));
                spec.tagNumber(required(g, "tagNumber").asBoolean());
                spec.argMode(ArgMode.named(text(required(g, "argMode"))));
                long firstId = required(g, "firstId").asLong();
                if (firstId < 1) {
                    throw new IllegalArgumentException("firstId " + firstId);
                }
                entries.add(new Entry(firstId, spec.build()));
            }
            return List.copyOf(entries);
        } catch (RuntimeException e) {
            throw FileProblems.corrupt(file, SHAPE, e);
        }
    }

    /** Writes the entries beside {@code jobFile}, atomically. */
    public static void write(Path jobFile, List<Entry> entries) throws IOException {
        StringBuilder json = new StringBuilder("{\"grids\": [");
        String sep = "";
        for (Entry e : entries) {
            GridSpec s = e.spec();
            json.append(sep).append("\n  {\"firstId\": ").append(e.firstId())
                    .append(", \"jobName\": ").append(quote(s.jobName()))
                    .append(", \"command\": ").append(quote(s.command()))
                    .append(", \"argMode\": ").append(quote(s.argMode() == ArgMode.HYDRA ? "hydra" : "argparse"))
                    .append(",\n   \"args\": [");
            String argSep = "";
            for (GridArg arg : s.args()) {
                json.append(argSep).append("{\"name\": ").append(quote(arg.name())).append(", \"values\": ");
                array(json, arg.values()).append('}');
                argSep = ", ";
            }
            json.append("],\n   \"posArgs\": [");
            String posSep = "";
            for (List<String> values : s.posArgs()) {
                array(json.append(posSep), values);
                posSep = ", ";
            }
            json.append("], \"flags\": ");
            array(json, s.flags());
            json.append(",\n   \"tag\": ").append(s.tagName() == null ? "null" : quote(s.tagName()))
                    .append(", \"tagArgs\": ");
            if (s.tagArgs() == null) {
                json.append("null");
            } else {
                array(json, s.tagArgs());
            }
            json.append(", \"tagNumber\": ").append(s.tagNumber()).append('}');
            sep = ",";
        }
        json.append("\n]}\n");
        AtomicFiles.writeString(beside(jobFile), json.toString());
    }

    /** The entries with {@code added} after them, for an appending prelaunch. */
    public static List<Entry> plus(List<Entry> entries, Entry added) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(added);
        return all;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return value;
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not a string: " + node);
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array: " + node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(text(v)));
        return values;
    }

    private static StringBuilder array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return json.append(']');
    }

    private static final Map<Character, String> SHORT = Map.of('"', "\\\"", '\\', "\\\\", '\n', "\\n", '\r', "\\r",
            '\t', "\\t");

    /** A JSON string: quotes, backslashes and control characters escaped; the rest as it is (UTF-8). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = SHORT.get(c);
            if (escape != null) {
                out.append(escape);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
