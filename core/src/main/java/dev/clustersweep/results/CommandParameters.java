package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's parameters read back from its command, for jobfiles that come without a grid (onager's
 * own, or written by hand): the shell words of its last simple command, then each {@code --name value},
 * {@code --name=value} and Hydra-style {@code name=value}; a {@code --name} followed by another
 * option or by nothing is a switch, {@code true}. Words before the first option (the program and
 * its positional arguments) are not parameters, and neither is the option that carries the task's
 * tag (its value is the tag): it differs for every task and would keep {@code --over} from
 * grouping anything.
 */
final class CommandParameters {

    private CommandParameters() {
    }

    static Map<String, String> parse(String command, String tag) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> words = words(command);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (isOption(word)) {
                String name;
                String value;
                int eq = word.indexOf('=');
                if (eq > 0) {
                    name = word.substring(0, eq);
                    value = word.substring(eq + 1);
                } else if (i + 1 < words.size() && !isOption(words.get(i + 1))) {
                    name = word;
                    value = words.get(++i);
                } else {
                    name = word;
                    value = "true";
                }
                if (tag.isEmpty() || !value.equals(tag)) {
                    params.put(dev.clustersweep.grid.Grid.parameterName(name), value);
                }
            } else if (!params.isEmpty() || i > 0) {
                int eq = word.indexOf('=');
                if (eq > 0 && isHydraKey(word, eq) && (tag.isEmpty() || !word.substring(eq + 1).equals(tag))) {
                    params.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return params;
    }

    /** {@code -x}, {@code --lr}: a dash then a letter (so {@code -1} and {@code -0.5} are values). */
    private static boolean isOption(String word) {
        int i = 0;
        while (i < word.length() && i < 2 && word.charAt(i) == '-') {
            i++;
        }
        return i > 0 && i < word.length() && Character.isLetter(word.charAt(i));
    }

    /** Hydra's override keys: {@code lr}, {@code model.depth}, {@code +extra}, {@code ~gone}. */
    private static boolean isHydraKey(String word, int eq) {
        int start = word.charAt(0) == '+' || word.charAt(0) == '~' ? 1 : 0;
        if (start >= eq || !Character.isLetter(word.charAt(start))) {
            return false;
        }
        for (int i = start; i < eq; i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shell words of {@code command} as bash would split them (single and double quotes,
     * backslashes; no expansion), of its last simple command: onager appends a task's arguments at
     * the end, so in {@code cd src && python t.py --lr 0.1} or {@code f() { ...; }; f --lr 0.1}
     * they are after the last unquoted operator ({@code ; & | < > ( )}). A {@code #} starting a word
     * ends the command.
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        List<String> before = List.of();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = command.length();
        for (int i = 0; i < n; i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                if (close < 0) {
                    close = n;
                }
                word.append(command, i + 1, close);
                i = close;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (i < n && command.charAt(i) != '"') {
                    char d = command.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(command.charAt(i + 1)) >= 0) {
                        d = command.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    word.append(command.charAt(++i));
                }
                inWord = true;
            } else if (";&|<>()".indexOf(c) >= 0) {
                // Another simple command starts: the one before it holds no task arguments (unless
                // nothing follows, as after a trailing '&').
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (!words.isEmpty()) {
                    before = new ArrayList<>(words);
                    words.clear();
                }
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.isEmpty() ? before : words;
    }
}
