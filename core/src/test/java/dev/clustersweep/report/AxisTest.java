package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class AxisTest {

    @Test
    public void ticksAreRoundNumbersAroundTheData() {
        Axis a = Axis.nice(0.51, 0.63, 6);
        assertEquals(0.5, a.lo(), 1e-12);
        assertEquals(0.64, a.hi(), 1e-12);
        assertEquals(8, a.ticks().size()); // 0.5, 0.52, ..., 0.64
        assertEquals(0.52, a.ticks().get(1), 1e-12);
    }

    @Test
    public void oneValueIsWidenedAroundIt() {
        Axis a = Axis.nice(2, 2, 5);
        assertEquals(List.of(1.8, 1.9, 2.0, 2.1, 2.2).size(), a.ticks().size());
        assertEquals(1.8, a.lo(), 1e-12);
        assertEquals(2.2, a.hi(), 1e-12);
    }

    @Test
    public void mapsLinearlyOntoPixels() {
        Axis a = Axis.nice(0, 10, 5);
        assertEquals(150, a.map(5, 100, 200), 1e-12);
        assertEquals(300, a.map(0, 300, 100), 1e-12); // y runs upward
    }

    @Test
    public void logAxisRunsFromPowerToPowerOfTen() {
        Axis a = Axis.log(1.3e-4, 0.09); // a learning rate: three decades
        assertTrue(a.log());
        assertEquals(1e-4, a.lo(), 0);
        assertEquals(0.1, a.hi(), 0);
        // 1, 2 and 5 times each power, then the last power: 1e-4 2e-4 5e-4 0.001 ... 0.05 0.1
        assertEquals(List.of(1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1), a.ticks());
        assertEquals("0.0001", Charts.num(a.ticks().get(0)));
        assertEquals("0.002", Charts.num(a.ticks().get(4)));
    }

    @Test
    public void fewerTicksWantedTickEachPowerOnly() {
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 0.1), Axis.log(1.3e-4, 0.09, 7).ticks());
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0), Axis.log(3, 40, 7).ticks());
    }

    @Test
    public void manyDecadesTickEachPowerOnly() {
        Axis a = Axis.log(1e-6, 1e3);
        assertEquals(10, a.ticks().size());
        assertEquals(1e-6, a.ticks().get(0), 0);
        assertEquals(1e3, a.ticks().get(9), 0);
    }

    @Test
    public void logAxisMapsDecadesEvenly() {
        Axis a = Axis.log(1e-4, 1e-1);
        assertEquals(100, a.map(1e-4, 100, 400), 1e-9);
        assertEquals(200, a.map(1e-3, 100, 400), 1e-9);
        assertEquals(300, a.map(1e-2, 100, 400), 1e-9);
        assertEquals(400, a.map(0.1, 100, 400), 1e-9);
        assertFalse(Axis.nice(0, 1, 5).log());
    }

    @Test
    public void valuesWithinOneDecadeGetOneDecade() {
        Axis a = Axis.log(2, 3);
        assertEquals(1, a.lo(), 0);
        assertEquals(10, a.hi(), 0);
        Axis exact = Axis.log(0.001, 0.1);
        assertEquals(0.001, exact.lo(), 0);
        assertEquals(0.1, exact.hi(), 0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void logAxisRefusesZero() {
        Axis.log(0, 1);
    }
}
