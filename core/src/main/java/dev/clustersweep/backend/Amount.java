package dev.clustersweep.backend;

import dev.clustersweep.BadInputException;

/**
 * What a user's amount ({@link Durations}, {@link Memory}) is called and how it may be written: one
 * message, naming the text, for anything that is not one or not above zero.
 */
record Amount(String what, String expected) {

    /** {@code value}, read from {@code text}, unless it is not above zero. */
    long positive(String text, long value) {
        if (value <= 0) {
            throw bad(text);
        }
        return value;
    }

    BadInputException bad(String text) {
        return new BadInputException("bad " + what + " '" + text + "': expected " + expected + ", above zero");
    }
}
