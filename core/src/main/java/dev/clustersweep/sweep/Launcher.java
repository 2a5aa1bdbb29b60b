package dev.clustersweep.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The process that submitted a submission. The local backend's pool lives in that process, so its
 * pending tasks are only pending while it is alive.
 */
public record Launcher(String host, long pid, long startedAtMillis) {

    public static Launcher current() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        return new Launcher(hostName(), self.pid(), started);
    }

    /**
     * This machine's name as the kernel gives it, which is what the wrapper records (bash's
     * $HOSTNAME comes from gethostname); an exported HOSTNAME (often a fully qualified name) is not.
     */
    public static String hostName() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e2) {
                return "localhost";
            }
        }
    }

    /** True when this process still runs here; a reused pid started later is not it. */
    public boolean isAlive() {
        if (!host.equals(hostName())) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> Math.abs(start.toEpochMilli() - startedAtMillis) < 2000)
                .orElse(false);
    }
}
