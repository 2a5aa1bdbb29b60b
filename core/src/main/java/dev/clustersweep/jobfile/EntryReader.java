package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.clustersweep.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one reader of jobfile entries, {@code "ID": [command, tag]}, one at a time: the shape, the ids
 * and the messages of a bad jobfile. {@link JobFileReader} reads whole tasks with it from the start
 * of the file; {@link JobFileIndex} reads only keys and their offsets, or tags from an offset.
 *
 * <p>Jackson decodes a string only when its text is asked for, so a part not wanted is skipped
 * unread, checked only for its shape.
 */
final class EntryReader implements Closeable {

    static final String EXPECTED = "expected a JSON object {\"1\": [command, tag], ...}";

    /** For reading every task: names are not canonicalized, so Jackson reads the bytes through a Reader. */
    private static final JsonFactory STREAMING = settings()
            // Every key is a different task id: caching and interning them costs more than it saves.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    /** For the index: Jackson's byte parser, the one whose locations are byte offsets (it canonicalizes names). */
    private static final JsonFactory BYTES = settings().build();
    private static final byte[] OPEN = "{".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final JsonParser json;
    private String key;
    private long id;
    private String command;
    private String tag;

    private static JsonFactoryBuilder settings() {
        // Commands can be long (a hand-written file may hold a script); Jackson's default cap is 20M chars.
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    private EntryReader(Path path, JsonParser json) {
        this.path = path;
        this.json = json;
    }

    /** Reads a whole jobfile from {@code in}, which closing the reader closes; call {@link #begin} first. */
    static EntryReader ofFile(Path path, InputStream in) throws IOException {
        return new EntryReader(path, STREAMING.createParser(in));
    }

    /** As {@link #ofFile}, with {@link #keyOffset} in bytes (for an index of the file). */
    static EntryReader withOffsets(Path path, InputStream in) throws IOException {
        return new EntryReader(path, BYTES.createParser(in));
    }

    /**
     * Reads entries from {@code in} standing at an entry's key, in the middle of the jobfile at
     * {@code path}; closing the reader leaves {@code in} open (its channel is positioned again for
     * the next read). Call {@link #begin} first.
     */
    static EntryReader ofEntry(Path path, InputStream in) throws IOException {
        // An entry alone ("12": [...]) is not JSON; behind a '{' it is the start of an object.
        JsonParser json = BYTES.createParser(new SequenceInputStream(new ByteArrayInputStream(OPEN), in));
        json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return new EntryReader(path, json);
    }

    /** Reads the opening '{'. */
    void begin() throws IOException {
        JsonToken first = json.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw bad(first == null ? "it is empty" : "it does not start with '{'");
        }
    }

    /**
     * Moves to the next entry's key ({@link #id}, {@link #keyOffset}); false at the closing '}'. The
     * entry's value is read next, by {@link #value}.
     */
    boolean nextKey() throws IOException {
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_OBJECT) {
            key = null;
            return false;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw bad("unexpected " + describe(token));
        }
        key = json.currentName();
        id = Job.parseId(key);
        if (id < 1) {
            throw bad("task id \"" + key + "\" is not a positive integer");
        }
        return true;
    }

    /** The current entry's key as written. */
    String key() {
        return key;
    }

    /** The current entry's task id. */
    long id() {
        return id;
    }

    /** Where the current entry's key starts, in bytes from the start of the input (with {@link #withOffsets}). */
    long keyOffset() {
        return json.currentTokenLocation().getByteOffset();
    }

    /**
     * Reads the current entry's {@code [command, tag]}, decoding each part only when asked for;
     * {@link #command} and {@link #tag} are null for a part not asked for.
     */
    void value(boolean wantCommand, boolean wantTag) throws IOException {
        if (json.nextToken() != JsonToken.START_ARRAY || json.nextToken() != JsonToken.VALUE_STRING) {
            throw badEntry();
        }
        command = wantCommand ? json.getText() : null;
        if (json.nextToken() != JsonToken.VALUE_STRING) {
            throw badEntry();
        }
        tag = wantTag ? json.getText() : null;
        if (json.nextToken() != JsonToken.END_ARRAY) {
            throw badEntry();
        }
    }

    String command() {
        return command;
    }

    String tag() {
        return tag;
    }

    /** After the closing '}': nothing may follow. */
    void end() throws IOException {
        if (json.nextToken() != null) {
            throw bad("there is more after the closing '}'");
        }
    }

    private BadInputException badEntry() {
        return bad("entry \"" + key + "\" is not a 2-element array of strings [command, tag]");
    }

    BadInputException bad(String what) {
        return new BadInputException("bad jobfile " + path + ": " + what + "; " + EXPECTED);
    }

    /** A parse error as a bad jobfile, with where it is. */
    BadInputException notJson(JsonProcessingException e) {
        var where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return bad("not valid JSON" + at + " (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }

    private static String describe(JsonToken token) {
        return token == null ? "end of file" : token.asString() == null ? token.name() : "'" + token.asString() + "'";
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
