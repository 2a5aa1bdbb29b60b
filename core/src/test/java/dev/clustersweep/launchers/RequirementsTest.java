package dev.clustersweep.launchers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.List;
import org.junit.Test;

public class RequirementsTest {

    @Test
    public void parsesExperimaestrosExample() {
        Requirements r = Requirements.parse("duration=4 days & cuda(mem=4G) * 2 & cpu(mem=400M, cores=4)");
        assertEquals(List.of(new HostRequest(4 * 86400, 4, 400, List.of(4096L, 4096L))), r.alternatives());
    }

    @Test
    public void alternativesKeepTheirOrder() {
        Requirements r = Requirements.parse("cuda(mem=24GiB)|cpu(cores=8)&duration=2h");
        assertEquals(2, r.alternatives().size());
        assertEquals(new HostRequest(0, 0, 0, List.of(24576L)), r.alternatives().get(0));
        assertEquals(new HostRequest(7200, 8, 0, List.of()), r.alternatives().get(1));
    }

    @Test
    public void cudaWithoutMemoryAsksForAnyGpu() {
        assertEquals(List.of(0L, 0L, 0L), Requirements.parse("cuda() * 3").alternatives().get(0).gpuMemMegabytes());
    }

    @Test
    public void fractionalSizesRoundUp() {
        assertEquals(1536, Requirements.parse("cpu(mem=1.5G)").alternatives().get(0).memMegabytes());
    }

    @Test
    public void aSizeWithoutUnitIsAnError() {
        BadInputException e = assertThrows(BadInputException.class, () -> Requirements.parse("cpu(mem=400)"));
        assertEquals("bad requirements 'cpu(mem=400)' at position 12: expected a size unit right after the number"
                + " (K, M, G or T; a size without one is an error), found ')'", e.getMessage());
    }

    @Test
    public void anUnknownTermIsNamedAtItsPosition() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Requirements.parse("duration=1h & tpu(mem=4G)"));
        assertTrue(e.getMessage(), e.getMessage().contains("at position 15: expected 'duration', 'cpu' or 'cuda', found 'tpu(mem=4G)'"));
    }

    @Test
    public void trailingGarbageAndMissingPartsAreRefused() {
        assertTrue(message("cpu(cores=4) cuda()").contains("position 14: expected '&', '|' or the end"));
        assertTrue(message("cuda(mem=4G").contains("position 12: expected ')', found the end"));
        assertTrue(message("duration=4 parsecs").contains("position 12: expected a duration unit"));
        assertTrue(message("cpu(cores=2.5)").contains("position 11: expected a whole number"));
        assertTrue(message("cuda() * 0").contains("position 11: expected a GPU count"));
        assertTrue(message("").contains("position 1: expected 'duration', 'cpu' or 'cuda', found the end"));
        assertTrue(message("cpu(disk=4G)").contains("position 5: expected 'mem' or 'cores'"));
    }

    private static String message(String text) {
        return assertThrows(BadInputException.class, () -> Requirements.parse(text)).getMessage();
    }
}
