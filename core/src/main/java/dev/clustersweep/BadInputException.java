package dev.clustersweep;

/**
 * Input a user can fix: a bad option, value, jobfile or task list. The message is one line that
 * names the bad value and says what is expected; the command line prints it and exits with 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
