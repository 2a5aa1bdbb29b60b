package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.shell.ShellQuote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The tasks of a sweep, computed on demand: task {@code i} is found by reading {@code i} as a
 * mixed-radix number, so no list of all tasks is ever held and any task can be had directly.
 *
 * <p>Order and command layout are onager's: the grid's dimensions are the positional args, then the
 * args (in the order given), then the flags; the first dimension varies fastest, and each flag is
 * on before it is off. A command is the base command, then one word per dimension in that order,
 * then the tag. Values (and the tag) that the shell would change are quoted; others appear as
 * they are, so for such grids our commands are exactly onager's.
 */
public final class Grid implements Iterable<Job> {

    private static final String TAG_SEP = "__";

    private final GridSpec spec;
    private final long firstId;
    private final long size;
    /** Per dimension, per value: the text added to the command (" --lr 0.1") and to the tag ("__lr_0.1"). */
    private final String[][] words;
    private final String[][] tagParts;
    /** Per dimension, per value: whether the tag part is plain shell text, so a tag made of such parts needs no quoting. */
    private final boolean[][] tagPartSafe;
    /**
     * Per dimension, the parameter's name as results show it ({@code --lr} is {@code lr}, the first
     * positional arg {@code pos1}), or null for a constant switch; and per value, its text.
     */
    private final String[] paramNames;
    private final String[][] paramValues;
    private final long[] strides;
    private final String tagLead;
    private final int idWidth;
    private final int capacity;

    private Grid(GridSpec spec, long firstId) {
        if (firstId < 1) {
            throw new IllegalArgumentException("task ids start at 1, got " + firstId);
        }
        this.spec = spec;
        this.firstId = firstId;
        List<String[]> wordList = new ArrayList<>();
        List<String[]> tagList = new ArrayList<>();
        List<String> nameList = new ArrayList<>();
        List<String[]> valueList = new ArrayList<>();
        boolean tagged = spec.tagged();
        String sep = spec.argMode().separator();

        for (List<String> values : spec.posArgs()) {
            String[] w = new String[values.size()];
            String[] t = new String[values.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = " " + ShellQuote.quote(values.get(i));
                t[i] = tagged ? TAG_SEP + values.get(i) : "";
            }
            wordList.add(w);
            tagList.add(t);
            nameList.add("pos" + (nameList.size() + 1));
            valueList.add(values.toArray(new String[0]));
        }
        for (GridArg arg : spec.args()) {
            boolean inTag = tagged && spec.inTag(arg);
            String key = inTag ? tagKey(arg.name()) : "";
            if (arg.values().isEmpty()) {
                // A constant switch: a dimension of one value. (onager drops every task when such an
                // arg is left out of +tag-args; we keep them.)
                wordList.add(new String[] {" " + arg.name()});
                tagList.add(new String[] {inTag ? TAG_SEP + key : ""});
                nameList.add(null);
                valueList.add(null);
                continue;
            }
            String[] w = new String[arg.values().size()];
            String[] t = new String[w.length];
            for (int i = 0; i < w.length; i++) {
                String value = arg.values().get(i);
                w[i] = " " + arg.name() + sep + ShellQuote.quote(value);
                t[i] = inTag ? TAG_SEP + key + "_" + value : "";
            }
            wordList.add(w);
            tagList.add(t);
            nameList.add(parameterName(arg.name()));
            valueList.add(arg.values().toArray(new String[0]));
        }
        for (String flag : spec.flags()) {
            String bare = flag.replace("-", "").replace("+", "");
            wordList.add(new String[] {" " + flag, ""});
            tagList.add(tagged ? new String[] {TAG_SEP + "+" + bare, TAG_SEP + "-" + bare} : new String[] {"", ""});
            nameList.add(parameterName(flag));
            valueList.add(new String[] {"true", "false"});
        }
        paramNames = uniqueNames(nameList);
        paramValues = valueList.toArray(new String[0][]);

        words = wordList.toArray(new String[0][]);
        tagParts = tagList.toArray(new String[0][]);
        tagPartSafe = new boolean[words.length][];
        strides = new long[words.length];
        long product = 1;
        int longest = spec.command().length();
        for (int d = 0; d < words.length; d++) {
            strides[d] = product;
            try {
                product = Math.multiplyExact(product, words[d].length);
            } catch (ArithmeticException e) {
                throw new BadInputException("the grid is too large: expected fewer than " + Long.MAX_VALUE + " tasks");
            }
            tagPartSafe[d] = new boolean[words[d].length];
            int widest = 0;
            for (int i = 0; i < words[d].length; i++) {
                tagPartSafe[d][i] = tagParts[d][i].isEmpty() || ShellQuote.isSafe(tagParts[d][i]);
                widest = Math.max(widest, words[d][i].length() + 2 * tagParts[d][i].length());
            }
            longest += widest;
        }
        size = product;
        if (firstId - 1 > Long.MAX_VALUE - size) {
            throw new BadInputException("the grid is too large: task ids would pass " + Long.MAX_VALUE);
        }
        // onager pads tag numbers to the width of the last id of this prelaunch (also when appending).
        idWidth = Long.toString(firstId + size - 1).length();
        tagLead = tagged ? " " + spec.tagName() + sep : null;
        capacity = longest + (tagged ? tagLead.length() + 2 * (spec.jobName().length() + idWidth + 1) + 8 : 0);
    }

    /** The grid with ids 1, 2, ... */
    public static Grid of(GridSpec spec) {
        return new Grid(spec, 1);
    }

    /** The grid with ids {@code firstId, firstId + 1, ...}, as when appending to a jobfile whose largest id is {@code firstId - 1}. */
    public static Grid of(GridSpec spec, long firstId) {
        return new Grid(spec, firstId);
    }

    /**
     * A parameter's name without the dashes of its option ({@code --learning-rate} is
     * {@code learning-rate}), as users name it in {@code sweep results --over}; a name that is only
     * dashes stays as it is.
     */
    public static String parameterName(String option) {
        int start = 0;
        while (start < option.length() && option.charAt(start) == '-') {
            start++;
        }
        return start == option.length() ? option : option.substring(start);
    }

    /** Two options that lose their dashes to the same name ({@code -x}, {@code --x}) keep theirs. */
    private String[] uniqueNames(List<String> names) {
        String[] unique = names.toArray(new String[0]);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> options = new ArrayList<>();
        spec.posArgs().forEach(p -> options.add(null));
        spec.args().forEach(a -> options.add(a.name()));
        options.addAll(spec.flags());
        for (int d = 0; d < unique.length; d++) {
            if (unique[d] != null && !seen.add(unique[d])) {
                unique[d] = options.get(d);
            }
        }
        return unique;
    }

    /**
     * The swept parameters of the task at {@code index} (0-based), in the order of the command's words:
     * each named arg's value, {@code posN} for the N-th positional arg, {@code true} or {@code false}
     * for a flag. Constant switches ({@code +arg NAME} without values) are not parameters.
     */
    public java.util.Map<String, String> parameters(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("task index " + index + " is outside 0.." + (size - 1));
        }
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int d = 0; d < words.length; d++) {
            if (paramNames[d] != null) {
                values.put(paramNames[d], paramValues[d][(int) ((index / strides[d]) % words[d].length)]);
            }
        }
        return values;
    }

    /** The parameters' names, in the order {@link #parameters} gives them. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String name : paramNames) {
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** onager's tag key of an arg: {@code --learning_rate} becomes {@code learningrate}. */
    static String tagKey(String name) {
        return name.replace("_", "").replace("-", "").replace("=", "_").replace("/", ".");
    }

    public GridSpec spec() {
        return spec;
    }

    public long size() {
        return size;
    }

    public long firstId() {
        return firstId;
    }

    public long lastId() {
        return firstId + size - 1;
    }

    /** The task at {@code index} (0-based; its id is {@code firstId + index}). */
    public Job job(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("task index " + index + " is outside 0.." + (size - 1));
        }
        int[] digits = new int[words.length];
        for (int d = 0; d < words.length; d++) {
            digits[d] = (int) ((index / strides[d]) % words[d].length);
        }
        return build(firstId + index, digits, new StringBuilder(capacity));
    }

    @Override
    public Iterator<Job> iterator() {
        return new Odometer();
    }

    public Stream<Job> stream() {
        Spliterator<Job> split = Spliterators.spliterator(iterator(), size,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | Spliterator.DISTINCT);
        return StreamSupport.stream(split, false);
    }

    private Job build(long id, int[] digits, StringBuilder line) {
        line.setLength(0);
        line.append(spec.command());
        for (int d = 0; d < digits.length; d++) {
            line.append(words[d][digits[d]]);
        }
        if (tagLead == null) {
            return new Job(id, line.toString(), "");
        }
        line.append(tagLead);
        int tagStart = line.length();
        line.append(spec.jobName());
        if (spec.tagNumber()) {
            line.append('_');
            String number = Long.toString(id);
            for (int pad = idWidth - number.length(); pad > 0; pad--) {
                line.append('0');
            }
            line.append(number);
        }
        boolean safe = true;
        for (int d = 0; d < digits.length; d++) {
            line.append(tagParts[d][digits[d]]);
            safe &= tagPartSafe[d][digits[d]];
        }
        String tag = line.substring(tagStart);
        if (!safe) {
            line.setLength(tagStart);
            line.append(ShellQuote.quote(tag));
        }
        return new Job(id, line.toString(), tag);
    }

    /** Walks the grid in order by counting in mixed radix, first dimension fastest. */
    private final class Odometer implements Iterator<Job> {
        private final int[] digits = new int[words.length];
        private final StringBuilder line = new StringBuilder(capacity);
        private long next;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Job next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            Job job = build(firstId + next, digits, line);
            next++;
            for (int d = 0; d < digits.length; d++) {
                if (++digits[d] < words[d].length) {
                    break;
                }
                digits[d] = 0;
            }
            return job;
        }
    }
}
