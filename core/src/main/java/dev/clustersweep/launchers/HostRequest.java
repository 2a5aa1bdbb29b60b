package dev.clustersweep.launchers;

import java.util.List;

/**
 * What one alternative of a requirements expression asks of a host: all of its {@code &} terms
 * together. Zeros mean "not asked"; a term given twice keeps the larger value, since both must hold.
 *
 * @param durationSeconds the time the task needs, 0 when not said
 * @param cores CPU cores, 0 when not said
 * @param memMegabytes CPU memory, 0 when not said
 * @param gpuMemMegabytes the memory each GPU must have, one entry per GPU asked for
 */
public record HostRequest(long durationSeconds, int cores, long memMegabytes, List<Long> gpuMemMegabytes) {

    public HostRequest {
        gpuMemMegabytes = List.copyOf(gpuMemMegabytes);
    }

    public int gpus() {
        return gpuMemMegabytes.size();
    }

    /** The GPU memory asked of the most demanding GPU, 0 when none is asked for. */
    public long maxGpuMemMegabytes() {
        return gpuMemMegabytes.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
