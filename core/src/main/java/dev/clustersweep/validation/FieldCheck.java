package dev.clustersweep.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The verdict on one form field: OK, a WARNING the user may ignore, or an ERROR that stops the
 * build. The message is a plain English sentence, made from a stable {@code key} and its
 * {@code args} by the template of that key in {@code field-checks.properties} beside this class, the
 * one copy of these texts (MessageFormat syntax, as Jenkins' Messages files). Core has no i18n of
 * its own: the plugin shows the English as is, or a translation of the key from its own Messages
 * bundle. An OK usually has a message too ("3 values"), or none ("").
 * Arguments are strings; {@code args[0]} is the value as typed, on one line.
 */
public record FieldCheck(Kind kind, String key, List<String> args, String message) {

    public enum Kind { OK, WARNING, ERROR }

    private static final Properties TEMPLATES = load();

    /** OK with nothing to say. */
    public static final FieldCheck OK = new FieldCheck(Kind.OK, "ok", List.of(), "");

    public FieldCheck {
        args = List.copyOf(args);
    }

    public static FieldCheck ok(String key, Object... args) {
        return of(Kind.OK, key, args);
    }

    public static FieldCheck warning(String key, Object... args) {
        return of(Kind.WARNING, key, args);
    }

    public static FieldCheck error(String key, Object... args) {
        return of(Kind.ERROR, key, args);
    }

    /** Arguments become strings here, so that numbers read the same in every locale (4096, not 4,096). */
    private static FieldCheck of(Kind kind, String key, Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new FieldCheck(kind, key, Arrays.asList(strings), english(key, (Object[]) strings));
    }

    /** OK with a count: the key's {@code .one} form when the count is 1. */
    static FieldCheck okCounted(String key, String value, long count, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = value;
        args[1] = count;
        System.arraycopy(more, 0, args, 2, more.length);
        return of(Kind.OK, count == 1 ? key + ".one" : key, args);
    }

    /** The English sentence of a key, as MessageFormat makes it. */
    public static String english(String key, Object... args) {
        String template = TEMPLATES.getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no message template for key '" + key + "'");
        }
        return new MessageFormat(template, Locale.ENGLISH).format(args);
    }

    /** Every key that has a template. */
    static Set<String> keys() {
        return TEMPLATES.stringPropertyNames();
    }

    private static Properties load() {
        Properties templates = new Properties();
        try (InputStream in = FieldCheck.class.getResourceAsStream("field-checks.properties")) {
            if (in == null) {
                throw new IllegalStateException("field-checks.properties is missing beside " + FieldCheck.class);
            }
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return templates;
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    @Override
    public String toString() {
        return kind + (message.isEmpty() ? "" : ": " + message);
    }
}
