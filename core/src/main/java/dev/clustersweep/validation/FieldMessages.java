package dev.clustersweep.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/** The English templates of {@link FieldCheck} messages, from {@code Messages.properties} beside this class. */
final class FieldMessages {

    private static final Properties TEMPLATES = load();

    private FieldMessages() {
    }

    private static Properties load() {
        Properties templates = new Properties();
        try (InputStream in = FieldMessages.class.getResourceAsStream("Messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("Messages.properties is missing beside " + FieldMessages.class);
            }
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return templates;
    }

    static String template(String key) {
        String template = TEMPLATES.getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no message template for key '" + key + "'");
        }
        return template;
    }

    static Set<String> keys() {
        return TEMPLATES.stringPropertyNames();
    }
}
