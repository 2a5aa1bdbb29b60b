package dev.clustersweep.validation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.jobfile.Job;
import java.util.List;
import org.junit.Test;

public class GridPreviewTest {

    private static WizardForm form(String command, List<WizardForm.ParameterRow> rows, List<String> positional,
            String flags) {
        return new WizardForm(command, "demo", rows, positional, flags, false, null, null, true, null);
    }

    @Test
    public void countsAndShowsTheFirstCommands() {
        GridPreview p = GridPreview.of(form("python train.py", WizardForm.rows("--lr", "0.1 0.01", "--seed", "1 2 3"),
                List.of(), "--fast"), 4);
        assertNull(p.error());
        assertTrue(p.ok());
        assertEquals(12, p.tasks());
        assertTrue(p.more());
        assertEquals(List.of("python train.py --lr 0.1 --seed 1 --fast", "python train.py --lr 0.01 --seed 1 --fast",
                "python train.py --lr 0.1 --seed 2 --fast", "python train.py --lr 0.01 --seed 2 --fast"),
                p.first().stream().map(Job::command).toList());
        assertEquals(1, p.first().get(0).id());
    }

    @Test
    public void smallGridsShowEverything() {
        GridPreview p = GridPreview.of(form("echo", WizardForm.rows("--x", "'a b' c"), List.of("in.txt"), ""), 10);
        assertEquals(2, p.tasks());
        assertFalse(p.more());
        assertEquals(List.of("echo in.txt --x 'a b'", "echo in.txt --x c"), p.first().stream().map(Job::command).toList());
    }

    @Test
    public void tagsAndHydraMode() {
        WizardForm f = new WizardForm("python app.py", "exp", WizardForm.rows("lr", "0.1 0.2", "model", "a b"),
                List.of(), null, true, "", "lr", true, "hydra");
        GridPreview p = GridPreview.of(f, 1);
        assertEquals(4, p.tasks());
        assertEquals("python app.py lr=0.1 model=a --tag=exp_1__lr_0.1", p.first().get(0).command());
        assertEquals("exp_1__lr_0.1", p.first().get(0).tag());
    }

    @Test
    public void hugeGridsAnswerAtOnce() {
        // 12 parameters of 10 values: 10^12 tasks.
        GridSpec.Builder spec = GridSpec.builder("python train.py", "huge");
        for (int p = 0; p < 12; p++) {
            spec.arg("--p" + p, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
        long start = System.nanoTime();
        GridPreview preview = GridPreview.of(spec.build());
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("preview of a 10^12-task grid: " + micros + " us");
        assertEquals(1_000_000_000_000L, preview.tasks());
        assertEquals(GridPreview.DEFAULT_LIMIT, preview.first().size());
        assertTrue(preview.more());
        assertTrue(preview.first().get(9).command().startsWith("python train.py --p0 9 --p1 0"));
    }

    @Test
    public void tooLargeGridIsAnErrorNotAnException() {
        GridSpec.Builder spec = GridSpec.builder("x", "huge");
        for (int p = 0; p < 20; p++) {
            spec.arg("--p" + p, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
        GridPreview preview = GridPreview.of(spec.build());
        assertEquals(0, preview.tasks());
        assertTrue(preview.error(), preview.error().startsWith("the grid is too large"));
    }

    @Test
    public void limitIsClamped() {
        WizardForm f = form("echo", WizardForm.rows("--n", "1 2 3 4 5 6 7 8 9 10 11 12"), List.of(), null);
        assertEquals(1, GridPreview.of(f, 0).first().size());
        assertEquals(12, GridPreview.of(f, 1000).first().size());
    }

    @Test
    public void badFormsGiveOneLine() {
        assertError(form("", List.of(), List.of(), null), "bad +command ''");
        assertError(new WizardForm("x", "bad name", List.of(), List.of(), null, false, null, null, true, null),
                "bad jobname 'bad name'");
        assertError(form("x", WizardForm.rows("", "1 2"), List.of(), null),
                "parameter row 1 has values '1 2' but no name: expected a name like --lr");
        assertError(form("x", WizardForm.rows("--lr", "0.1 '0.2"), List.of(), null),
                "parameter --lr: bad values '0.1 '0.2': the quote ' at character 5 is not closed");
        assertError(form("x", WizardForm.rows("--a", "1", "--a", "2"), List.of(), null), "+arg --a is given twice");
        assertError(form("x", List.of(), List.of("'oops"), null), "positional row 1: bad values");
        assertError(new WizardForm("x", "d", WizardForm.rows("--lr", "1"), List.of(), null, true, null, "--seed", true,
                null), "bad +tag-args name '--seed'");
        assertError(new WizardForm("x", "d", List.of(), List.of(), null, false, null, null, true, "yaml"),
                "bad arg mode 'yaml'");
    }

    @Test
    public void blankRowsAreIgnoredAndNamesWithoutValuesAreSwitches() {
        WizardForm f = form("run", WizardForm.rows("", "", "--verbose", "", "--n", "1 2"), List.of("", " "), null);
        GridPreview p = GridPreview.of(f, 10);
        assertNull(p.error());
        assertEquals(List.of("run --verbose --n 1", "run --verbose --n 2"), p.first().stream().map(Job::command).toList());
    }

    @Test
    public void bareNamesGetTheirDashesAsTheBuildGivesThem() {
        // The lab run showed "x n 1" where the build ran "x --n 1".
        WizardForm f = new WizardForm("x", "d", WizardForm.rows("n", "1", "--m", "2"), List.of(), "fast", false, null,
                null, false, null);
        assertEquals(List.of("x --n 1 --m 2 --fast", "x --n 1 --m 2"),
                GridPreview.of(f, 10).first().stream().map(Job::command).toList());
        WizardForm hydra = new WizardForm("x", "d", WizardForm.rows("n", "1"), List.of(), null, false, null, null, false,
                "hydra");
        assertEquals(List.of("x n=1"), GridPreview.of(hydra, 10).first().stream().map(Job::command).toList());
    }

    private static void assertError(WizardForm form, String start) {
        GridPreview p = GridPreview.of(form, 10);
        assertTrue(String.valueOf(p.error()), p.error() != null && p.error().startsWith(start));
        assertFalse(p.error().contains("\n"));
        assertEquals(0, p.tasks());
        assertTrue(p.first().isEmpty());
    }
}
