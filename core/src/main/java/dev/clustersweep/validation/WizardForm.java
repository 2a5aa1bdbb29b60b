package dev.clustersweep.validation;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.grid.GridArg;
import dev.clustersweep.grid.GridSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid part of the build wizard as the form posts it: text, not yet parsed. {@link #toSpec()}
 * turns it into the {@link GridSpec} a launch runs; the values boxes are read by
 * {@link ValuesText}. A row left entirely blank is ignored, since repeatable form rows are often
 * added and left empty.
 *
 * @param parameters named parameters in command order; values text per row
 * @param positional positional values, one values text per row, in command order
 * @param flags switches swept on and off, as words ({@code --fast --amp})
 * @param tag whether each task gets a tag argument
 * @param tagName the argument that takes the tag; blank for {@code --tag}
 * @param tagArgs which parameter names go into the tag, as words; blank for all
 * @param tagNumber whether the tag starts with the task id
 * @param argMode {@code argparse} (blank) or {@code hydra}
 */
public record WizardForm(String command, String jobName, List<ParameterRow> parameters, List<String> positional,
        String flags, boolean tag, String tagName, String tagArgs, boolean tagNumber, String argMode) {

    /** One named parameter row: its name ({@code --lr}) and its values text ({@code 0.1 0.01}). */
    public record ParameterRow(String name, String values) {
    }

    public WizardForm {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        positional = positional == null ? List.of() : List.copyOf(positional);
    }

    /**
     * The grid the form describes.
     *
     * @throws BadInputException one line naming the row or value at fault
     */
    public GridSpec toSpec() {
        ArgMode mode = blank(argMode) ? ArgMode.ARGPARSE : ArgMode.named(argMode.strip());
        GridSpec.Builder spec = GridSpec.builder(command, jobName);
        for (int i = 0; i < positional.size(); i++) {
            String text = positional.get(i);
            if (blank(text)) {
                continue;
            }
            spec.posArg(values("positional row " + (i + 1), text));
        }
        for (int i = 0; i < parameters.size(); i++) {
            ParameterRow row = parameters.get(i);
            if (row == null || (blank(row.name()) && blank(row.values()))) {
                continue;
            }
            if (blank(row.name())) {
                throw new BadInputException("parameter row " + (i + 1) + " has values '"
                        + ValuesText.shorten(row.values().strip()) + "' but no name: expected a name like --lr");
            }
            String name = row.name().strip();
            spec.arg(new GridArg(mode.optionName(name), values("parameter " + name, row.values())));
        }
        for (String flag : values("flags", flags)) {
            spec.flag(mode.optionName(flag));
        }
        if (tag) {
            spec.tag(blank(tagName) ? "--tag" : mode.optionName(tagName.strip()));
            List<String> names = values("tag parameters", tagArgs).stream().map(mode::optionName).toList();
            spec.tagArgs(names.isEmpty() ? null : names);
        }
        spec.tagNumber(tagNumber);
        spec.argMode(mode);
        return spec.build();
    }

    private static List<String> values(String where, String text) {
        try {
            return ValuesText.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Convenience for tests and the builder: rows from name, values pairs. */
    public static List<ParameterRow> rows(String... nameThenValues) {
        List<ParameterRow> rows = new ArrayList<>();
        for (int i = 0; i + 1 < nameThenValues.length; i += 2) {
            rows.add(new ParameterRow(nameThenValues[i], nameThenValues[i + 1]));
        }
        return rows;
    }
}
