package dev.clustersweep.jobfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a jobfile one task at a time, producing the same bytes as onager's {@code json.dump} of
 * the same tasks: {@code {"1": ["command", "tag"], ...}} with no trailing newline. Closing ends
 * the object but leaves the underlying writer open.
 *
 * <p>Written by hand rather than through Jackson: the shape is fixed, Python's separators and
 * {@code ensure_ascii} escapes are what must come out byte for byte, and prelaunch then loads no
 * JSON library at all (it starts in half the time). Reading uses Jackson ({@link JobFileReader}).
 */
public final class JobFileWriter implements Closeable {

    private final Writer out;
    private long count;
    private boolean closed;

    public JobFileWriter(Writer out) throws IOException {
        this.out = out;
        out.write('{');
    }

    public void write(Job job) throws IOException {
        if (count > 0) {
            out.write(", ");
        }
        out.write('"');
        out.write(Long.toString(job.id()));
        out.write("\": [");
        string(job.command());
        out.write(", ");
        string(job.tag());
        out.write(']');
        count++;
    }

    /** How many tasks were written so far. */
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write('}');
            out.flush();
        }
    }

    /** A JSON string as Python writes it: printable ASCII as is, everything else escaped. */
    private void string(String value) throws IOException {
        out.write('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            out.write(value, plainFrom, i - plainFrom);
            out.write(PythonJsonStyle.escape(c));
            plainFrom = i + 1;
        }
        out.write(value, plainFrom, value.length() - plainFrom);
        out.write('"');
    }
}
