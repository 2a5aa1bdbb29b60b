package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a jobfile one task at a time, producing the same bytes as onager's {@code json.dump} of
 * the same tasks: {@code {"1": ["command", "tag"], ...}} with no trailing newline. Closing ends
 * the object but leaves the underlying writer open.
 */
public final class JobFileWriter implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;
    private long count;
    private boolean closed;

    public JobFileWriter(Writer out) throws IOException {
        json = FACTORY.createGenerator(out);
        json.setCharacterEscapes(PythonJsonStyle.ESCAPES);
        json.setPrettyPrinter(PythonJsonStyle.SEPARATORS);
        json.writeStartObject();
    }

    public void write(Job job) throws IOException {
        json.writeFieldName(Long.toString(job.id()));
        json.writeStartArray();
        json.writeString(job.command());
        json.writeString(job.tag());
        json.writeEndArray();
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
            json.writeEndObject();
            json.close();
        }
    }
}
