package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads onager's prelaunch command line ({@code +command ... +jobname ... +arg --lr 0.1 0.01 ...}),
 * the way argparse with {@code prefix_chars='+'} reads it, into a {@link Prelaunch}.
 *
 * <p>Where a value ends: argparse ends an option's values at any word that starts with '+' (and
 * has no space), then silently drops the words it does not know, so onager turns
 * {@code +arg --x +5 6} into a bare {@code --x}. Here a word ends the values only when it is one
 * of our options: exactly, as {@code +name=value}, or as an unambiguous prefix of a long name (as
 * argparse's abbreviations); so {@code +5}, {@code +model=resnet} (Hydra) or a lone {@code +} are
 * values. Words starting with '-' ({@code -1}, {@code -0.1}, {@code --lr}) are always values, as
 * in argparse; so is {@code --}, which argparse would take as the end of options and then drop
 * what follows. A word that is neither a value of an open option nor an option is an error, never
 * silently dropped. Repeating {@code +arg NAME} keeps NAME's first position and its last values,
 * as onager's dict does; other repeated options keep the last one, as argparse does.
 */
public final class PrelaunchArgs {

    /** Our default, where onager's is {@code .onager/scripts/{jobname}/jobs.json}. */
    public static final String DEFAULT_JOBFILE = SweepDirectory.ROOT + "/{jobname}/jobs.json";

    private enum Arity { NONE, ONE, OPTIONAL, MANY }

    private enum Option {
        COMMAND("command", null, Arity.ONE),
        JOBNAME("jobname", null, Arity.ONE),
        JOBFILE("jobfile", null, Arity.ONE),
        ARG_MODE("arg-mode", null, Arity.ONE),
        ARG("arg", null, Arity.MANY),
        POS_ARG("pos-arg", null, Arity.MANY),
        FLAG("flag", null, Arity.ONE),
        TAG("tag", null, Arity.OPTIONAL),
        TAG_ARGS("tag-args", null, Arity.MANY),
        NO_TAG_NUMBER("no-tag-number", null, Arity.NONE),
        APPEND("append", "a", Arity.NONE),
        QUIET("quiet", "q", Arity.NONE);

        final String name;
        final String shortName;
        final Arity arity;

        Option(String name, String shortName, Arity arity) {
            this.name = name;
            this.shortName = shortName;
            this.arity = arity;
        }

        @Override
        public String toString() {
            return "+" + name;
        }
    }

    /** An option word: which option, and the value given after '=' (null when none). */
    private record Word(Option option, String inline) {
    }

    private PrelaunchArgs() {
    }

    public static Prelaunch parse(List<String> words) {
        String command = null;
        String jobName = null;
        String jobFile = DEFAULT_JOBFILE;
        ArgMode argMode = ArgMode.ARGPARSE;
        Map<String, List<String>> args = new LinkedHashMap<>();
        List<List<String>> posArgs = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String tag = null;
        List<String> tagArgs = null;
        boolean tagNumber = true;
        boolean append = false;
        boolean quiet = false;

        int i = 0;
        while (i < words.size()) {
            String text = words.get(i++);
            List<Word> options = resolve(text);
            if (options == null) {
                if (text.startsWith("+") && text.length() > 1) {
                    throw new BadInputException("unknown option '" + text + "': expected one of " + allOptions());
                }
                throw new BadInputException("unexpected value '" + text
                        + "': expected values only after an option, e.g. +arg --lr 0.1 0.01 or +pos-arg a b");
            }
            for (Word word : options) {
                Option option = word.option();
                List<String> values = new ArrayList<>();
                if (word.inline() != null) {
                    values.add(word.inline());
                }
                switch (option.arity) {
                    case NONE -> {
                        if (word.inline() != null) {
                            throw new BadInputException("bad '" + text + "': " + option + " takes no value");
                        }
                    }
                    case ONE -> {
                        if (values.isEmpty() && i < words.size() && resolve(words.get(i)) == null) {
                            values.add(words.get(i++));
                        }
                        if (values.isEmpty()) {
                            throw new BadInputException(option + " needs a value: expected " + usage(option));
                        }
                    }
                    case OPTIONAL -> {
                        if (values.isEmpty() && i < words.size() && resolve(words.get(i)) == null) {
                            values.add(words.get(i++));
                        }
                    }
                    case MANY -> {
                        while (i < words.size() && resolve(words.get(i)) == null) {
                            values.add(words.get(i++));
                        }
                        if (values.isEmpty()) {
                            throw new BadInputException(option + " needs at least one value: expected " + usage(option));
                        }
                    }
                }
                switch (option) {
                    case COMMAND -> command = values.get(0);
                    case JOBNAME -> jobName = values.get(0);
                    case JOBFILE -> jobFile = values.get(0);
                    case ARG_MODE -> argMode = ArgMode.named(values.get(0));
                    case ARG -> {
                        String name = values.get(0);
                        // put on a known key keeps its first position, as Python's dict does
                        args.put(name, values.subList(1, values.size()));
                    }
                    case POS_ARG -> posArgs.add(values);
                    case FLAG -> flags.add(values.get(0));
                    case TAG -> tag = values.isEmpty() ? "--tag" : values.get(0);
                    case TAG_ARGS -> tagArgs = values;
                    case NO_TAG_NUMBER -> tagNumber = false;
                    case APPEND -> append = true;
                    case QUIET -> quiet = true;
                }
            }
        }
        if (command == null) {
            throw new BadInputException("missing +command: expected " + usage(Option.COMMAND));
        }
        if (jobName == null) {
            throw new BadInputException("missing +jobname: expected " + usage(Option.JOBNAME));
        }
        SweepDirectory.checkJobName(jobName);
        List<GridArg> gridArgs = new ArrayList<>();
        args.forEach((name, values) -> gridArgs.add(new GridArg(name, values)));
        GridSpec spec = new GridSpec(command, jobName, gridArgs, posArgs, flags, tag, tagArgs, tagNumber, argMode);
        return new Prelaunch(spec, jobFilePath(jobFile, jobName), append, quiet);
    }

    /** onager formats the path with {@code str.format(jobname=...)}; we replace just that field. */
    private static Path jobFilePath(String template, String jobName) {
        if (template.isEmpty()) {
            throw new BadInputException("bad +jobfile '': expected a path such as " + DEFAULT_JOBFILE);
        }
        String path = template.replace("{jobname}", jobName);
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new BadInputException("bad +jobfile '" + template + "': expected a path such as " + DEFAULT_JOBFILE);
        }
    }

    /**
     * The options a word stands for, or null when it is a value. Usually one option; argparse also
     * reads combined short switches ({@code +qa} is {@code +q +a}).
     */
    private static List<Word> resolve(String text) {
        if (text.length() < 2 || text.charAt(0) != '+') {
            return null;
        }
        String body = text.substring(1);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String inline = eq < 0 ? null : body.substring(eq + 1);
        for (Option option : Option.values()) {
            if (name.equals(option.name) || name.equals(option.shortName)) {
                return List.of(new Word(option, inline));
            }
        }
        if (name.isEmpty()) {
            return null;
        }
        List<Option> prefixed = Stream.of(Option.values()).filter(o -> o.name.startsWith(name)).toList();
        if (prefixed.size() == 1) {
            return List.of(new Word(prefixed.get(0), inline));
        }
        if (prefixed.size() > 1) {
            throw new BadInputException("ambiguous option '" + text + "': could be " + prefixed.stream()
                    .map(Option::toString).collect(Collectors.joining(" or ")));
        }
        if (inline == null && name.chars().allMatch(c -> c == 'a' || c == 'q')) {
            return name.chars().mapToObj(c -> new Word(c == 'a' ? Option.APPEND : Option.QUIET, null)).toList();
        }
        return null;
    }

    private static String usage(Option option) {
        return switch (option) {
            case COMMAND -> "+command 'PROGRAM [ARGS]', e.g. +command 'python train.py'";
            case JOBNAME -> "+jobname NAME, e.g. +jobname lr_sweep";
            case JOBFILE -> "+jobfile PATH, e.g. +jobfile " + DEFAULT_JOBFILE;
            case ARG_MODE -> "+arg-mode argparse|hydra";
            case ARG -> "+arg NAME [VALUE...], e.g. +arg --lr 0.1 0.01";
            case POS_ARG -> "+pos-arg VALUE [VALUE...]";
            case FLAG -> "+flag NAME, e.g. +flag --use-gpu";
            case TAG -> "+tag [NAME]";
            case TAG_ARGS -> "+tag-args NAME [NAME...], e.g. +tag-args --lr";
            default -> option.toString();
        };
    }

    private static String allOptions() {
        return Stream.of(Option.values()).map(o -> o.shortName == null ? o.toString() : o + " (+" + o.shortName + ")")
                .collect(Collectors.joining(", "));
    }
}
