package dev.clustersweep.engine;

import dev.clustersweep.io.FileProblems;
import dev.clustersweep.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The search's own record, {@code search.log} (docs/layout.md): one line per ask and per tell, in
 * the order they happened, appended. Replaying it into a fresh optimiser of the same seed gives the
 * same optimiser, so a search goes on after its driver died exactly as it would have.
 * <pre>
 * ask 3 7 9       sample 3 is tasks 7 to 9 (a grid of seeds, say)
 * tell 3 0.25     its value (the mean of its tasks' metric); "tell 3 -" when it failed
 * </pre>
 * A last line without its newline was cut short by a crash: it is not there yet.
 */
public final class SearchLog {

    /** One line of the log. */
    public sealed interface Entry permits Ask, Tell {
    }

    /** Sample {@code sample} was asked and is tasks {@code firstTask} to {@code lastTask}. */
    public record Ask(int sample, long firstTask, long lastTask) implements Entry {
    }

    /** Sample {@code sample} was told {@code value} (empty: it failed). */
    public record Tell(int sample, OptionalDouble value) implements Entry {
    }

    private static final String SHAPE = "lines 'ask SAMPLE FIRST LAST' and 'tell SAMPLE VALUE|-', as a search writes them";

    private SearchLog() {
    }

    public static Path file(SweepDirectory dir) {
        return dir.root().resolve("search.log");
    }

    public static List<Entry> read(SweepDirectory dir) {
        Path file = file(dir);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw FileProblems.reading(file, SHAPE, e);
        }
        List<Entry> entries = new ArrayList<>();
        int lineNumber = 0;
        for (int from = 0, to; (to = text.indexOf('\n', from)) >= 0; from = to + 1) {
            lineNumber++;
            String[] f = text.substring(from, to).split(" ");
            try {
                if (f[0].equals("ask") && f.length == 4) {
                    entries.add(new Ask(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
                } else if (f[0].equals("tell") && f.length == 3) {
                    entries.add(new Tell(Integer.parseInt(f[1]),
                            f[2].equals("-") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f[2]))));
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw FileProblems.corrupt(file, SHAPE + ", not line " + lineNumber + " '" + text.substring(from, to)
                        + "'", null);
            }
        }
        return entries;
    }

    /** The length of the file up to and with its last newline. */
    private static long wholeLines(java.nio.channels.FileChannel channel) throws IOException {
        long size = channel.size();
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        for (long at = size - 1; at >= 0; at--) {
            one.clear();
            channel.read(one, at);
            if (one.get(0) == '\n') {
                return at + 1;
            }
        }
        return 0;
    }

    public static void append(SweepDirectory dir, Entry entry) throws IOException {
        String line;
        if (entry instanceof Ask a) {
            line = "ask " + a.sample() + " " + a.firstTask() + " " + a.lastTask();
        } else {
            Tell t = (Tell) entry;
            line = "tell " + t.sample() + " " + (t.value().isPresent() ? Double.toString(t.value().getAsDouble()) : "-");
        }
        Path file = file(dir);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            // A line a crash cut short is not there (read skips it): it goes before this one is added.
            channel.truncate(wholeLines(channel));
            channel.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), channel.size());
        } catch (IOException e) {
            throw FileProblems.refused("write", file, e);
        }
    }
}
