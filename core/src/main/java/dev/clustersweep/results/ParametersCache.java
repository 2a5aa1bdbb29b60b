package dev.clustersweep.results;

import dev.clustersweep.grid.GridFile;
import dev.clustersweep.io.CacheFile;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The sweep's {@code parameters.cache}: each launched task's parameters as {@link TaskParameters}
 * named them, so that the next {@code sweep results} of a 100,000-task sweep neither parses the
 * commands in jobs.json nor rebuilds each one from its grid to compare (docs/layout.md). The
 * parameters follow from jobs.json and grids.json alone, so the file names the two files' sizes and
 * CRC-32s and is read only while both still have them: a jobfile replaced or edited since is never
 * read through it. Same framing and run as the other caches; anything not whole reads as no cache.
 */
public final class ParametersCache {

    /**
     * The version names the way parameters are named, too: a change to {@link TaskParameters} or
     * {@link CommandParameters} that names a task's parameters otherwise needs a new one, or files
     * written before it would still be read.
     */
    private static final String HEADER = "cluster-sweep parameters.cache 1";

    private ParametersCache() {
    }

    /**
     * What the parameters are made from: jobs.json's and grids.json's sizes and CRC-32s, or null when
     * jobs.json cannot be read (no cache then). Reading 17 MB costs a few tens of milliseconds; the
     * parse it saves costs ten times that.
     */
    static String source(SweepDirectory dir) {
        String jobs = fingerprint(dir.jobFile());
        return jobs == null ? null : jobs + " " + fingerprint(GridFile.beside(dir.jobFile()));
    }

    /** {@code SIZE:CRC} of the file's bytes, {@code none} when it is absent, null when it cannot be read. */
    private static String fingerprint(Path file) {
        CRC32 crc = new CRC32();
        long size = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file)) {
            for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                size += n;
                crc.update(buffer.flip());
            }
        } catch (NoSuchFileException e) {
            return "none";
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return size + ":" + Long.toHexString(crc.getValue());
    }

    /** The cached parameters by task id, or null when there are none for this run and this source. */
    static Map<Long, Map<String, String>> read(SweepDirectory dir, String run, String source) {
        return run == null || source == null ? null : parse(CacheFile.read(dir.parametersCache()), run, source);
    }

    /** Replaces the file; a refusal (read-only disk) is no failure, the cache is only a shortcut. */
    static void write(SweepDirectory dir, String run, String source, Map<Long, Map<String, String>> parameters) {
        if (run != null && source != null) {
            CacheFile.write(dir.parametersCache(), lines(run, source, parameters));
        }
    }

    /**
     * The header's run and source; each distinct name or value once, {@code v} and the text, numbered
     * from 0 in order; then per task {@code t}, its id, and the numbers of each parameter's name and
     * value in the task's order. 100,000 tasks of a grid of three parameters are 100,000 short lines
     * of numbers, read without a String per field.
     */
    static CacheFile.Lines lines(String run, String source, Map<Long, Map<String, String>> parameters) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        parameters.values().forEach(p -> p.forEach((k, v) -> {
            numbers.putIfAbsent(k, numbers.size());
            numbers.putIfAbsent(v, numbers.size());
        }));
        CacheFile.Lines out = new CacheFile.Lines(HEADER, numbers.size() + parameters.size());
        out.text(run).text(source).end();
        numbers.keySet().forEach(text -> out.raw("v").text(text).end());
        parameters.forEach((id, p) -> {
            out.raw("t").number(id);
            p.forEach((k, v) -> out.number(numbers.get(k)).number(numbers.get(v)));
            out.end();
        });
        return out;
    }

    /** The parameters by task id, or null when the text is not a whole cache of this run and source. */
    static Map<Long, Map<String, String>> parse(String text, String run, String source) {
        return parse(CacheFile.bytes(text), run, source);
    }

    /** As {@link #parse(String, String, String)}, of the file's bytes. */
    static Map<Long, Map<String, String>> parse(byte[] file, String run, String source) {
        return CacheFile.parse(file, HEADER, run, f -> parameters(f, source));
    }

    private static Map<Long, Map<String, String>> parameters(CacheFile.Fields f, String source) {
        if (!source.equals(f.text())) {
            return null;
        }
        f.endOfLine();
        List<String> strings = new ArrayList<>();
        Map<Long, Map<String, String>> parameters = new HashMap<>((int) (f.lines() * 4L / 3 + 1));
        // Tasks of one grid have the same names in the same order: one array of them for all.
        int[] lastNames = new int[0];
        String[] lastKeys = new String[0];
        int[] names = new int[8];
        Object[] values = new Object[8];
        while (f.more()) {
            if (f.take("v")) {
                strings.add(java.util.Objects.requireNonNull(f.text()));
            } else if (f.take("t")) {
                long id = f.number();
                int n = 0;
                while (!f.atEndOfLine()) {
                    if (n == names.length) {
                        names = Arrays.copyOf(names, n * 2);
                        values = Arrays.copyOf(values, n * 2);
                    }
                    names[n] = f.integer();
                    values[n++] = strings.get(f.integer());
                }
                if (!Arrays.equals(names, 0, n, lastNames, 0, lastNames.length)) {
                    lastNames = Arrays.copyOf(names, n);
                    lastKeys = new String[n];
                    for (int i = 0; i < n; i++) {
                        lastKeys[i] = strings.get(names[i]);
                    }
                    if (java.util.Set.of(lastKeys).size() != n) {
                        return null; // a name twice: not a file this class wrote
                    }
                }
                if (parameters.put(id, new SharedKeyMap<>(lastKeys, Arrays.copyOf(values, n))) != null) {
                    return null;
                }
            } else {
                return null;
            }
            f.endOfLine();
        }
        return parameters;
    }
}
