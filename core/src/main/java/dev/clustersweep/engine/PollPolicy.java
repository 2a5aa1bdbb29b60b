package dev.clustersweep.engine;

/**
 * How often to ask the scheduler while waiting: quick at first so short sweeps finish promptly,
 * backing off so a long sweep costs the scheduler little.
 */
public record PollPolicy(long initialMillis, long maxMillis, double factor) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public PollPolicy {
        if (initialMillis <= 0 || maxMillis < initialMillis || factor < 1) {
            throw new IllegalArgumentException("poll policy needs 0 < initial <= max and factor >= 1");
        }
    }

    public static PollPolicy forBackend(String backend) {
        return "local".equals(backend) ? new PollPolicy(200, 2_000, 1.5) : new PollPolicy(1_000, 60_000, 1.5);
    }

    /** This policy with another longest interval (e.g. {@code --poll-max}); 0 keeps it. */
    public PollPolicy withMaxSeconds(int seconds) {
        if (seconds <= 0) {
            return this;
        }
        long max = seconds * 1000L;
        return new PollPolicy(Math.min(initialMillis, max), max, factor);
    }

    public long next(long currentMillis) {
        return Math.min(maxMillis, (long) Math.ceil(currentMillis * factor));
    }
}
