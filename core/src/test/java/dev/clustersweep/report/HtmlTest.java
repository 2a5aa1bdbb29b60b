package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class HtmlTest {

    @Test
    public void markupInUserTextShowsAsText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("&quot; onload=&quot;x", Html.escape("\" onload=\"x"));
        assertEquals("it&#39;s &amp; more", Html.escape("it's & more"));
    }

    @Test
    public void plainTextIsReturnedAsItIs() {
        String text = "val/acc-top.1 é 中";
        assertSame(text, Html.escape(text));
    }

    @Test
    public void charactersHtmlDoesNotAllowBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\tc\nd", Html.escape("a\u0000b\tc\nd"));
        assertEquals("\uFFFDx", Html.escape("\uD800x")); // a lone surrogate
        assertEquals("\uD83D\uDE00", Html.escape("\uD83D\uDE00")); // a pair is kept
    }
}
