package dev.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to one attempt's stdout or stderr. The path is relative to the sweep directory
 * ({@code logs/12.2.out}), so the Jenkins action serves it under its own URL; {@link #resolve}
 * turns such a path back into a file, accepting nothing but that exact shape.
 *
 * @param exists whether the file was there when the page was built (an attempt that is being
 *     claimed, or logs cleaned up by hand, may lack one)
 */
public record LogLink(long taskId, int attempt, Stream stream, String relativePath, boolean exists) {

    /** Which of an attempt's two logs. */
    public enum Stream {
        STDOUT("out"), STDERR("err");

        private final String suffix;

        Stream(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    private static final Pattern PATH = Pattern.compile("logs/([1-9][0-9]{0,17})\\.([1-9][0-9]{0,8})\\.(out|err)");

    public static String relativePath(long taskId, int attempt, Stream stream) {
        return "logs/" + taskId + "." + attempt + "." + stream.suffix();
    }

    /**
     * The log file a relative path names, from a URL: only {@code logs/ID.N.out} or
     * {@code logs/ID.N.err}, so no request can reach another file.
     */
    public static Path resolve(SweepDirectory dir, String relativePath) {
        Matcher m = PATH.matcher(relativePath == null ? "" : relativePath);
        if (!m.matches()) {
            throw new BadInputException("bad log path '" + relativePath
                    + "': expected logs/ID.ATTEMPT.out or logs/ID.ATTEMPT.err, like logs/12.1.out");
        }
        long id = Long.parseLong(m.group(1));
        int attempt = Integer.parseInt(m.group(2));
        return m.group(3).equals("out") ? dir.stdout(id, attempt) : dir.stderr(id, attempt);
    }
}
