package dev.clustersweep.search;

import java.util.SplittableRandom;

/**
 * The generator for one sample, made of the search's seed and the sample's number only. A shared
 * stream would make sample 7 depend on how many draws samples 1 to 6 took and on the order in which
 * the tasks finished; this way a replay of the same asks and tells gives the same samples.
 */
final class SampleRandom {

    private SampleRandom() {
    }

    static SplittableRandom of(long seed, int number) {
        // Both halves go through a 64-bit finaliser, so neighbouring seeds and numbers give unrelated
        // starting points (seed*K + number would make seed s, step k meet seed s+1, step k-1).
        return new SplittableRandom(mix(seed ^ mix(number + 0x9E3779B97F4A7C15L)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
