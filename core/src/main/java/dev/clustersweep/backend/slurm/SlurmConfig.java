package dev.clustersweep.backend.slurm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller limits the backend plans with, read once per backend object from
 * {@code scontrol show config}.
 *
 * @param maxArraySize array indexes run from 0 to {@code maxArraySize - 1}
 * @param maxJobCount job records slurmctld holds at once (an array counts by its size); past it
 *     sbatch sleeps and retries forever, so we refuse first
 */
public record SlurmConfig(long maxArraySize, long maxJobCount) {

    /** Slurm's own defaults, for a dry run that cannot ask. */
    public static final SlurmConfig DEFAULTS = new SlurmConfig(1001, 10000);

    public SlurmConfig {
        if (maxArraySize < 1 || maxJobCount < 1) {
            throw new IllegalArgumentException("MaxArraySize and MaxJobCount must be positive");
        }
    }

    /** Reads {@code Key = value} lines; a key missing from the output keeps Slurm's default. */
    public static SlurmConfig parse(String scontrolShowConfig) {
        return new SlurmConfig(value(scontrolShowConfig, "MaxArraySize", DEFAULTS.maxArraySize),
                value(scontrolShowConfig, "MaxJobCount", DEFAULTS.maxJobCount));
    }

    private static long value(String text, String key, long fallback) {
        Matcher m = Pattern.compile("(?m)^" + key + "\\s*=\\s*(\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }
}
