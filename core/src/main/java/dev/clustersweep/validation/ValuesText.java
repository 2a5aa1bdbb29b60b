package dev.clustersweep.validation;

import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of a parameter as typed into a form's text box: words separated by spaces, tabs or
 * new lines, the way they follow {@code +arg --lr} on the command line, so {@code 0.1 0.01 0.001}
 * is three values whether on one line or three. A value containing spaces is quoted as in bash:
 * {@code 'two words'} or {@code "two words"} (inside double quotes a backslash escapes
 * {@code " \ $ `}); {@code ''} is the empty value; a backslash outside quotes keeps the next
 * character as it is. Nothing is expanded: {@code $HOME}, {@code *} and {@code ~} are the values
 * themselves (the task's command quotes them so the task receives them unchanged).
 *
 * <p>Why words rather than one value per line: values are command-line arguments, the command line
 * and onager take them as words, and the wizard's preview shows the resulting commands at once, so
 * a surprise is visible before launching; a box with several words on several lines gets a
 * warning (see {@link FieldChecks#parameterValues}).
 */
public final class ValuesText {

    /** One value and the line (from 1) where it starts. */
    record Word(String value, int line) {
    }

    private static final String EXPECTED = "expected values separated by spaces, with quotes around a value that "
            + "contains spaces, like 0.1 0.01 'two words'";

    private ValuesText() {
    }

    /** The values of {@code text}; none for null or blank text. */
    public static List<String> parse(String text) {
        return words(text).stream().map(Word::value).toList();
    }

    /** Text that {@link #parse} reads back as {@code values}: each value bare when it can be, else single-quoted. */
    public static String format(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(plain(value) ? value : "'" + value.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }

    private static boolean plain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = null;
        int line = 1;
        int wordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (word != null) {
                    words.add(new Word(word.toString(), wordLine));
                    word = null;
                }
                if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                wordLine = line;
            }
            if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unclosed(text, c, i);
                }
                String quoted = text.substring(i + 1, close);
                word.append(quoted);
                line += count(quoted, '\n');
                i = close;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < text.length() && text.charAt(j) != '"'; j++) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < text.length() && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        word.append(text.charAt(++j));
                    } else {
                        word.append(d);
                        line += d == '\n' ? 1 : 0;
                    }
                }
                if (j >= text.length()) {
                    throw unclosed(text, c, i);
                }
                i = j;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new BadInputException("bad values '" + shorten(text) + "': it ends with a lone backslash; "
                            + EXPECTED);
                }
                char next = text.charAt(++i);
                if (next == '\n') {
                    line++; // a line continuation, as in bash
                } else {
                    word.append(next);
                }
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(new Word(word.toString(), wordLine));
        }
        return words;
    }

    private static BadInputException unclosed(String text, char quote, int at) {
        return new BadInputException("bad values '" + shorten(text) + "': the quote " + quote + " at character "
                + (at + 1) + " is not closed; " + EXPECTED);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** The text on one line and not too long, for a one-line message. */
    static String shorten(String text) {
        String one = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
