package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;

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
}
