package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import org.junit.Test;

/** The regression gate: worse by more than an absolute or relative tolerance, in either direction. */
public class RegressionGateTest {

    private static final Objective MIN_LOSS = new Objective("loss", false);
    private static final Objective MAX_ACC = new Objective("accuracy", true);

    private static RegressionGate.Verdict gate(Objective o, double previous, double current, String tolerance) {
        return RegressionGate.compare(o, previous, current, RegressionGate.Tolerance.parse(tolerance));
    }

    @Test
    public void toleranceIsAbsoluteOrRelative() {
        RegressionGate.Tolerance abs = RegressionGate.Tolerance.parse(" 0.02 ");
        assertFalse(abs.relative());
        assertEquals(0.02, abs.allowed(100), 0);
        assertEquals("0.02", abs.toString());
        RegressionGate.Tolerance rel = RegressionGate.Tolerance.parse("5%");
        assertTrue(rel.relative());
        assertEquals(0.05, rel.amount(), 1e-15);
        assertEquals(0.025, rel.allowed(-0.5), 1e-15); // of the magnitude: a negative log-likelihood too
        assertEquals("5%", rel.toString());
        assertEquals(1e-3, RegressionGate.Tolerance.parse("1e-3").amount(), 0);
        assertEquals(0, RegressionGate.Tolerance.parse("0").amount(), 0);
        for (String bad : new String[] {"", "%", "-1", "five", "5%%", "NaN", "Infinity", "0x10", "1d"}) {
            BadInputException e = assertThrows(bad, BadInputException.class, () -> RegressionGate.Tolerance.parse(bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("bad regressionTolerance '" + bad + "': expected"));
        }
    }

    @Test
    public void aLossThatGrowsBeyondTheToleranceIsARegression() {
        RegressionGate.Verdict v = gate(MIN_LOSS, 0.30, 0.50, "10%");
        assertTrue(v.regressed());
        assertEquals(0.2, v.worseBy(), 1e-12);
        assertEquals(0.03, v.allowed(), 1e-12);
        assertEquals("loss (smallest best) is 0.5, was 0.3 in build #1: worse by 0.2, more than the tolerance 10% (0.03)",
                v.line("build #1"));
        assertFalse(gate(MIN_LOSS, 0.30, 0.32, "10%").regressed());
        assertFalse(gate(MIN_LOSS, 0.30, 0.33, "0.05").regressed());
        assertTrue(gate(MIN_LOSS, 0.30, 0.36, "0.05").regressed());
        assertFalse("better is never a regression", gate(MIN_LOSS, 0.30, 0.10, "0").regressed());
        assertEquals("loss (smallest best) is 0.1, was 0.3 in #2: better by 0.2, within the tolerance 0",
                gate(MIN_LOSS, 0.30, 0.10, "0").line("#2"));
    }

    @Test
    public void anAccuracyThatDropsIsARegression() {
        assertTrue(gate(MAX_ACC, 0.90, 0.80, "0.05").regressed());
        assertFalse(gate(MAX_ACC, 0.90, 0.99, "0").regressed());
        assertFalse(gate(MAX_ACC, 0.90, 0.88, "0.05").regressed());
    }

    @Test
    public void exactlyTheToleranceOrRoundingIsNoRegression() {
        assertFalse(gate(MIN_LOSS, 0.3, 0.1 + 0.2, "0").regressed());
        assertFalse(gate(MIN_LOSS, 1.0, 1.5, "0.5").regressed());
        assertFalse(gate(MIN_LOSS, 0.2, 0.22, "10%").regressed());
    }

    @Test
    public void nanIsARegressionAndNothingToCompareWithIsNone() {
        RegressionGate.Verdict diverged = gate(MIN_LOSS, 0.3, Double.NaN, "1000");
        assertTrue(diverged.regressed());
        assertTrue(diverged.line("#1"), diverged.line("#1").contains("not a number"));
        RegressionGate.Verdict nothing = gate(MIN_LOSS, Double.NaN, 0.5, "0");
        assertFalse(nothing.compared());
        assertFalse(nothing.regressed());
        assertTrue(nothing.line("#1"), nothing.line("#1").endsWith("nothing to compare with"));
    }

    @Test
    public void theResultIsUnstableOrFailure() {
        assertEquals("FAILURE", RegressionGate.resultNamed(" failure"));
        assertEquals("UNSTABLE", RegressionGate.resultNamed("UNSTABLE"));
        assertThrows(BadInputException.class, () -> RegressionGate.resultNamed("ABORTED"));
    }
}
