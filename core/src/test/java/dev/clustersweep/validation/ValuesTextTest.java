package dev.clustersweep.validation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class ValuesTextTest {

    @Test
    public void wordsOnOneOrManyLines() {
        assertEquals(List.of("0.1", "0.01", "0.001"), ValuesText.parse("0.1 0.01 0.001"));
        assertEquals(List.of("0.1", "0.01", "0.001"), ValuesText.parse("0.1\n0.01\r\n\t0.001\n"));
        assertEquals(List.of(), ValuesText.parse(null));
        assertEquals(List.of(), ValuesText.parse("  \n "));
    }

    @Test
    public void quotesAsInBash() {
        assertEquals(List.of("two words", "x"), ValuesText.parse("'two words' x"));
        assertEquals(List.of("two words"), ValuesText.parse("\"two words\""));
        assertEquals(List.of("a\"b", "c\\d", "$HOME", "`x`", "\\n"), ValuesText.parse("\"a\\\"b\" \"c\\\\d\" \"\\$HOME\" \"\\`x\\`\" \"\\n\""));
        assertEquals(List.of("it's"), ValuesText.parse("'it'\\''s'"));
        assertEquals(List.of("abcd"), ValuesText.parse("a'b'\"c\"d"));
        assertEquals(List.of("", "x"), ValuesText.parse("'' x"));
        assertEquals(List.of("a b"), ValuesText.parse("a\\ b"));
        assertEquals(List.of("ab"), ValuesText.parse("a\\\nb"));
        assertEquals(List.of("line1\nline2"), ValuesText.parse("'line1\nline2'"));
    }

    @Test
    public void nothingIsExpanded() {
        assertEquals(List.of("$HOME", "*.txt", "~", "{a,b}", "+model=resnet", "--", "-1"),
                ValuesText.parse("$HOME *.txt ~ {a,b} +model=resnet -- -1"));
    }

    @Test
    public void unclosedQuotesAndLoneBackslashesAreNamed() {
        expectBad("a 'b c", "bad values 'a 'b c': the quote ' at character 3 is not closed");
        expectBad("\"x", "bad values '\"x': the quote \" at character 1 is not closed");
        expectBad("a\\", "bad values 'a\\': it ends with a lone backslash");
        expectBad("'a\nb", "bad values ''a\\nb': the quote ' at character 1 is not closed");
    }

    private static void expectBad(String text, String start) {
        try {
            ValuesText.parse(text);
            fail(text);
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(start));
            assertTrue(e.getMessage(), e.getMessage().endsWith("like 0.1 0.01 'two words'"));
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    @Test
    public void formatReadsBack() {
        Random random = new Random(7);
        String alphabet = "ab01 '\"\\$*~\n\t.-=é";
        for (int round = 0; round < 2000; round++) {
            List<String> values = new ArrayList<>();
            for (int v = random.nextInt(4); v >= 0; v--) {
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(6); c > 0; c--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(value.toString());
            }
            assertEquals(values, ValuesText.parse(ValuesText.format(values)));
        }
        assertEquals("0.1 'two words' '' 'it'\\''s'", ValuesText.format(List.of("0.1", "two words", "", "it's")));
    }

    @Test
    public void wordsKnowTheirLines() {
        assertEquals(List.of(new ValuesText.Word("a", 1), new ValuesText.Word("b c", 2), new ValuesText.Word("d", 3)),
                ValuesText.words("a\n'b c'\nd"));
        assertEquals(3, ValuesText.words("'x\ny'\nz w").get(1).line());
    }
}
