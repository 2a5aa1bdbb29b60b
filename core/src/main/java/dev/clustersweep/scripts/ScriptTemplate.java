package dev.clustersweep.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bash script kept as a resource beside this class, with {@code @@NAME@@} slots filled in one
 * pass (so text put into a slot is never itself scanned for slots).
 */
final class ScriptTemplate {

    private static final Pattern SLOT = Pattern.compile("@@([A-Z_]+)@@");

    private ScriptTemplate() {
    }

    static String render(String resource, Map<String, String> values) {
        String template = load(resource);
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (slot.find()) {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException(resource + " has slot " + slot.group() + " with no value");
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static String load(String resource) {
        try (InputStream in = ScriptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
