package io.jenkins.plugins.clustersweep.wizard;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.validation.FieldCheck;
import dev.clustersweep.validation.FieldChecks;
import java.util.Locale;
import org.junit.Test;

/** Field-check texts: core's English, or the translation of the key in the wizard's own Messages. */
public class FieldValidationsTest {

    @Test
    public void translatedKeyComesFromMessages() {
        FieldCheck c = FieldChecks.maxTasks("x");
        assertEquals("number.notWhole", c.key());
        assertEquals("'x' ist keine ganze Zahl: erwartet " + c.args().get(1) + " bis " + c.args().get(2) + ".",
                FieldValidations.text(c, Locale.GERMAN));
    }

    @Test
    public void untranslatedKeyOrLanguageIsCoresEnglish() {
        FieldCheck c = FieldChecks.maxTasks("x");
        assertEquals(c.message(), FieldValidations.text(c, Locale.FRENCH));
        assertEquals(c.message(), FieldValidations.text(c, Locale.ENGLISH));
        FieldCheck other = FieldChecks.command("");
        assertEquals(other.message(), FieldValidations.text(other, Locale.GERMAN));
    }
}
