package dev.clustersweep.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small file (a status record) with as few system calls as it takes: open, one read into a
 * buffer kept between files, close (a read to find the end only when the text does not end with a
 * newline). {@link Files#readString} also asks the size and reads again
 * to find the end, which for 200,000 records is a second of system time. Not thread-safe: one per
 * thread.
 */
public final class SmallFiles {

    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    /**
     * The file's text, decoded as UTF-8 as {@link Files#readString} does (and failing as it does: a
     * {@link java.nio.file.NoSuchFileException} when absent, a {@link CharacterCodingException} when
     * not UTF-8).
     */
    public String read(Path file) throws IOException {
        buffer.clear();
        try (FileChannel channel = FileChannel.open(file)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return decode(buffer.array(), buffer.position());
                }
                if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                    // A record ends with a newline: a short read that ends with one is, in practice,
                    // the whole file, and a record's reader checks its last line anyway. Anything
                    // else reads on to the end, as Files.readString does.
                    break;
                }
            }
            if (!buffer.hasRemaining()) {
                return Files.readString(file, StandardCharsets.UTF_8); // not small: the plain way
            }
        }
        return decode(buffer.array(), buffer.position());
    }

    private static String decode(byte[] bytes, int length) throws CharacterCodingException {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            }
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1); // ASCII: the fast way
    }
}
