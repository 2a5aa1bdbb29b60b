package io.jenkins.plugins.clustersweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A build's results table, as kept in its directory ({@code cluster-sweep/JOBNAME.results.json.gz},
 * the JSON of {@code sweep results --format json}, best first): read once, then sorted by any
 * column and paged for the build page's script.
 */
@Restricted(NoExternalUse.class)
final class ResultsTable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 1000;

    private final List<String> columns;
    /** Rows in rank order (the file's): each row's cells in {@link #columns}' order. */
    private final List<JsonNode[]> rows;

    private ResultsTable(List<String> columns, List<JsonNode[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static ResultsTable read(File file) throws IOException {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file.toPath()))) {
            root = MAPPER.readTree(in);
        }
        List<String> columns = new ArrayList<>();
        root.path("columns").forEach(c -> columns.add(c.asText()));
        List<JsonNode[]> rows = new ArrayList<>();
        for (JsonNode row : root.path("rows")) {
            JsonNode[] cells = new JsonNode[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.get(columns.get(i));
            }
            rows.add(cells);
        }
        return new ResultsTable(List.copyOf(columns), rows);
    }

    int size() {
        return rows.size();
    }

    /**
     * One page, sorted by {@code sort} (a column; null or unknown: rank), {@code descending} or not;
     * empty cells always last. Each row carries its rank (1 for the best; 0 for a task not ranked).
     *
     * @param ranked how many of the first rows are ranked
     */
    ObjectNode page(String sort, boolean descending, int page, int size, long ranked) {
        int c = sort == null ? -1 : columns.indexOf(sort);
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        if (c >= 0) {
            Comparator<Integer> byCell = (a, b) -> compare(rows.get(a)[c], rows.get(b)[c]);
            Comparator<Integer> cmp = descending ? byCell.reversed() : byCell;
            order.sort((a, b) -> {
                boolean ea = empty(rows.get(a)[c]);
                boolean eb = empty(rows.get(b)[c]);
                if (ea || eb) {
                    return ea == eb ? Integer.compare(a, b) : ea ? 1 : -1;
                }
                int r = cmp.compare(a, b);
                return r != 0 ? r : Integer.compare(a, b);
            });
        } else if (descending) {
            java.util.Collections.reverse(order);
        }
        int pageSize = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        int pages = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(page, 1), pages);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode cols = out.putArray("columns");
        columns.forEach(cols::add);
        out.put("total", rows.size());
        out.put("page", p);
        out.put("pages", pages);
        out.put("size", pageSize);
        out.put("sort", c >= 0 ? columns.get(c) : "rank");
        out.put("order", descending ? "desc" : "asc");
        ArrayNode list = out.putArray("rows");
        for (int i = (p - 1) * pageSize; i < Math.min(rows.size(), p * pageSize); i++) {
            int index = order.get(i);
            ArrayNode row = list.addArray();
            row.add(index < ranked ? index + 1 : 0);
            for (JsonNode cell : rows.get(index)) {
                row.add(cell == null ? MAPPER.nullNode() : cell);
            }
        }
        return out;
    }

    private static boolean empty(JsonNode n) {
        return n == null || n.isNull();
    }

    /** Numbers by value, before text ("nan", "inf" and words), text by its characters. */
    private static int compare(JsonNode a, JsonNode b) {
        double x = number(a);
        double y = number(b);
        boolean nx = Double.isNaN(x);
        boolean ny = Double.isNaN(y);
        if (!nx && !ny) {
            return Double.compare(x, y);
        }
        if (nx != ny) {
            return nx ? 1 : -1;
        }
        return a.asText().compareTo(b.asText());
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        String t = n.asText();
        if (t.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return t.matches("-?[0-9.]+([eE][-+]?[0-9]+)?") ? Double.parseDouble(t) : Double.NaN; // numeric parameters
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
