package dev.clustersweep.launchers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The launcher a requirements expression chose, and what a launch asks of it.
 *
 * @param launcher the launcher
 * @param alternative which alternative of the expression matched, from 0
 * @param nodes the kind of node that fits
 * @param qos the QoS chosen, or null
 * @param cpus cores to ask for (raised to cover the memory when the launcher reserves it by core)
 * @param memMegabytes memory to ask for with {@code --mem}, 0 for none
 */
public record Choice(Launcher launcher, int alternative, HostRequest request, NodeGroup nodes, Qos qos, int cpus,
        long memMegabytes) {

    /**
     * The choice as settings by name, canonical (what a spec file would hold): backend, cpus, gpus,
     * mem, duration and, as the launcher has them, partition, qos, account, queue, constraint.
     */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("backend", launcher.backend());
        s.put("cpus", Math.max(1, cpus));
        s.put("gpus", request.gpus());
        if (memMegabytes > 0) {
            s.put("mem", memMegabytes + "M");
        }
        if (request.durationSeconds() > 0) {
            s.put("duration", request.durationSeconds() + "s");
        }
        putIf(s, "partition", launcher.partition());
        putIf(s, "qos", qos == null ? null : qos.name());
        putIf(s, "account", launcher.accounts().isEmpty() ? null : launcher.accounts().get(0));
        putIf(s, "queue", launcher.queue());
        if (!nodes.features().isEmpty() && launcher.nodes().size() > 1) {
            s.put("constraint", String.join("&", nodes.features())); // only these nodes of the partition fit
        }
        return s;
    }

    /** One line for {@code --dry-run}: the launcher, why it was chosen, and what a launch asks. */
    public String describe() {
        StringBuilder b = new StringBuilder("launcher '").append(launcher.id()).append("' (weight ")
                .append(launcher.weight()).append(", ").append(launcher.backend());
        if (!nodes.hosts().isEmpty()) {
            b.append(", nodes ").append(String.join(",", nodes.hosts()));
        }
        b.append(") matches alternative ").append(alternative + 1).append(':');
        settings().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    private static void putIf(Map<String, Object> s, String key, String value) {
        if (value != null && !value.isBlank()) {
            s.put(key, value);
        }
    }
}
