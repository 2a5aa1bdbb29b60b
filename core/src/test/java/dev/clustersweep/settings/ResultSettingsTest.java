package dev.clustersweep.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/** The results settings: the metric, its direction and the regression gate. */
public class ResultSettingsTest {

    private static SweepSettings bind(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "true");
        m.put("jobName", "x");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return SettingsBinder.bind(m, Caller.PIPELINE);
    }

    @Test
    public void metricDirectionAndGate() {
        SweepSettings s = bind("metric", "val/acc", "maximize", true, "regressionTolerance", "5 %",
                "regressionResult", "failure").checkSweep(Caller.PIPELINE);
        assertEquals("val/acc", s.objective().metric());
        assertTrue(s.objective().maximize());
        assertEquals("5%", s.get(Settings.REGRESSION_TOLERANCE));
        assertEquals(0.05, s.regressionTolerance().amount(), 1e-15);
        assertEquals("FAILURE", s.get(Settings.REGRESSION_RESULT));

        SweepSettings d = bind();
        assertNull(d.objective());
        assertNull(d.regressionTolerance());
        assertEquals("UNSTABLE", d.get(Settings.REGRESSION_RESULT));
        assertTrue(!bind("metric", "loss").objective().maximize());
    }

    @Test
    public void badValuesAreNamedAsTheCallerWroteThem() {
        assertTrue(assertThrows(BadInputException.class, () -> bind("metric", "val loss")).getMessage()
                .startsWith("bad metric 'val loss': expected a metric name"));
        assertTrue(assertThrows(BadInputException.class, () -> bind("regressionTolerance", "-1")).getMessage()
                .startsWith("bad regressionTolerance '-1': expected"));
        assertTrue(assertThrows(BadInputException.class, () -> bind("regressionResult", "ABORTED")).getMessage()
                .startsWith("bad regressionResult 'ABORTED': expected UNSTABLE or FAILURE"));
        assertEquals("regressionTolerance needs metric: expected the metric the regression gate compares, e.g. "
                + "metric: 'loss'", assertThrows(BadInputException.class,
                        () -> bind("regressionTolerance", "0.1").checkSweep(Caller.PIPELINE)).getMessage());
    }
}
