package dev.clustersweep.grid;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.List;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

public class GridSpecTest {

    private static String bad(ThrowingRunnable build) {
        String message = assertThrows(BadInputException.class, build).getMessage();
        assertFalse(message, message.contains("\n"));
        return message;
    }

    @Test
    public void rejectsAnEmptyPositionalArg() {
        String m = bad(() -> GridSpec.builder("run", "s").posArg(List.of()).build());
        assertTrue(m, m.contains("+pos-arg has no values"));
    }

    @Test
    public void rejectsAnEmptyTagName() {
        String m = bad(() -> GridSpec.builder("run", "s").tag("").build());
        assertTrue(m, m.startsWith("bad +tag ''"));
    }

    @Test
    public void rejectsABlankCommand() {
        assertTrue(bad(() -> GridSpec.builder(" ", "s").build()).startsWith("bad +command ' '"));
        assertTrue(bad(() -> GridSpec.builder(null, "s").build()).startsWith("bad +command ''"));
    }

    @Test
    public void rejectsABadJobName() {
        assertTrue(bad(() -> GridSpec.builder("run", "a b").build()).startsWith("bad jobname 'a b'"));
        bad(() -> GridSpec.builder("run", "../x").build());
        bad(() -> GridSpec.builder("run", "").build());
    }

    @Test
    public void rejectsAnArgWithoutAName() {
        assertTrue(bad(() -> GridSpec.builder("run", "s").arg("", "1").build()).contains("+arg needs a name"));
    }

    @Test
    public void rejectsAnArgGivenTwice() {
        assertTrue(bad(() -> GridSpec.builder("run", "s").arg("--a", "1").arg("--a", "2").build())
                .contains("+arg --a is given twice"));
    }

    @Test
    public void rejectsAnEmptyFlag() {
        bad(() -> GridSpec.builder("run", "s").flag("").build());
    }

    @Test
    public void rejectsTagArgsThatAreNotArgs() {
        String m = bad(() -> GridSpec.builder("run", "s").arg("--lr", "1").tag("--tag").tagArgs(List.of("lr")).build());
        assertEquals("bad +tag-args name 'lr': expected one of the +arg names [--lr]", m);
    }

    @Test
    public void defaultsAndCopies() {
        GridSpec spec = new GridSpec("run", "s", null, null, null, null, null, true, null);
        assertEquals(ArgMode.ARGPARSE, spec.argMode());
        assertEquals(List.of(), spec.args());
        assertFalse(spec.tagged());
        assertEquals(ArgMode.HYDRA, ArgMode.named("hydra"));
        assertTrue(bad(() -> ArgMode.named("click")).contains("expected argparse or hydra"));
    }
}
