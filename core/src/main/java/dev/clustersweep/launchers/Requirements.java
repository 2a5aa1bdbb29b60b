package dev.clustersweep.launchers;

import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A requirements expression in experimaestro's grammar, parsed once:
 *
 * <pre>
 * expression  := alternative ('|' alternative)*        ordered: the first that matches wins ties
 * alternative := term ('&amp;' term)*                   all of them
 * term        := 'duration' '=' NUMBER UNIT            s, m, min, h, hour(s), d, day(s), w, week(s)
 *              | 'cpu' '(' (key '=' value) (',' key '=' value)* ')'    mem=SIZE, cores=INT
 *              | 'cuda' '(' ('mem' '=' SIZE)? ')' ('*' INT)?           N GPUs of at least SIZE each
 * SIZE        := NUMBER ('K'|'M'|'G'|'T') ('i')? ('B')?                a unit is required
 * </pre>
 *
 * A bad expression is one {@link BadInputException} naming the position (counted from 1) and what
 * was expected there.
 */
public record Requirements(String text, List<HostRequest> alternatives) {

    public Requirements {
        alternatives = List.copyOf(alternatives);
    }

    public static Requirements parse(String text) {
        return parse(text == null ? "" : text, 0);
    }

    /**
     * The expression that starts at {@code start} of {@code text} and runs to its end: a part of a
     * sweep writes its tasks' selector before it, and a bad expression is told at its position in
     * the whole text.
     */
    public static Requirements parse(String text, int start) {
        return new Parser(text, start).expression();
    }

    @Override
    public String toString() {
        return text;
    }

    /** A recursive descent over characters; {@code pos} is where the next token starts. */
    private static final class Parser {
        private final String s;
        private final int start;
        private int pos;

        Parser(String s, int start) {
            this.s = s;
            this.start = start;
            this.pos = start;
        }

        Requirements expression() {
            List<HostRequest> alternatives = new ArrayList<>();
            alternatives.add(alternative());
            while (accept('|')) {
                alternatives.add(alternative());
            }
            skipSpaces();
            if (pos < s.length()) {
                throw bad("'&', '|' or the end");
            }
            return new Requirements(s.substring(start).trim(), alternatives);
        }

        private HostRequest alternative() {
            long duration = 0;
            int cores = 0;
            long mem = 0;
            List<Long> gpus = new ArrayList<>();
            do {
                skipSpaces();
                int start = pos;
                String name = word();
                switch (name) {
                    case "duration" -> {
                        expect('=');
                        duration = Math.max(duration, duration());
                    }
                    case "cpu" -> {
                        expect('(');
                        do {
                            skipSpaces();
                            int keyAt = pos;
                            String key = word();
                            expect('=');
                            switch (key) {
                                case "mem" -> mem = Math.max(mem, size());
                                case "cores" -> cores = Math.max(cores, (int) integer());
                                default -> throw bad(keyAt, "'mem' or 'cores'");
                            }
                        } while (accept(','));
                        expect(')');
                    }
                    case "cuda" -> {
                        expect('(');
                        long gpuMem = 0;
                        skipSpaces();
                        if (pos < s.length() && s.charAt(pos) != ')') {
                            int keyAt = pos;
                            if (!word().equals("mem")) {
                                throw bad(keyAt, "'mem'");
                            }
                            expect('=');
                            gpuMem = size();
                        }
                        expect(')');
                        long count = accept('*') ? integer() : 1;
                        if (count < 1 || count > 1024) {
                            throw bad("a GPU count from 1 to 1024");
                        }
                        for (int i = 0; i < count; i++) {
                            gpus.add(gpuMem);
                        }
                    }
                    default -> throw bad(start, "'duration', 'cpu' or 'cuda'");
                }
            } while (accept('&'));
            return new HostRequest(duration, cores, mem, gpus);
        }

        private long duration() {
            double n = number();
            skipSpaces();
            int at = pos;
            String unit = word();
            long factor = switch (unit) {
                case "s", "sec", "secs", "second", "seconds" -> 1;
                case "m", "min", "mins", "minute", "minutes" -> 60;
                case "h", "hour", "hours" -> 3600;
                case "d", "day", "days" -> 86400;
                case "w", "week", "weeks" -> 7 * 86400;
                default -> throw bad(at, "a duration unit (s, m, h, d, w, or minutes, hours, days, weeks)");
            };
            return (long) Math.ceil(n * factor);
        }

        /** A size in megabytes: the unit is required, as in experimaestro. */
        private long size() {
            double n = number();
            int at = pos;
            String unit = word().toUpperCase(Locale.ROOT);
            double mb = switch (unit) {
                case "K", "KB", "KIB" -> n / 1024;
                case "M", "MB", "MIB" -> n;
                case "G", "GB", "GIB" -> n * 1024;
                case "T", "TB", "TIB" -> n * 1024 * 1024;
                default -> throw bad(at, "a size unit right after the number (K, M, G or T; a size without one is an error)");
            };
            return (long) Math.ceil(mb);
        }

        private long integer() {
            skipSpaces();
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && pos - start < 9) {
                pos++;
            }
            if (start == pos || (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'))) {
                pos = start;
                throw bad("a whole number");
            }
            return Long.parseLong(s.substring(start, pos));
        }

        private double number() {
            skipSpaces();
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.') && pos - start < 12) {
                pos++;
            }
            try {
                double n = Double.parseDouble(s.substring(start, pos));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, at the number's start
            }
            pos = start;
            throw bad("a number above zero");
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        private boolean accept(char c) {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw bad("'" + c + "'");
            }
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private BadInputException bad(String expected) {
            skipSpaces();
            return bad(pos, expected);
        }

        private BadInputException bad(int at, String expected) {
            String found = at >= s.length() ? "the end" : "'" + s.substring(at, Math.min(s.length(), at + 12)) + "'";
            return new BadInputException("bad requirements '" + s + "' at position " + (at + 1) + ": expected "
                    + expected + ", found " + found);
        }
    }
}
