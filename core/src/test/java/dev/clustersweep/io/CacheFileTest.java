package dev.clustersweep.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** The framing of the caches, read in place from the file's bytes. */
public class CacheFileTest {

    private static final String HEADER = "cluster-sweep test.cache 1";

    private static byte[] sample() {
        CacheFile.Lines out = new CacheFile.Lines(HEADER, 2);
        out.text("run é").end();
        out.raw("x").number(Long.MIN_VALUE).number(Long.MAX_VALUE).number(-7).bits(0.1 + 0.2).bits(Double.NaN)
                .text("hôte\tà tab").text(null).end();
        out.raw("y").text("hôte\tà tab").text("host").text("host").end();
        return CacheFile.bytes(out.finish());
    }

    @Test
    public void fieldsReadBackAsWrittenNonAsciiIncluded() {
        CacheFile.Fields f = CacheFile.Fields.ofRun(sample(), HEADER, "run é");
        f.endOfLine();
        assertTrue(f.take("x"));
        assertEquals(Long.MIN_VALUE, f.number());
        assertEquals(Long.MAX_VALUE, f.number());
        assertEquals(-7, f.integer());
        assertEquals(0.1 + 0.2, f.bits(), 0);
        assertTrue(Double.isNaN(f.bits()));
        Map<String, String> seen = new HashMap<>();
        String name = f.shared(seen);
        assertEquals("hôte\tà tab", name);
        assertNull(f.text());
        assertTrue(f.atEndOfLine());
        f.endOfLine();
        assertFalse(f.take("x"));
        assertTrue(f.take("y"));
        assertSame("an escaped one is looked up", name, f.shared(seen));
        String host = f.shared(seen);
        assertSame("a plain one is compared in place", host, f.shared(seen));
        f.endOfLine();
        assertFalse(f.more());
        assertTrue(f.whole());
    }

    @Test
    public void aFileNotWholeHasNoFields() {
        byte[] whole = sample();
        assertNull(CacheFile.Fields.of(java.util.Arrays.copyOf(whole, whole.length - 1), HEADER));
        assertNull(CacheFile.Fields.of(java.util.Arrays.copyOf(whole, whole.length / 2), HEADER));
        byte[] changed = whole.clone();
        changed[40] ^= 1;
        assertNull(CacheFile.Fields.of(changed, HEADER));
        assertNull(CacheFile.Fields.of(whole, "cluster-sweep test.cache 2"));
        assertNull(CacheFile.Fields.ofRun(whole, HEADER, "run e"));
        assertNull(CacheFile.Fields.of(new byte[0], HEADER));
        assertNull(CacheFile.Fields.of(null, HEADER));
    }

    @Test
    public void aNumberThatIsNotOneIsRefused() {
        CacheFile.Lines out = new CacheFile.Lines(HEADER, 1);
        out.end().raw("x").raw("12a").raw("99999999999999999999").raw("").raw("-").raw("fffffffffffffffff").end();
        CacheFile.Fields f = CacheFile.Fields.of(CacheFile.bytes(out.finish()), HEADER);
        f.endOfLine();
        f.take("x");
        for (int i = 0; i < 4; i++) {
            try {
                f.number();
                fail("field " + i + " read as a number");
            } catch (IllegalArgumentException expected) {
                f.raw(); // past it
            }
        }
        try {
            f.bits();
            fail("17 hexadecimal digits read as 64 bits");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
