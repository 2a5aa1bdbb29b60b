package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PollPolicyTest {

    @Test
    public void backsOffToTheMaximum() {
        PollPolicy policy = PollPolicy.forBackend("slurm");
        long interval = policy.initialMillis();
        assertEquals(1_000, interval);
        for (int i = 0; i < 20; i++) {
            long next = policy.next(interval);
            assertEquals(Math.min(60_000, (long) Math.ceil(interval * 1.5)), next);
            interval = next;
        }
        assertEquals(60_000, interval);
    }

    @Test
    public void maximumCanBeSet() {
        PollPolicy policy = PollPolicy.forBackend("gridengine").withMaxSeconds(5);
        assertEquals(5_000, policy.maxMillis());
        assertEquals(5_000, policy.next(4_000));
        assertEquals(policy, policy.withMaxSeconds(0));
        PollPolicy tiny = PollPolicy.forBackend("slurm").withMaxSeconds(0).withMaxSeconds(1);
        assertEquals(1_000, tiny.initialMillis());
        assertEquals(1_000, tiny.next(1_000));
    }
}
