package dev.clustersweep;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The system refused a file operation the user asked for: permission denied, a read-only or full
 * file system. The message is one line naming the file; the command line prints it and exits with
 * 3. An {@link UncheckedIOException}, so code that already handles I/O failures still does.
 */
public class SystemRefusedException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public SystemRefusedException(String message, IOException cause) {
        super(message, cause);
    }
}
