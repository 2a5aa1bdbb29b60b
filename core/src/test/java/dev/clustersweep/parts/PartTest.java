package dev.clustersweep.parts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PartTest {

    @Test
    public void aPartIsItsSelectorThenItsRequirements() {
        Part p = Part.parse(" model = large & --lr=0.1|0.01 :cuda(mem=4G)*2 & duration=1h");
        assertEquals("model=large & lr=0.1|0.01", p.name());
        assertEquals("model=large & lr=0.1|0.01: cuda(mem=4G)*2 & duration=1h", p.text());
        assertEquals(2, p.requirements().alternatives().get(0).gpus());
        assertEquals(3600, p.requirements().alternatives().get(0).durationSeconds());
        assertEquals(List.of(new Selector.Condition("model", List.of("large")),
                new Selector.Condition("lr", List.of("0.1", "0.01"))), p.selector().conditions());
    }

    @Test
    public void allConditionsMustHoldAndAnyOfTheirValues() {
        Selector s = Part.parse("model=large & lr=0.1|0.01: cpu(cores=1)").selector();
        assertTrue(s.matches(Map.of("model", "large", "lr", "0.01")));
        assertFalse(s.matches(Map.of("model", "large", "lr", "0.2")));
        assertFalse(s.matches(Map.of("lr", "0.1")));
    }

    @Test
    public void aBadPartNamesThePositionInTheWholeText() {
        assertEquals("bad part 'model=large cuda()' at position 19: expected ':' between the tasks' selector "
                + "(NAME=VALUE) and their requirements, e.g. 'model=large: cuda(mem=4G) * 2', found the end",
                error("model=large cuda()"));
        assertEquals("bad part 'model: cuda()' at position 1: expected a condition NAME=VALUE (values apart with "
                + "'|'), found 'model: cuda('", error("model: cuda()"));
        assertEquals("bad part 'model=large & =x: cuda()' at position 15: expected a parameter's name (letters, "
                + "digits, '_', '.', '-') before '=', found '=x: cuda()'", error("model=large & =x: cuda()"));
        assertEquals("bad part 'model=a||b: cuda()' at position 9: expected a value of model, found '|b: cuda()'",
                error("model=a||b: cuda()"));
        // the requirements' own errors, at their place in the part
        assertEquals("bad part 'model=large: cuda(mem=4)' at position 24: expected a size unit right after the "
                + "number (K, M, G or T; a size without one is an error), found ')'", error("model=large: cuda(mem=4)"));
        assertTrue(error("model=large:").startsWith("bad part 'model=large:' at position 13: expected"));
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> Part.parse(text)).getMessage();
    }
}
