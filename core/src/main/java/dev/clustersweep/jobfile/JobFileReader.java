package dev.clustersweep.jobfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.clustersweep.BadInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a jobfile written by onager or by us one task at a time, in file order, so a file of a
 * million tasks is never held as objects. Anything that is not {@code {"ID": [command, tag], ...}}
 * with distinct positive integer ids is a {@link BadInputException} naming the file and the entry.
 */
public final class JobFileReader implements Iterator<Job>, Closeable {

    static final String EXPECTED = "expected a JSON object {\"1\": [command, tag], ...}";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Commands can be long (a hand-written file may hold a script); Jackson's default cap is 20M chars.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            // Every key is a different task id: caching and interning them costs more than it saves.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private final Path path;
    private final JsonParser json;
    private final IdSet seen = new IdSet();
    private Job pending;
    private boolean done;

    private JobFileReader(Path path, JsonParser json) {
        this.path = path;
        this.json = json;
    }

    /** Opens the jobfile and checks that it starts as one; entries are checked as they are read. */
    public static JobFileReader open(Path path) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no jobfile at " + path + ": " + EXPECTED);
        } catch (IOException e) {
            throw dev.clustersweep.io.FileProblems.refused("read jobfile", path, e); // permission: exit 3
        }
        JobFileReader reader;
        try {
            reader = new JobFileReader(path, FACTORY.createParser(in));
        } catch (IOException e) {
            closeQuietly(in);
            throw new BadInputException("cannot read jobfile " + path + ": " + e.getMessage());
        }
        try {
            JsonToken first = reader.json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw reader.bad(first == null ? "it is empty" : "it does not start with '{'");
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e instanceof IOException io ? reader.wrap(io) : (RuntimeException) e;
        }
        return reader;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done) {
            try {
                pending = advance();
            } catch (IOException e) {
                close();
                throw wrap(e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return pending != null;
    }

    @Override
    public Job next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Job job = pending;
        pending = null;
        return job;
    }

    private Job advance() throws IOException {
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_OBJECT) {
            if (json.nextToken() != null) {
                throw bad("there is more after the closing '}'");
            }
            done = true;
            close();
            return null;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw bad("unexpected " + describe(token));
        }
        String key = json.currentName();
        long id = parseId(key);
        if (!seen.add(id)) {
            throw bad("task id \"" + key + "\" appears twice");
        }
        if (json.nextToken() != JsonToken.START_ARRAY) {
            throw badEntry(key);
        }
        if (json.nextToken() != JsonToken.VALUE_STRING) {
            throw badEntry(key);
        }
        String command = json.getText();
        if (json.nextToken() != JsonToken.VALUE_STRING) {
            throw badEntry(key);
        }
        String tag = json.getText();
        if (json.nextToken() != JsonToken.END_ARRAY) {
            throw badEntry(key);
        }
        return new Job(id, command, tag);
    }

    private long parseId(String key) {
        long id = Job.parseId(key);
        if (id < 1) {
            throw bad("task id \"" + key + "\" is not a positive integer");
        }
        return id;
    }

    private BadInputException badEntry(String key) {
        return bad("entry \"" + key + "\" is not a 2-element array of strings [command, tag]");
    }

    private BadInputException bad(String what) {
        return new BadInputException("bad jobfile " + path + ": " + what + "; " + EXPECTED);
    }

    private BadInputException wrap(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            var where = parse.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            return bad("not valid JSON" + at + " (" + parse.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        throw dev.clustersweep.io.FileProblems.refused("read jobfile", path, e);
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** The ids read so far: a bitmap for the usual small ids, a hash set for the rare huge ones. */
    private static final class IdSet {
        private static final long DENSE_LIMIT = 1L << 26;
        private final BitSet dense = new BitSet();
        private final Set<Long> sparse = new HashSet<>();

        boolean add(long id) {
            if (id < DENSE_LIMIT) {
                int i = (int) id;
                if (dense.get(i)) {
                    return false;
                }
                dense.set(i);
                return true;
            }
            return sparse.add(id);
        }
    }
}
