package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments as bytes, for a JVM that would decode them with the wrong charset: {@code bin/sweep}
 * writes arguments with non-ASCII bytes NUL-separated into a temporary file and passes
 * {@code --args-file FILE} instead, so a value reaches the task byte for byte whatever the locale
 * (none, under cron or {@code env -i}). Each is decoded as UTF-8; one that is not UTF-8 cannot
 * reach a task unchanged through jobs.json, so it is refused, named, rather than altered.
 */
final class ArgsFile {

    static final String OPTION = "--args-file";

    private ArgsFile() {
    }

    /** The arguments in the file, which is deleted: it was made for this one run. */
    static String[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read the arguments from " + file + " (" + e.getMessage()
                    + "): expected the file bin/sweep writes for " + OPTION);
        }
        List<String> args = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                args.add(decode(bytes, from, i, args.size() + 1));
                from = i + 1;
            }
        }
        return args.toArray(new String[0]);
    }

    private static String decode(byte[] bytes, int from, int to, int position) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return refuse(bytes, from, to, position);
        }
    }

    private static String refuse(byte[] bytes, int from, int to, int position) {
        StringBuilder shown = new StringBuilder();
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            shown.append(b >= 0x20 && b < 0x7f && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        throw new BadInputException("argument " + position + " '" + shown + "' is not UTF-8 text: expected UTF-8,"
                + " as a task's command is written in jobs.json and read by bash (other bytes would be changed)");
    }
}
