package dev.clustersweep.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of a parameter list, ours ({@code name}) or cluster_utils' ({@code param}): the
 * distribution by its cluster_utils name, {@code bounds: [low, high]} for the numeric ones,
 * {@code options: [...]} for Discrete. Checked here, where the key is known, rather than in the
 * records, so the message names the entry.
 */
final class ParamReader {

    static final List<String> NAMES = List.of(
            "Discrete", "Uniform", "LogUniform", "TruncatedNormal", "TruncatedLogNormal", "IntNormal", "IntLogNormal");

    private ParamReader() {
    }

    static SearchParam read(SettingsNode entry, String nameKey) {
        entry.requireObject();
        if (!entry.has(nameKey)) {
            throw new BadInputException("missing " + entry.childPath(nameKey) + ": expected the parameter's name");
        }
        String name = entry.text(nameKey, null);
        String kind = entry.text("distribution", entry.has("options") && !entry.has("bounds") ? "Discrete" : null);
        if (kind == null) {
            throw new BadInputException("missing " + entry.childPath("distribution") + ": expected one of " + String.join(", ", NAMES));
        }
        if (!NAMES.contains(kind)) {
            throw new BadInputException("bad " + entry.childPath("distribution") + " '" + kind + "': expected one of " + String.join(", ", NAMES));
        }
        if (kind.equals("Discrete")) {
            return new SearchParam(name, discrete(entry));
        }
        if (entry.has("options")) {
            throw new BadInputException("bad " + entry.childPath("options") + ": only a Discrete distribution has options; "
                    + kind + " takes bounds: [low, high]");
        }
        boolean log = kind.contains("Log");
        boolean integer = kind.startsWith("Int");
        double[] b = bounds(entry, log, integer);
        Distribution d = switch (kind) {
            case "Uniform" -> new Distribution.Uniform(b[0], b[1]);
            case "LogUniform" -> new Distribution.LogUniform(b[0], b[1]);
            case "TruncatedNormal" -> new Distribution.TruncatedNormal(b[0], b[1]);
            case "TruncatedLogNormal" -> new Distribution.TruncatedLogNormal(b[0], b[1]);
            case "IntNormal" -> new Distribution.IntNormal((long) b[0], (long) b[1]);
            case "IntLogNormal" -> new Distribution.IntLogNormal((long) b[0], (long) b[1]);
            default -> throw new IllegalStateException(kind);
        };
        return new SearchParam(name, d);
    }

    private static Distribution.Discrete discrete(SettingsNode entry) {
        String key = entry.childPath("options");
        if (!entry.has("options")) {
            throw new BadInputException("missing " + key + ": a Discrete distribution expects options: [a, b, ...]");
        }
        if (entry.has("bounds")) {
            throw new BadInputException("bad " + entry.childPath("bounds") + ": a Discrete distribution takes options, not bounds");
        }
        List<SettingsNode> items = entry.list("options");
        if (items.isEmpty()) {
            throw new BadInputException("bad " + key + " []: expected at least one option");
        }
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SettingsNode item : items) {
            String text = item.scalarText();
            if (!seen.add(text)) {
                throw new BadInputException("bad " + key + " " + entry.get("options") + ": expected each option once, '" + text + "' is there twice");
            }
            options.add(text);
        }
        return new Distribution.Discrete(options);
    }

    private static double[] bounds(SettingsNode entry, boolean log, boolean integer) {
        String key = entry.childPath("bounds");
        if (!entry.has("bounds")) {
            throw new BadInputException("missing " + key + ": expected bounds: [low, high]");
        }
        JsonNode b = entry.get("bounds").node;
        String shown = "bad " + key + " " + b + ": expected ";
        if (!b.isArray() || b.size() != 2 || !SettingsNode.numeric(b.get(0)).isNumber()
                || !SettingsNode.numeric(b.get(1)).isNumber()) {
            throw new BadInputException(shown + "[low, high], two numbers");
        }
        JsonNode low = SettingsNode.numeric(b.get(0));
        JsonNode high = SettingsNode.numeric(b.get(1));
        double lo = low.asDouble();
        double hi = high.asDouble();
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new BadInputException(shown + "[low, high] with low < high");
        }
        if (integer && !(SettingsNode.isWhole(low) && SettingsNode.isWhole(high))) {
            throw new BadInputException(shown + "whole numbers for an integer distribution");
        }
        if (log && integer && lo < 1) {
            throw new BadInputException(shown + "a low bound of at least 1 for a log distribution");
        }
        if (log && !(lo > 0)) {
            throw new BadInputException(shown + "a low bound above 0 for a log distribution");
        }
        return new double[] {lo, hi};
    }
}
