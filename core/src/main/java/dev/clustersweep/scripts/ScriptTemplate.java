package dev.clustersweep.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bash script kept as a resource beside its owner class, with {@code @@NAME@@} slots filled in
 * one pass (so text put into a slot is never itself scanned for slots).
 *
 * <p>Besides the caller's values, a slot may name a shared piece: bash written once and put into
 * each script that needs it, since every script must stand alone where it runs (qsub copies the
 * Grid Engine job script; a node may not see this jar).
 */
public final class ScriptTemplate {

    private static final Pattern SLOT = Pattern.compile("@@([A-Z_]+)@@");

    /** Slot name to resource beside this class. */
    private static final Map<String, String> PIECES = Map.of("TRAPS_READY", "traps-ready.sh", "ARRAY_INDEX", "array-index.sh");

    private ScriptTemplate() {
    }

    /**
     * @param owner the class the resource lies beside
     * @throws IllegalStateException when the resource is missing from the build or a slot has no value
     */
    public static String render(Class<?> owner, String resource, Map<String, String> values) {
        String template = load(owner, resource);
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 4096);
        while (slot.find()) {
            String name = slot.group(1);
            String value = values.get(name);
            if (value == null && PIECES.containsKey(name)) {
                value = load(ScriptTemplate.class, PIECES.get(name)).stripTrailing();
            }
            if (value == null) {
                throw new IllegalStateException(resource + " has slot " + slot.group() + " with no value");
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static String load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
