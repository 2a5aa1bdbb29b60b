package dev.clustersweep.report;

/**
 * A small SVG writer for charts inlined in the report's HTML: shapes with a CSS class (the page's
 * style gives the colours) and an optional tooltip, every text escaped. Coordinates are written
 * with one decimal: a pixel is all a chart needs, and 100 points cost a few hundred bytes.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /** A chart of {@code width} by {@code height} pixels, described by {@code label} for screen readers. */
    Svg(int width, int height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
    }

    static String n(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    Svg rect(double x, double y, double w, double h, String cls, String title) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(w, 0))).append("\" height=\"").append(n(Math.max(h, 0))).append('"');
        return end("rect", cls, title);
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"');
        return end("line", cls, null);
    }

    Svg circle(double cx, double cy, double r, String cls, String title) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append('"');
        return end("circle", cls, title);
    }

    /** A path; {@code d} is built of numbers and commands only (see {@link Path}). */
    Svg path(String d, String cls, String title) {
        out.append("<path d=\"").append(d).append('"');
        return end("path", cls, title);
    }

    /** Text at (x, y); {@code anchor} is start, middle or end; {@code rotate} degrees about the point. */
    Svg text(double x, double y, String anchor, String cls, double rotate, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append('"');
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Text with a tooltip. */
    Svg text(double x, double y, String anchor, String cls, double rotate, String text, String title) {
        if (title == null) {
            return text(x, y, anchor, cls, rotate, text);
        }
        out.append("<g><title>").append(Html.escape(title)).append("</title>");
        text(x, y, anchor, cls, rotate, text);
        out.setLength(out.length() - 1); // the text's newline
        out.append("</g>\n");
        return this;
    }

    private Svg end(String tag, String cls, String title) {
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        if (title == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(title)).append("</title></").append(tag).append(">\n");
        }
        return this;
    }

    String done() {
        return out.append("</svg>").toString();
    }

    /** Path data: moves and lines, numbers with one decimal. */
    static final class Path {
        private final StringBuilder d = new StringBuilder();

        Path move(double x, double y) {
            d.append('M').append(n(x)).append(' ').append(n(y));
            return this;
        }

        Path to(double x, double y) {
            d.append('L').append(n(x)).append(' ').append(n(y));
            return this;
        }

        /** A move to the first point, a line to each after it. */
        Path point(double x, double y) {
            return d.length() == 0 ? move(x, y) : to(x, y);
        }

        Path close() {
            d.append('Z');
            return this;
        }

        boolean isEmpty() {
            return d.length() == 0;
        }

        @Override
        public String toString() {
            return d.toString();
        }
    }
}
