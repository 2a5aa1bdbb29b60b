package dev.clustersweep.backend.local;

import java.util.concurrent.Semaphore;

/**
 * How many tasks of one sweep the local backend runs at once, across its pools: a task waits for a
 * slot after it was taken and before it starts, so it stays PENDING meanwhile.
 */
final class LocalSlots {

    private final Semaphore slots;

    LocalSlots(int size) {
        this.slots = new Semaphore(Math.max(1, size), true);
    }

    void acquire() throws InterruptedException {
        slots.acquire();
    }

    void release() {
        slots.release();
    }
}
