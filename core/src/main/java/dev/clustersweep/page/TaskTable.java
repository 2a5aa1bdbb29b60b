package dev.clustersweep.page;

import java.util.List;

/**
 * One page of the task table, with what the pager shows: "tasks 101-200 of 1,234, page 2 of 13".
 * An empty table is page 1 of 1 with no rows and rows numbered 0-0.
 *
 * @param matching tasks the filter lets through, over all pages
 * @param firstRow 1-based number of the first row shown, 0 when none
 * @param lastRow number of the last row shown, 0 when none
 */
public record TaskTable(int page, int pageSize, int totalPages, long matching, long firstRow, long lastRow,
        List<TaskRow> rows) {

    public TaskTable {
        rows = List.copyOf(rows);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
