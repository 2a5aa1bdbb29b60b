package dev.clustersweep.backend.slurm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.SchedulerTask.Kind;
import dev.clustersweep.state.TaskState;
import org.junit.Test;

/** Parsing real squeue and sacct outputs captured on the test cluster (Slurm 22.05). */
public class ElementTableTest {

    // squeue -h -t all -j 46 -o '%i|%T|%r' of --array=1-12%3 after scancel 46_[5-6,8]
    private static final String RUNNING_AND_PENDING = """
            46_[4,7,9-12%3]|PENDING|JobArrayTaskLimit
            46_3|RUNNING|None
            46_2|RUNNING|None
            46_1|RUNNING|None
            """;

    @Test
    public void pendingRangesAndSingleElements() {
        ElementTable t = ElementTable.parseSqueue(RUNNING_AND_PENDING);
        assertEquals(Kind.RUNNING, t.find("46", 1).kind());
        assertEquals(Kind.PENDING, t.find("46", 4).kind());
        assertEquals(Kind.PENDING, t.find("46", 12).kind());
        assertNull("cancelled while pending: gone", t.find("46", 5));
        assertNull(t.find("46", 13));
        assertNull(t.find("47", 1));
    }

    @Test
    public void finishedElementsWithTheirStates() {
        ElementTable t = ElementTable.parseSqueue("""
                46_[9-12%3]|CANCELLED|JobArrayTaskLimit
                46_7|CANCELLED|None
                46_2|FAILED|JobLaunchFailure
                53_3|FAILED|NonZeroExitCode
                53_1|COMPLETED|None
                60_5|TIMEOUT|TimeLimit
                60_6|NODE_FAIL|None
                60_7|COMPLETING|None
                60_8|OUT_OF_MEMORY|OutOfMemory
                """);
        assertEquals(TaskState.CANCELLED, t.find("46", 10).endedAs());
        assertEquals(TaskState.CANCELLED, t.find("46", 7).endedAs());
        assertEquals(TaskState.FAILED, t.find("53", 3).endedAs());
        assertEquals(TaskState.SUCCEEDED, t.find("53", 1).endedAs());
        assertEquals(TaskState.TIMEOUT, t.find("60", 5).endedAs());
        assertEquals(TaskState.LOST, t.find("60", 6).endedAs());
        assertEquals(Kind.RUNNING, t.find("60", 7).kind());
        assertEquals(TaskState.FAILED, t.find("60", 8).endedAs());
    }

    @Test
    public void stepsAndZeroIndexes() {
        ElementTable t = ElementTable.parseSqueue("56_[3-31:2%1]|PENDING|JobArrayTaskLimit\n56_1|RUNNING|None\n"
                + "70_[0-1000]|PENDING|Priority\n");
        assertEquals(Kind.PENDING, t.find("56", 31).kind());
        assertNull(t.find("56", 4));
        assertEquals(Kind.PENDING, t.find("70", 0).kind());
    }

    @Test
    public void truncatedListIsAnErrorNotAGuess() {
        // What squeue prints with the default SLURM_BITSTR_LEN=64.
        assertThrows(IllegalArgumentException.class,
                () -> ElementTable.parseSqueue("60_[2,4-5,7-8,10-11,13-14,16-17|PENDING|JobArrayTaskLimit\n"));
    }

    @Test
    public void emptyOutput() {
        assertNull(ElementTable.parseSqueue("").find("1", 1));
    }

    @Test
    public void neverRunningPendingReasonIsAnError() {
        SchedulerTask t = ElementTable.parseSqueue("80_[1-3]|PENDING|BadConstraints\n").find("80", 2);
        assertEquals(Kind.ERROR, t.kind());
    }

    @Test
    public void sacctWithExitCodesAndSignals() {
        // sacct -X -P -n -j 46,53 -o JobID,State,ExitCode
        ElementTable t = ElementTable.parseSacct("""
                46_1|CANCELLED by 0|0:0
                46_2|FAILED|0:15
                46_[9-12%3]|CANCELLED by 0|0:0
                53_1|FAILED|1:0
                53_3|FAILED|3:0
                44|COMPLETED|0:0
                """);
        assertEquals(TaskState.CANCELLED, t.find("46", 1).endedAs());
        assertEquals(Integer.valueOf(143), t.find("46", 2).exitCode());
        assertEquals(TaskState.CANCELLED, t.find("46", 11).endedAs());
        assertEquals(Integer.valueOf(3), t.find("53", 3).exitCode());
        assertEquals(TaskState.FAILED, t.find("53", 1).endedAs());
        assertNull("not an array: ignored", t.find("44", 0));
    }

    @Test
    public void badLinesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ElementTable.parseSqueue("46_1 RUNNING\n"));
        assertThrows(IllegalArgumentException.class, () -> ElementTable.parseSqueue("x_1|RUNNING|None\n"));
    }
}
