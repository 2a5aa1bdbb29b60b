package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table of results, before it is written in some format ({@link TableFormat}): named columns,
 * and rows of cells that are text ({@link String}), whole numbers ({@link Long}), values
 * ({@link Double}) or empty (null). Keeping the numbers as numbers lets CSV and JSON carry them
 * exactly while the terminal rounds them.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Whether every cell of column {@code c} that is not empty is a number (right-aligned on a terminal). */
    public boolean numeric(int c) {
        for (List<Object> row : rows) {
            Object cell = row.get(c);
            if (cell != null && !(cell instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    /** Collects columns whose names stay distinct: a parameter and a metric may share a name. */
    public static final class Columns {
        private final List<String> names = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();
        private final Set<String> reserved;

        /** The {@code reserved} names (the table's own columns) go to {@link #add(String)} alone, whatever comes first. */
        public Columns(String... reserved) {
            this.reserved = new HashSet<>(List.of(reserved));
            taken.addAll(this.reserved);
        }

        /** Adds {@code name}, or {@code prefix:name} when a column has that name already. */
        public Columns add(String name, String prefix) {
            String unique = name;
            for (int i = 2; !taken.add(unique); i++) {
                unique = prefix + ":" + name + (i > 2 ? "#" + (i - 1) : "");
            }
            names.add(unique);
            return this;
        }

        /** Adds one of the table's own columns. */
        public Columns add(String name) {
            if (reserved.remove(name)) {
                names.add(name);
                return this;
            }
            return add(name, "column");
        }

        public List<String> names() {
            return names;
        }
    }
}
