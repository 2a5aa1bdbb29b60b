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

    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
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
