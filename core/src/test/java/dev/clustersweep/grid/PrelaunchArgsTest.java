package dev.clustersweep.grid;

import static dev.clustersweep.grid.Sweeps.parse;
import static dev.clustersweep.grid.Sweeps.words;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class PrelaunchArgsTest {

    private static final String BASE = "+command run +jobname s ";

    private static String bad(String line) {
        String message = assertThrows(BadInputException.class, () -> parse(line)).getMessage();
        assertFalse(message, message.contains("\n"));
        return message;
    }

    @Test
    public void readsEveryOption() {
        Prelaunch p = parse("+command run +jobname s +jobfile out/{jobname}/j.json +arg-mode hydra +arg lr 1 2"
                + " +arg verbose +pos-arg a b +pos-arg c +flag --f +flag --g +tag --run-tag +tag-args lr"
                + " +no-tag-number +a +q");
        GridSpec spec = p.spec();
        assertEquals("run", spec.command());
        assertEquals("s", spec.jobName());
        assertEquals(ArgMode.HYDRA, spec.argMode());
        assertEquals(List.of(new GridArg("lr", "1", "2"), new GridArg("verbose")), spec.args());
        assertEquals(List.of(List.of("a", "b"), List.of("c")), spec.posArgs());
        assertEquals(List.of("--f", "--g"), spec.flags());
        assertEquals("--run-tag", spec.tagName());
        assertEquals(List.of("lr"), spec.tagArgs());
        assertFalse(spec.tagNumber());
        assertEquals(Path.of("out/s/j.json"), p.jobFile());
        assertTrue(p.append());
        assertTrue(p.quiet());
    }

    @Test
    public void defaults() {
        Prelaunch p = parse(BASE.trim());
        assertEquals(Path.of(".sweep/s/jobs.json"), p.jobFile());
        assertEquals(ArgMode.ARGPARSE, p.spec().argMode());
        assertNull(p.spec().tagName());
        assertNull(p.spec().tagArgs());
        assertTrue(p.spec().tagNumber());
        assertFalse(p.append());
        assertFalse(p.quiet());
        assertEquals("--tag", parse(BASE + "+tag").spec().tagName());
        assertTrue(parse(BASE + "+append +quiet").append());
        assertTrue(parse(BASE + "+append +quiet").quiet());
    }

    @Test
    public void negativeNumbersAndDashWordsAreValues() {
        assertEquals(new GridArg("--x", "-1", "-0.1", "--y", "-", "--"), parse(BASE + "+arg --x -1 -0.1 --y - --").spec().args().get(0));
        assertEquals(List.of(List.of("-1", "-2")), parse(BASE + "+pos-arg -1 -2").spec().posArgs());
    }

    @Test
    public void plusWordsThatAreNotOptionsAreValues() {
        assertEquals(new GridArg("--x", "+5", "+", "+-1", "+model=resnet", "+a b"),
                words("+command", "run", "+jobname", "s", "+arg", "--x", "+5", "+", "+-1", "+model=resnet", "+a b")
                        .spec().args().get(0));
    }

    @Test
    public void anOptionEndsTheValues() {
        Prelaunch p = parse(BASE + "+arg --x 1 +q +arg --y 2");
        assertEquals(List.of(new GridArg("--x", "1"), new GridArg("--y", "2")), p.spec().args());
        assertTrue(p.quiet());
    }

    @Test
    public void tagTakesAValueOnlyWhenOneFollows() {
        assertEquals("--tag", parse(BASE + "+tag +q").spec().tagName());
        assertEquals("-t", parse(BASE + "+tag -t +q").spec().tagName());
        assertEquals("--x", parse(BASE + "+tag=--x").spec().tagName());
    }

    @Test
    public void optionEqualsValue() {
        Prelaunch p = parse("+command=run +jobname=s +arg=--x 1 2 +flag=--f +arg-mode=hydra");
        assertEquals("run", p.spec().command());
        assertEquals(List.of(new GridArg("--x", "1", "2")), p.spec().args());
        assertEquals(List.of("--f"), p.spec().flags());
        assertEquals(ArgMode.HYDRA, p.spec().argMode());
    }

    @Test
    public void unambiguousPrefixesAndCombinedSwitchesAsArgparse() {
        Prelaunch p = parse("+comm run +jobn s +jobf x.json +pos a +fl --f +no +qa");
        assertEquals("run", p.spec().command());
        assertEquals(Path.of("x.json"), p.jobFile());
        assertEquals(List.of(List.of("a")), p.spec().posArgs());
        assertEquals(List.of("--f"), p.spec().flags());
        assertFalse(p.spec().tagNumber());
        assertTrue(p.quiet() && p.append());
        assertEquals("ambiguous option '+job': could be +jobname or +jobfile", bad("+command run +job s"));
        assertTrue(bad(BASE + "+t").contains("+tag or +tag-args"));
    }

    @Test
    public void repeatedArgKeepsFirstPositionAndLastValues() {
        // onager stores args in a dict: a repeated name keeps its place and takes the later values.
        assertEquals(List.of(new GridArg("--a", "3"), new GridArg("--b", "2")),
                parse(BASE + "+arg --a 1 +arg --b 2 +arg --a 3").spec().args());
    }

    @Test
    public void repeatedSingleOptionsKeepTheLast() {
        Prelaunch p = parse("+command a +command b +jobname x +jobname y +tag-args --a +tag-args --b +arg --b 1 +tag");
        assertEquals("b", p.spec().command());
        assertEquals("y", p.spec().jobName());
        assertEquals(List.of("--b"), p.spec().tagArgs());
    }

    @Test
    public void badInput() {
        assertTrue(bad(BASE + "+zzz 1").startsWith("unknown option '+zzz': expected one of +command"));
        assertTrue(bad(BASE + "stray").startsWith("unexpected value 'stray'"));
        assertTrue(bad(BASE + "+tag --t extra").startsWith("unexpected value 'extra'"));
        assertTrue(bad(BASE + "+arg").startsWith("+arg needs at least one value: expected +arg NAME [VALUE...]"));
        assertTrue(bad(BASE + "+arg +q").startsWith("+arg needs at least one value"));
        assertTrue(bad(BASE + "+pos-arg").startsWith("+pos-arg needs at least one value"));
        assertTrue(bad(BASE + "+tag-args").startsWith("+tag-args needs at least one value"));
        assertTrue(bad(BASE + "+flag").startsWith("+flag needs a value"));
        assertTrue(bad("+jobname s").startsWith("missing +command"));
        assertTrue(bad("+command run").startsWith("missing +jobname"));
        assertTrue(bad("+command run +jobname").startsWith("+jobname needs a value"));
        assertTrue(bad("+command run +jobname a/b").startsWith("bad jobname 'a/b'"));
        assertTrue(bad(BASE + "+arg-mode click").startsWith("bad arg mode 'click'"));
        assertTrue(bad(BASE + "+q=1").contains("+quiet takes no value"));
        assertTrue(bad(BASE + "+tag=").startsWith("bad +tag ''"));
        assertTrue(bad(BASE + "+tag-args --nope +arg --a 1 +tag").startsWith("bad +tag-args name '--nope'"));
        String emptyTag = assertThrows(BadInputException.class,
                () -> words("+command", "run", "+jobname", "s", "+tag", "")).getMessage();
        assertTrue(emptyTag.startsWith("bad +tag ''"));
        String emptyName = assertThrows(BadInputException.class,
                () -> words("+command", "run", "+jobname", "s", "+arg", "", "1")).getMessage();
        assertTrue(emptyName.startsWith("+arg needs a name"));
        assertThrows(BadInputException.class, () -> words("+command", "run", "+jobname", "s", "+jobfile", ""));
        assertThrows(BadInputException.class, () -> words("+command", "run", "+jobname", "s", "+jobfile", "a\0b"));
    }
}
