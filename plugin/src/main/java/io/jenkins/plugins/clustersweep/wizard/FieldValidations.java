package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.validation.FieldCheck;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Core's field checks as Jenkins form answers. The texts are core's: its
 * {@code dev/clustersweep/validation/Messages.properties} holds the one English copy of every
 * template, keyed by {@link FieldCheck#key()}. The plugin keeps no second English copy (two would
 * drift); a translation goes into {@code io/jenkins/plugins/clustersweep/FieldMessages_LANG.properties}
 * under the same keys and is used for the request's locale, the English {@link FieldCheck#message()}
 * otherwise. {@link FormValidation#ok(String)} and friends escape the text.
 */
@Restricted(NoExternalUse.class)
public final class FieldValidations {

    static final String TRANSLATIONS = "io.jenkins.plugins.clustersweep.wizard.FieldMessages";

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

    /** The check's text in {@code locale} when the plugin has a translation of its key, else core's English. */
    static String text(FieldCheck check, Locale locale) {
        if (locale != null && !locale.getLanguage().equals("en")) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(TRANSLATIONS, locale,
                        FieldValidations.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
                if (bundle.getLocale().getLanguage().equals(locale.getLanguage()) && bundle.containsKey(check.key())) {
                    return new MessageFormat(bundle.getString(check.key()), locale).format(check.args().toArray());
                }
            } catch (MissingResourceException e) {
                // no translation: English below
            }
        }
        return check.message();
    }

    private static Locale locale() {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        return req == null ? Locale.ENGLISH : req.getLocale();
    }

    /** A form check's answer, once the user may configure {@code item}. */
    static FormValidation check(Item item, FieldCheck check) {
        checkConfigure(item);
        return of(check);
    }

    /** Form checks need Item/Configure on the job being configured (Overall/Administer outside a job). */
    static void checkConfigure(Item item) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        } else {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        }
    }
}
