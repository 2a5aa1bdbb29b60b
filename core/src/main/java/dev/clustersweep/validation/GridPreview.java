package dev.clustersweep.validation;

import dev.clustersweep.BadInputException;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.jobfile.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * What the wizard shows under the grid while the user types: how many tasks it makes and the
 * first few commands, or the one-line reason it makes none. A grid's task {@code i} is computed
 * directly (see {@link Grid}), so a grid of 10^12 tasks previews as fast as one of 10, and nothing
 * is written.
 *
 * @param tasks how many tasks the grid makes; 0 with an error
 * @param first the first tasks, ids from 1, with their commands and tags
 * @param more whether the grid has tasks beyond {@code first}
 * @param error the reason the form makes no grid, or null
 */
public record GridPreview(long tasks, List<Job> first, boolean more, String error) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public GridPreview {
        first = List.copyOf(first);
    }

    public static GridPreview of(GridSpec spec) {
        return of(spec, DEFAULT_LIMIT);
    }

    /** The preview of a grid; {@code limit} is clamped to 1..{@value #MAX_LIMIT}. */
    public static GridPreview of(GridSpec spec, int limit) {
        try {
            Grid grid = Grid.of(spec);
            int shown = (int) Math.min(grid.size(), Math.max(1, Math.min(MAX_LIMIT, limit)));
            List<Job> jobs = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                jobs.add(grid.job(i));
            }
            return new GridPreview(grid.size(), jobs, grid.size() > shown, null);
        } catch (BadInputException e) {
            return failed(e);
        }
    }

    /** The preview of the form's grid; a form that makes no grid gives its error, never an exception. */
    public static GridPreview of(WizardForm form, int limit) {
        GridSpec spec;
        try {
            spec = form.toSpec();
        } catch (BadInputException e) {
            return failed(e);
        }
        return of(spec, limit);
    }

    private static GridPreview failed(BadInputException e) {
        return new GridPreview(0, List.of(), false, e.getMessage());
    }

    public boolean ok() {
        return error == null;
    }
}
