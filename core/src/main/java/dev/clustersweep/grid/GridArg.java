package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;
import java.util.List;

/**
 * One named argument of a sweep ({@code +arg NAME VALUE...}). With values, every task gets one of
 * them; with none, the name is a constant switch in every task's command. The name is shell text
 * used as given; values are quoted when the shell would change them.
 */
public record GridArg(String name, List<String> values) {
    public GridArg {
        if (name == null || name.isEmpty()) {
            throw new BadInputException("+arg needs a name: expected +arg NAME [VALUE...], e.g. +arg --lr 0.1 0.01");
        }
        if (values == null) {
            throw new BadInputException("+arg " + name + ": values must not be null");
        }
        values = List.copyOf(values);
    }

    public GridArg(String name, String... values) {
        this(name, List.of(values));
    }
}
