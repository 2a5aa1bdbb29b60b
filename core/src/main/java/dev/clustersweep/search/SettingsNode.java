package dev.clustersweep.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A part of a settings map as Jackson's tree, with the path it has in the user's file, so every
 * complaint names the key ({@code search.params[1].bounds}) and says what is expected. Whether the
 * map came from YAML, JSON or TOML, Jackson's tree tells numbers, booleans and text apart alike.
 */
final class SettingsNode {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final JsonNode node;
    final String path;

    private SettingsNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A map (or list, or value) as read from the user's file; {@code path} is its key there. */
    static SettingsNode of(Object value, String path) {
        return new SettingsNode(MAPPER.valueToTree(value), path);
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** This node as a map: a list, text or number here is bad input. */
    SettingsNode requireObject() {
        if (!node.isObject()) {
            throw new BadInputException("bad " + path + " " + node + ": expected a map of keys to values");
        }
        return this;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    SettingsNode get(String key) {
        return new SettingsNode(node.get(key), childPath(key));
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Keys here that are not in {@code known}, as paths. */
    List<String> unknown(Collection<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : keys()) {
            if (!known.contains(k)) {
                out.add(childPath(k));
            }
        }
        return out;
    }

    /** An unknown key in our own section is a typo until proven otherwise. */
    void onlyKeys(Collection<String> known) {
        List<String> unknown = unknown(known);
        if (!unknown.isEmpty()) {
            throw new BadInputException("unknown key " + unknown.get(0) + ": expected one of " + String.join(", ", known));
        }
    }

    String text(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException("bad " + childPath(key) + " " + v + ": expected a non-empty string");
        }
        return v.asText().trim();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return v.asText().equals("true"); // a Pipeline map's or a spec file's text
        }
        if (!v.isBoolean()) {
            throw new BadInputException("bad " + childPath(key) + " " + v + ": expected true or false");
        }
        return v.asBoolean();
    }

    /** A whole number of at least {@code min}; {@code fallback} when absent. */
    long whole(String key, long fallback, long min) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = numeric(node.get(key));
        if (!isWhole(v) || v.asLong() < min) {
            throw new BadInputException("bad " + childPath(key) + " " + v + ": expected a whole number of at least " + min);
        }
        return v.asLong();
    }

    int wholeInt(String key, int fallback, int min) {
        long v = whole(key, fallback, min);
        if (v > Integer.MAX_VALUE) {
            throw new BadInputException("bad " + childPath(key) + " " + v + ": expected at most " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** Items of a list; bad input when it is not one. */
    List<SettingsNode> list(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new BadInputException("bad " + childPath(key) + " " + v + ": expected a list");
        }
        List<SettingsNode> items = new ArrayList<>();
        Iterator<JsonNode> it = v.elements();
        for (int i = 0; it.hasNext(); i++) {
            items.add(new SettingsNode(it.next(), childPath(key) + "[" + i + "]"));
        }
        return items;
    }

    /**
     * A number written as text as a number: spec files keep every scalar as the text it was written
     * as (so that a grid's {@code 0.10} reaches its tasks as {@code 0.10}), and a Pipeline map may
     * hold text too. Any other node as it is.
     */
    static JsonNode numeric(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return v;
        }
        String t = v.asText().strip();
        try {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(t));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(t);
                return t.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? com.fasterxml.jackson.databind.node.DoubleNode
                        .valueOf(d) : v;
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToLong()
                || v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15;
    }

    /** A scalar as the text a task receives: {@code sgd}, {@code 42}, {@code 0.001}, {@code true}. */
    String scalarText() {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.asBoolean());
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isFloatingPointNumber()) {
            return ValueText.of(node.asDouble());
        }
        throw new BadInputException("bad " + path + " " + node + ": expected a string, number or boolean");
    }

    @Override
    public String toString() {
        return String.valueOf(node);
    }
}
