package dev.clustersweep.grid;

import static dev.clustersweep.grid.Sweeps.commands;
import static dev.clustersweep.grid.Sweeps.parse;
import static org.junit.Assert.assertEquals;

import dev.clustersweep.jobfile.Job;
import java.util.List;
import org.junit.Test;

/**
 * Expected lines here are real onager output: each was produced by running onager's prelaunch
 * (its git HEAD, python 3.11) on the same arguments, and the README examples were checked to be
 * what onager prints. Nothing here needs python at test time.
 */
public class OnagerOutputsTest {

    @Test
    public void readmeLearningRateBatchSizeExample() {
        assertEquals(List.of(
                "myscript --learningrate 0.1 --batchsize 32 --mytag experiment1_1__learningrate_0.1__batchsize_32",
                "myscript --learningrate 0.01 --batchsize 32 --mytag experiment1_2__learningrate_0.01__batchsize_32",
                "myscript --learningrate 0.001 --batchsize 32 --mytag experiment1_3__learningrate_0.001__batchsize_32",
                "myscript --learningrate 0.1 --batchsize 64 --mytag experiment1_4__learningrate_0.1__batchsize_64",
                "myscript --learningrate 0.01 --batchsize 64 --mytag experiment1_5__learningrate_0.01__batchsize_64",
                "myscript --learningrate 0.001 --batchsize 64 --mytag experiment1_6__learningrate_0.001__batchsize_64",
                "myscript --learningrate 0.1 --batchsize 128 --mytag experiment1_7__learningrate_0.1__batchsize_128",
                "myscript --learningrate 0.01 --batchsize 128 --mytag experiment1_8__learningrate_0.01__batchsize_128",
                "myscript --learningrate 0.001 --batchsize 128 --mytag experiment1_9__learningrate_0.001__batchsize_128"),
                commands("+jobname experiment1 +command myscript +arg --learningrate 0.1 0.01 0.001"
                        + " +arg --batchsize 32 64 128 +tag --mytag"));
    }

    @Test
    public void readmeMnistExample() {
        Prelaunch p = Sweeps.words("+command", "python mnist.py --epochs 1 --gamma 0.7 --no-cuda", "+jobname",
                "mnist_lr_bs", "+arg", "--lr", "0.3", "1.0", "3.0", "+arg", "--batch-size", "32", "64",
                "+arg", "--seed", "0", "1", "2", "+tag", "--run-tag");
        String base = "python mnist.py --epochs 1 --gamma 0.7 --no-cuda";
        assertEquals(List.of(
                base + " --lr 0.3 --batch-size 32 --seed 0 --run-tag mnist_lr_bs_01__lr_0.3__batchsize_32__seed_0",
                base + " --lr 1.0 --batch-size 32 --seed 0 --run-tag mnist_lr_bs_02__lr_1.0__batchsize_32__seed_0",
                base + " --lr 3.0 --batch-size 32 --seed 0 --run-tag mnist_lr_bs_03__lr_3.0__batchsize_32__seed_0",
                base + " --lr 0.3 --batch-size 64 --seed 0 --run-tag mnist_lr_bs_04__lr_0.3__batchsize_64__seed_0",
                base + " --lr 1.0 --batch-size 64 --seed 0 --run-tag mnist_lr_bs_05__lr_1.0__batchsize_64__seed_0",
                base + " --lr 3.0 --batch-size 64 --seed 0 --run-tag mnist_lr_bs_06__lr_3.0__batchsize_64__seed_0",
                base + " --lr 0.3 --batch-size 32 --seed 1 --run-tag mnist_lr_bs_07__lr_0.3__batchsize_32__seed_1",
                base + " --lr 1.0 --batch-size 32 --seed 1 --run-tag mnist_lr_bs_08__lr_1.0__batchsize_32__seed_1",
                base + " --lr 3.0 --batch-size 32 --seed 1 --run-tag mnist_lr_bs_09__lr_3.0__batchsize_32__seed_1",
                base + " --lr 0.3 --batch-size 64 --seed 1 --run-tag mnist_lr_bs_10__lr_0.3__batchsize_64__seed_1",
                base + " --lr 1.0 --batch-size 64 --seed 1 --run-tag mnist_lr_bs_11__lr_1.0__batchsize_64__seed_1",
                base + " --lr 3.0 --batch-size 64 --seed 1 --run-tag mnist_lr_bs_12__lr_3.0__batchsize_64__seed_1",
                base + " --lr 0.3 --batch-size 32 --seed 2 --run-tag mnist_lr_bs_13__lr_0.3__batchsize_32__seed_2",
                base + " --lr 1.0 --batch-size 32 --seed 2 --run-tag mnist_lr_bs_14__lr_1.0__batchsize_32__seed_2",
                base + " --lr 3.0 --batch-size 32 --seed 2 --run-tag mnist_lr_bs_15__lr_3.0__batchsize_32__seed_2",
                base + " --lr 0.3 --batch-size 64 --seed 2 --run-tag mnist_lr_bs_16__lr_0.3__batchsize_64__seed_2",
                base + " --lr 1.0 --batch-size 64 --seed 2 --run-tag mnist_lr_bs_17__lr_1.0__batchsize_64__seed_2",
                base + " --lr 3.0 --batch-size 64 --seed 2 --run-tag mnist_lr_bs_18__lr_3.0__batchsize_64__seed_2"),
                commands(Grid.of(p.spec())));
    }

    @Test
    public void hydraModeWithFlagsAndTagArgs() {
        // Flags lose every '+' and '-' in the tag; a constant arg left out of +tag-args is still in the command.
        assertEquals(List.of(
                "e --v=3 --x=1 --a-b+c -+d --tag=j_1__x_1__+abc__+d",
                "e --v=3 --x=2 --a-b+c -+d --tag=j_2__x_2__+abc__+d",
                "e --v=3 --x=1 -+d --tag=j_3__x_1__-abc__+d",
                "e --v=3 --x=2 -+d --tag=j_4__x_2__-abc__+d",
                "e --v=3 --x=1 --a-b+c --tag=j_5__x_1__+abc__-d",
                "e --v=3 --x=2 --a-b+c --tag=j_6__x_2__+abc__-d",
                "e --v=3 --x=1 --tag=j_7__x_1__-abc__-d",
                "e --v=3 --x=2 --tag=j_8__x_2__-abc__-d"),
                commands("+command e +jobname j +arg --v 3 +arg --x 1 2 +flag --a-b+c +flag -+d +tag"
                        + " +tag-args --x +arg-mode hydra"));
    }

    @Test
    public void positionalsAndAFlagPadTheNumberToTheLastId() {
        List<String> lines = commands("+command ./myscript +pos-arg 8 9 10 11 12 +tag +jobname eqw +q +flag --fast");
        assertEquals("./myscript 8 --fast --tag eqw_01__8__+fast", lines.get(0));
        assertEquals("./myscript 12 --fast --tag eqw_05__12__+fast", lines.get(4));
        assertEquals("./myscript 8 --tag eqw_06__8__-fast", lines.get(5));
        assertEquals("./myscript 12 --tag eqw_10__12__-fast", lines.get(9));
    }

    @Test
    public void tagKeysDropUnderscoresAndDashesAndRewriteEqualsAndSlash() {
        assertEquals(List.of(
                "./s a --opt_a/b=c x --tag ap__a__opta.b_c_x",
                "./s b --opt_a/b=c x --tag ap__b__opta.b_c_x",
                "./s c --opt_a/b=c x --tag ap__c__opta.b_c_x",
                "./s a --opt_a/b=c y --tag ap__a__opta.b_c_y",
                "./s b --opt_a/b=c y --tag ap__b__opta.b_c_y",
                "./s c --opt_a/b=c y --tag ap__c__opta.b_c_y"),
                commands("+command ./s +pos-arg a b c +tag +jobname ap +arg --opt_a/b=c x y +no-tag-number"));
    }

    @Test
    public void appendedTasksArePaddedToTheirOwnLastId() {
        // onager, after 8 tasks: "+pos-arg a b +tag +a" gives ids 9 and 10, padded to two digits.
        Grid grid = Grid.of(parse("+command ./s +pos-arg a b +tag +jobname ap +a").spec(), 9);
        assertEquals(List.of(new Job(9, "./s a --tag ap_09__a", "ap_09__a"), new Job(10, "./s b --tag ap_10__b", "ap_10__b")),
                List.of(grid.job(0), grid.job(1)));
        Grid later = Grid.of(parse("+command ./s +pos-arg a b +tag +jobname ap +a").spec(), 15);
        assertEquals("./s a --tag ap_15__a", later.job(0).command());
    }
}
