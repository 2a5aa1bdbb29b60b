package dev.clustersweep.grid;

import static dev.clustersweep.grid.Sweeps.commands;
import static dev.clustersweep.grid.Sweeps.parse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.shell.ShellQuote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.Test;

public class GridTest {

    @Test
    public void sizeIsTheProductOfTheDimensions() {
        GridSpec spec = GridSpec.builder("run", "s").posArg("a", "b", "c").arg("--lr", "1", "2").arg("--const")
                .flag("--f").flag("--g").build();
        assertEquals(3 * 2 * 1 * 2 * 2, Grid.of(spec).size());
        assertEquals(1, Grid.of(GridSpec.builder("run", "s").build()).size());
        assertEquals(List.of("run"), commands(Grid.of(GridSpec.builder("run", "s").build())));
    }

    @Test
    public void directAccessMatchesIteration() {
        GridSpec spec = GridSpec.builder("run", "s").posArg("a", "b", "c").arg("--lr", "1", "2").arg("--const")
                .arg("--k", "x", "y", "z", "w").flag("--f").flag("-g").tag("--tag").build();
        Grid grid = Grid.of(spec, 7);
        long i = 0;
        for (Job job : grid) {
            assertEquals(grid.job(i), job);
            assertEquals(7 + i, job.id());
            i++;
        }
        assertEquals(grid.size(), i);
        assertEquals(grid.job(5), grid.stream().skip(5).findFirst().orElseThrow());
        assertEquals(grid.size(), grid.stream().count());
        assertEquals(7, grid.firstId());
        assertEquals(7 + grid.size() - 1, grid.lastId());
    }

    @Test
    public void firstDimensionVariesFastest() {
        GridSpec spec = GridSpec.builder("run", "s").posArg("p1", "p2").arg("--a", "a1", "a2", "a3").build();
        assertEquals(List.of("run p1 --a a1", "run p2 --a a1", "run p1 --a a2", "run p2 --a a2", "run p1 --a a3",
                "run p2 --a a3"), commands(Grid.of(spec)));
    }

    @Test
    public void anArgWithoutValuesIsAConstantSwitch() {
        assertEquals(List.of("run --lr 1 --verbose --tag s_1__lr_1__verbose", "run --lr 2 --verbose --tag s_2__lr_2__verbose"),
                commands("+command run +jobname s +arg --lr 1 2 +arg --verbose +tag"));
    }

    @Test
    public void aConstantSwitchLeftOutOfTheTagStillRuns() {
        // onager writes no task at all here (a bug in its tag bookkeeping); we keep every task.
        assertEquals(List.of("run --verbose --lr 1 --tag s_1__lr_1", "run --verbose --lr 2 --tag s_2__lr_2"),
                commands("+command run +jobname s +arg --verbose +arg --lr 1 2 +tag +tag-args --lr"));
    }

    @Test
    public void tagArgsChooseWhichArgsAreNamedButNotTheirOrder() {
        assertEquals("run --a 1 --b 2 --c 3 --tag s_1__a_1__c_3",
                commands("+command run +jobname s +arg --a 1 +arg --b 2 +arg --c 3 +tag +tag-args --c --a").get(0));
    }

    @Test
    public void tagArgsWithoutTagAreIgnored() {
        assertEquals(List.of("run --a 1"), commands("+command run +jobname s +arg --a 1 +tag-args --a"));
    }

    @Test
    public void hydraJoinsNameAndValueWithEquals() {
        Prelaunch p = Sweeps.words("+command", "python app.py", "+jobname", "s", "+arg-mode", "hydra", "+pos-arg", "7",
                "+arg", "model", "resnet", "+arg", "+trainer.gpus", "2", "+tag");
        assertEquals(List.of("python app.py 7 model=resnet +trainer.gpus=2 --tag=s_1__7__model_resnet__+trainer.gpus_2"),
                commands(Grid.of(p.spec())));
    }

    @Test
    public void valuesTheShellWouldChangeAreQuoted() {
        GridSpec spec = GridSpec.builder("echo", "s").posArg("a b", "ok").arg("--msg", "it's", "$HOME", "", "*")
                .build();
        assertEquals(List.of(
                "echo 'a b' --msg 'it'\\''s'", "echo ok --msg 'it'\\''s'",
                "echo 'a b' --msg '$HOME'", "echo ok --msg '$HOME'",
                "echo 'a b' --msg ''", "echo ok --msg ''",
                "echo 'a b' --msg '*'", "echo ok --msg '*'"), commands(Grid.of(spec)));
    }

    @Test
    public void hydraQuotesOnlyTheValue() {
        GridSpec spec = GridSpec.builder("app", "s").arg("name", "a b").argMode(ArgMode.HYDRA).build();
        assertEquals("app name='a b'", Grid.of(spec).job(0).command());
    }

    @Test
    public void aNewlineStaysOnOneLine() {
        Job job = Grid.of(GridSpec.builder("app", "s").arg("--x", "a\nb").tag("--tag").build()).job(0);
        assertEquals("app --x $'a\\nb' --tag $'s_1__x_a\\nb'", job.command());
        assertEquals("s_1__x_a\nb", job.tag());
        assertFalse(job.command().contains("\n"));
    }

    @Test
    public void theTagIsQuotedWhenItsValuesNeedItAndStoredRaw() {
        Grid grid = Grid.of(GridSpec.builder("app", "s").arg("--x", "a b", "c").tag("--run-tag").build());
        assertEquals(new Job(1, "app --x 'a b' --run-tag 's_1__x_a b'", "s_1__x_a b"), grid.job(0));
        assertEquals(new Job(2, "app --x c --run-tag s_2__x_c", "s_2__x_c"), grid.job(1));
        Grid hydra = Grid.of(GridSpec.builder("app", "s").arg("x", "a b").tag("tag").argMode(ArgMode.HYDRA).build());
        assertEquals("app x='a b' tag='s_1__x_a b'", hydra.job(0).command());
    }

    @Test
    public void namesAndTheCommandAreShellTextUsedAsGiven() {
        Grid grid = Grid.of(GridSpec.builder("cd /tmp && run \"$X\"", "s").arg("--opt $Y", "1").flag("-v >log").build());
        assertEquals("cd /tmp && run \"$X\" --opt $Y 1 -v >log", grid.job(0).command());
    }

    @Test
    public void valuesThatNeedNoQuotingAreLeftAlone() {
        List<String> plain = List.of("0.1", "-1", "-0.5", "1e-3", "a/b", "x=y", "é", "😀", "a,b", "+5", "%p", "@h", "a:b");
        Grid grid = Grid.of(GridSpec.builder("run", "s").posArg(plain).build());
        for (int i = 0; i < plain.size(); i++) {
            assertTrue(ShellQuote.isSafe(plain.get(i)));
            assertEquals("run " + plain.get(i), grid.job(i).command());
        }
    }

    @Test
    public void noTagNumberLeavesJustTheJobName() {
        assertEquals(List.of("run --tag s"), commands("+command run +jobname s +tag +no-tag-number"));
        assertEquals(List.of("run --tag s_1"), commands("+command run +jobname s +tag"));
    }

    @Test
    public void idsStartWhereAsked() {
        Grid grid = Grid.of(parse("+command run +jobname s +pos-arg a b +tag").spec(), 99);
        assertEquals(new Job(99, "run a --tag s_099__a", "s_099__a"), grid.job(0));
        assertEquals(new Job(100, "run b --tag s_100__b", "s_100__b"), grid.job(1));
    }

    @Test
    public void outOfRangeIndexes() {
        Grid grid = Grid.of(parse("+command run +jobname s +pos-arg a b").spec());
        assertThrows(IndexOutOfBoundsException.class, () -> grid.job(2));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.job(-1));
        Iterator<Job> it = grid.iterator();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    public void aGridTooLargeToNumberIsBadInput() {
        List<String> values = new ArrayList<>(Collections.nCopies(1 << 16, "v"));
        GridSpec.Builder b = GridSpec.builder("run", "s");
        for (int i = 0; i < 4; i++) {
            b.posArg(values);
        }
        String message = assertThrows(BadInputException.class, () -> Grid.of(b.build())).getMessage();
        assertTrue(message, message.contains("too large"));
        GridSpec fits = GridSpec.builder("run", "s").posArg(values).build();
        assertThrows(BadInputException.class, () -> Grid.of(fits, Long.MAX_VALUE - 10));
    }

    @Test
    public void aMillionTaggedTasksStreamWithoutBeingHeld() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add("0." + i);
        }
        GridSpec spec = GridSpec.builder("python train.py", "big").arg(new GridArg("--lr", values))
                .arg(new GridArg("--batch-size", values)).arg(new GridArg("--seed", values)).tag("--run-tag").build();
        Grid grid = Grid.of(spec);
        assertEquals(1_000_000, grid.size());
        long count = 0;
        long chars = 0;
        for (Job job : grid) {
            count++;
            chars += job.command().length();
        }
        assertEquals(1_000_000, count);
        assertTrue(chars > 100_000_000L);
        assertEquals(new Job(1_000_000,
                "python train.py --lr 0.99 --batch-size 0.99 --seed 0.99 --run-tag big_1000000__lr_0.99__batchsize_0.99__seed_0.99",
                "big_1000000__lr_0.99__batchsize_0.99__seed_0.99"), grid.job(999_999));
        assertEquals("big_0000001__lr_0.0__batchsize_0.0__seed_0.0", grid.job(0).tag());
        assertEquals("big_0123457__lr_0.56__batchsize_0.34__seed_0.12", grid.job(123_456).tag());
    }
}
