package dev.clustersweep.backend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.BadInputException;
import org.junit.Test;

public class ResourceParsingTest {

    @Test
    public void durationsInSlurmForms() {
        assertEquals(3600, Durations.parseSeconds("0-01:00:00"));
        assertEquals(90061, Durations.parseSeconds("1-01:01:01"));
        assertEquals(2 * 86400 + 3 * 3600, Durations.parseSeconds("2-3"));
        assertEquals(2 * 86400 + 3 * 3600 + 4 * 60, Durations.parseSeconds("2-3:04"));
        assertEquals(5400, Durations.parseSeconds("01:30:00"));
        assertEquals(90, Durations.parseSeconds("1:30"));
        assertEquals(30 * 60, Durations.parseSeconds("30"));
    }

    @Test
    public void durationsWithUnits() {
        assertEquals(90, Durations.parseSeconds("90s"));
        assertEquals(1800, Durations.parseSeconds("30m"));
        assertEquals(7200, Durations.parseSeconds("2h"));
        assertEquals(86400, Durations.parseSeconds("1d"));
    }

    @Test
    public void durationsRender() {
        assertEquals("0-01:00:00", Durations.slurm(3600));
        assertEquals("1-01:01:01", Durations.slurm(90061));
        assertEquals("25:01:01", Durations.clock(90061));
    }

    @Test
    public void badDurationsNameTheValue() {
        for (String bad : new String[] {"", "abc", "1:2:3:4", "0", "0s", "-1", "1 h", "99999999999999999999s",
                "99999999999999999999"}) {
            try {
                Durations.parseSeconds(bad);
                fail("accepted " + bad);
            } catch (BadInputException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'" + bad + "'"));
            }
        }
    }

    @Test
    public void memorySizes() {
        assertEquals(2048, Memory.parseMegabytes("2"));
        assertEquals(2048, Memory.parseMegabytes("2G"));
        assertEquals(500, Memory.parseMegabytes("500M"));
        assertEquals(500, Memory.parseMegabytes("500mb"));
        assertEquals(1, Memory.parseMegabytes("1000K"));
        assertEquals(1024 * 1024, Memory.parseMegabytes("1T"));
        for (String bad : new String[] {"", "x", "2X", "0", "-1G", "1.5G", "99999999999999999999G"}) {
            try {
                Memory.parseMegabytes(bad);
                fail("accepted " + bad);
            } catch (BadInputException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'" + bad + "'"));
            }
        }
    }
}
