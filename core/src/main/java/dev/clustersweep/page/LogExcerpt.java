package dev.clustersweep.page;

import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The end of a log that may still be growing, at most a given number of bytes, as text: what the
 * build page shows of a running task's stdout or stderr before the log is archived. Bad UTF-8 (or a
 * character cut at the start) becomes U+FFFD; when the start is cut, the text starts after the first
 * line break in the excerpt, so no half line is shown. Serializable: a Jenkins agent sends it as it is.
 *
 * @param size the file's size when it was read
 * @param skipped bytes at the start that are not in {@code text}
 */
public record LogExcerpt(String text, long size, long skipped) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Reads the last {@code maxBytes} of {@code file}. */
    public static LogExcerpt tail(Path file, int maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.max(0, size - maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    break; // truncated while we read
                }
            }
            buffer.flip();
            long skipped = from;
            if (from > 0) {
                int start = buffer.position();
                while (buffer.hasRemaining() && buffer.get() != '\n') {
                    // skip the partial first line
                }
                if (!buffer.hasRemaining()) {
                    buffer.position(start); // one long line: show its end anyway
                }
                skipped += buffer.position() - start;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(buffer).toString();
            return new LogExcerpt(text, size, skipped);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no log file " + file + ": the attempt has not written it (yet), "
                    + "or it was removed");
        }
    }

    /** Whether the start of the log was left out. */
    public boolean truncated() {
        return skipped > 0;
    }
}
