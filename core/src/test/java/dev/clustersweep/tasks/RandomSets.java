package dev.clustersweep.tasks;

import java.util.BitSet;
import java.util.Random;

/** Random id sets of the shapes sweeps produce: dense runs, strided runs, scattered ids, mixtures. */
final class RandomSets {

    private RandomSets() {
    }

    /** A random set of ids in 1..~300, as a BitSet. */
    static BitSet bits(Random random) {
        BitSet bits = new BitSet();
        int limit = 1 + random.nextInt(300);
        switch (random.nextInt(4)) {
            case 0 -> { // independent ids at a random density
                double density = random.nextDouble();
                for (int id = 1; id <= limit; id++) {
                    if (random.nextDouble() < density) {
                        bits.set(id);
                    }
                }
            }
            case 1 -> { // a few progressions, possibly overlapping or interleaving
                int items = 1 + random.nextInt(6);
                for (int i = 0; i < items; i++) {
                    int first = 1 + random.nextInt(limit);
                    int step = 1 + (random.nextBoolean() ? 0 : random.nextInt(12));
                    int last = first + random.nextInt(limit);
                    for (int id = first; id <= last; id += step) {
                        bits.set(id);
                    }
                }
            }
            case 2 -> { // runs with holes, like a relaunch of failed tasks
                bits.set(1, limit + 1);
                int holes = random.nextInt(20);
                for (int i = 0; i < holes; i++) {
                    int at = 1 + random.nextInt(limit);
                    bits.clear(at, Math.min(limit + 1, at + 1 + random.nextInt(5)));
                }
            }
            default -> { // very few ids, where the tie rules show
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    bits.set(1 + random.nextInt(Math.min(limit, 30)));
                }
            }
        }
        return bits;
    }

    static long[] sortedIds(Random random) {
        return bits(random).stream().asLongStream().toArray();
    }

    static TaskList list(BitSet bits) {
        return TaskList.of(bits.stream().asLongStream().toArray());
    }

    static BitSet bits(TaskList list) {
        BitSet bits = new BitSet();
        list.stream().forEach(id -> bits.set(Math.toIntExact(id)));
        return bits;
    }
}
