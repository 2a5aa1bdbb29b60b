package dev.clustersweep.backend;

/** The scheduler refused or could not be reached; the message quotes what it said. */
public class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
