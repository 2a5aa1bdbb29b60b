package dev.clustersweep.state;

import dev.clustersweep.sweep.SweepDirectory;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a sweep's status files poll after poll, keeping the attempts that ended: their records
 * never change, so a long wait reads each finished task's files once, not at every poll.
 */
public final class StatusReader {

    private final SweepDirectory dir;
    private Map<Long, AttemptRecord> ended = new HashMap<>();

    public StatusReader(SweepDirectory dir) {
        this.dir = dir;
    }

    public synchronized Map<Long, AttemptRecord> latestAttempts() {
        Map<Long, AttemptRecord> latest = StatusFiles.latestAttempts(dir, ended);
        Map<Long, AttemptRecord> nowEnded = new HashMap<>(latest.size() * 2);
        latest.forEach((id, record) -> {
            if (record.ended()) {
                nowEnded.put(id, record);
            }
        });
        ended = nowEnded;
        return latest;
    }
}
