package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.BadInputException;
import dev.clustersweep.validation.FieldCheck;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import org.jvnet.localizer.ResourceBundleHolder;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Core's field checks as Jenkins form answers. The English texts are core's (its
 * {@code dev/clustersweep/validation/field-checks.properties}, keyed by {@link FieldCheck#key()});
 * the plugin keeps no second English copy, two would drift. A translation goes into this package's
 * own Messages, {@code Messages_LANG.properties}, as {@code FieldCheck.KEY}, read through the same
 * {@link ResourceBundleHolder} as the generated {@code Messages} class: one i18n. {@link
 * FormValidation#ok(String)} and friends escape the text.
 */
@Restricted(NoExternalUse.class)
public final class FieldValidations {

    /** The prefix of a field check's key in Messages. */
    static final String PREFIX = "FieldCheck.";

    private FieldValidations() {
    }

    public static FormValidation of(FieldCheck check) {
        String message = text(check, locale());
        return switch (check.kind()) {
            case OK -> message.isEmpty() ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }

    /** A form check's answer, once the user may configure {@code item}. */
    static FormValidation check(Item item, FieldCheck check) {
        checkConfigure(item);
        return of(check);
    }

    /** The check's text in {@code locale} when Messages has a translation of its key, else core's English. */
    static String text(FieldCheck check, Locale locale) {
        if (locale != null && !locale.getLanguage().equals("en")) {
            // The English Messages.properties has no FieldCheck keys, so only a translation answers.
            ResourceBundle bundle = ResourceBundleHolder.get(Messages.class).get(locale);
            String key = PREFIX + check.key();
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), locale).format(check.args().toArray());
            }
        }
        return check.message();
    }

    private static Locale locale() {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        return req == null ? Locale.ENGLISH : req.getLocale();
    }

    /** A parser's answer on a form field: ok when blank or read, the parser's own message when refused. */
    public static FormValidation parses(String value, Consumer<String> parse) {
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return FormValidation.ok();
        }
        try {
            parse.accept(v);
            return FormValidation.ok();
        } catch (BadInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Form checks need Item/Configure on the job being configured (Overall/Administer outside a job). */
    public static void checkConfigure(Item item) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        } else {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        }
    }
}
