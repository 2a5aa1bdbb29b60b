package dev.clustersweep.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/**
 * The process that submitted a submission. The local backend's pool lives in that process, so its
 * pending tasks are only pending while it is alive.
 */
public record Launcher(String host, long pid, long startedAtMillis, String instance) {

    /**
     * This Java runtime, told apart from one that replaced it in the same process: a Jenkins restart
     * (and an agent's restarter) execs a new JVM in place, keeping the pid and the start time.
     */
    private static final String INSTANCE = UUID.randomUUID().toString();

    public static Launcher current() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        return new Launcher(hostName(), self.pid(), started, INSTANCE);
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
        if (pid == ProcessHandle.current().pid()) {
            // This very process: alive only if it is the same runtime, not one exec'd in its place.
            return INSTANCE.equals(instance);
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> Math.abs(start.toEpochMilli() - startedAtMillis) < 2000)
                .orElse(false);
    }
}
