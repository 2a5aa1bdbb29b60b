package dev.clustersweep.grid;

import static dev.clustersweep.grid.Sweeps.commands;
import static dev.clustersweep.grid.Sweeps.parse;
import static dev.clustersweep.grid.Sweeps.tags;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** The cases of onager's tests/test_prelaunch.py, restated: same inputs, same expected lines. */
public class OnagerTestCasesTest {

    private static Grid grid(String line) {
        return Grid.of(parse(line).spec());
    }

    @Test
    public void withoutTagTheStoredTagIsEmpty() {
        Grid g = grid("+command echo +jobname testecho +arg --test hi +arg --test2 hi2 +q");
        assertEquals(List.of("echo --test hi --test2 hi2"), commands(g));
        assertEquals(List.of(""), tags(g));
    }

    @Test
    public void bareTagUsesDashDashTagAndEveryArg() {
        Grid g = grid("+command echo +jobname testecho +arg --test hi +arg --test2 hi2 +q +tag");
        assertEquals(List.of("echo --test hi --test2 hi2 --tag testecho_1__test_hi__test2_hi2"), commands(g));
        assertEquals(List.of("testecho_1__test_hi__test2_hi2"), tags(g));
    }

    @Test
    public void tagCanGoToAnotherArg() {
        Grid g = grid("+command echo +jobname testecho +arg --test hi +arg --test2 hi2 +q +tag --custom_tag");
        assertEquals(List.of("echo --test hi --test2 hi2 --custom_tag testecho_1__test_hi__test2_hi2"), commands(g));
        assertEquals(List.of("testecho_1__test_hi__test2_hi2"), tags(g));
    }

    @Test
    public void positionalValuesGoIntoTheTagWithoutAKey() {
        Grid g = grid("+command echo +jobname testecho +pos-arg hi +pos-arg hi2 +q +tag");
        assertEquals(List.of("echo hi hi2 --tag testecho_1__hi__hi2"), commands(g));
        assertEquals(List.of("testecho_1__hi__hi2"), tags(g));
    }

    @Test
    public void flagsAreOnThenOffWithTheFirstFlagVaryingFastest() {
        Grid g = grid("+command echo +jobname testecho +flag --hi +flag --hi2 +q +tag");
        assertEquals(List.of(
                "echo --hi --hi2 --tag testecho_1__+hi__+hi2",
                "echo --hi2 --tag testecho_2__-hi__+hi2",
                "echo --hi --tag testecho_3__+hi__-hi2",
                "echo --tag testecho_4__-hi__-hi2"), commands(g));
        assertEquals(List.of("testecho_1__+hi__+hi2", "testecho_2__-hi__+hi2", "testecho_3__+hi__-hi2",
                "testecho_4__-hi__-hi2"), tags(g));
    }

    @Test
    public void positionalsComeFirstThenArgsThenFlags() {
        Grid g = grid("+command echo +jobname testecho +arg --test hi +pos-arg hi2 +flag --help +q +tag");
        assertEquals(List.of(
                "echo hi2 --test hi --help --tag testecho_1__hi2__test_hi__+help",
                "echo hi2 --test hi --tag testecho_2__hi2__test_hi__-help"), commands(g));
        assertEquals(List.of("testecho_1__hi2__test_hi__+help", "testecho_2__hi2__test_hi__-help"), tags(g));
    }

    @Test
    public void flagsWithoutTag() {
        assertEquals(List.of("echo --hi --hi2", "echo --hi2", "echo --hi", "echo"),
                commands("+command echo +jobname testecho +flag --hi +flag --hi2 +q"));
        assertEquals(List.of("echo --hi", "echo"), commands("+command echo +jobname testecho +flag --hi +q"));
    }

    @Test
    public void positionalArgs() {
        assertEquals(List.of("echo 0"), commands("+command echo +jobname testecho +q +pos-arg 0"));
        assertEquals(List.of("echo 0", "echo 1", "echo 2"), commands("+command echo +jobname testecho +q +pos-arg 0 1 2"));
        assertEquals(List.of("echo 0 3", "echo 1 3", "echo 2 3", "echo 0 4", "echo 1 4", "echo 2 4"),
                commands("+command echo +jobname testecho +q +pos-arg 0 1 2 +pos-arg 3 4"));
    }

    @Test
    public void argsWithSeveralValues() {
        assertEquals(List.of("echo --test hi --tag testecho_1__test_hi", "echo --test bye --tag testecho_2__test_bye"),
                commands("+command echo +jobname testecho +arg --test hi bye +q +tag"));
        assertEquals(List.of("echo --test hi --tag testecho_1__test_hi"),
                commands("+command echo +jobname testecho +arg --test hi +q +tag"));
    }

    @Test
    public void noTagNumber() {
        assertEquals(List.of("echo --test hi --tag testecho__test_hi"),
                commands("+command echo +jobname testecho +arg --test hi +q +tag +no-tag-number"));
    }

    @Test
    public void tagNumbersAreZeroPadded() {
        assertEquals("echo --value 1 --tag testecho_01__value_1",
                commands("+command echo +jobname testecho +arg --value 1 2 3 4 5 6 7 8 9 10 +q +tag").get(0));
    }
}
