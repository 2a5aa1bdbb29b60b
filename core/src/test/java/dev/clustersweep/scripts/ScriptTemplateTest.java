package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.gridengine.GridEngineBackend;
import dev.clustersweep.backend.gridengine.QsubCommand;
import java.util.Map;
import org.junit.Test;

public class ScriptTemplateTest {

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    public void theSharedPieceGoesIntoEachScriptThatNamesItOnce() {
        String job = ScriptTemplate.render(GridEngineBackend.class, QsubCommand.JOB_SCRIPT, Map.of());
        String multi = ScriptTemplate.render(WrapperScripts.class, "multiwrapper.sh",
                Map.of("JOBNAME_TEXT", "j", "SWEEP_DIR", "/s"));
        for (String script : new String[] {job, multi}) {
            assertFalse(script, script.contains("@@"));
            assertEquals(1, count(script, "_sweep_traps_ready() {"));
        }
        assertEquals(1, count(multi, "_sweep_array_index() {"));
        assertEquals(0, count(job, "_sweep_array_index() {"));
        assertTrue(job.contains("_sweep_traps_ready \"$_gj_child\" \"$_gj_script\" 0x4200"));
    }

    @Test
    public void aCallersValueIsNotScannedForSlots() {
        String multi = ScriptTemplate.render(WrapperScripts.class, "multiwrapper.sh",
                Map.of("JOBNAME_TEXT", "@@TRAPS_READY@@", "SWEEP_DIR", "/s"));
        assertTrue(multi.contains("sweep @@TRAPS_READY@@:"));
    }

    @Test
    public void aSlotWithNoValueIsRefused() {
        var e = assertThrows(IllegalStateException.class,
                () -> ScriptTemplate.render(WrapperScripts.class, "multiwrapper.sh", Map.of("JOBNAME_TEXT", "j")));
        assertEquals("multiwrapper.sh has slot @@SWEEP_DIR@@ with no value", e.getMessage());
    }
}
