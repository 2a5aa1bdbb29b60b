package dev.clustersweep.launchers;

import dev.clustersweep.backend.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launchers read from Grid Engine: {@code qhost -q} gives each host's cores, memory and queues (one
 * launcher per queue, its hosts grouped by what they have), {@code qconf -sq QUEUE} its {@code h_rt}.
 */
public final class GridEngineDescription {

    private static final Pattern HOST = Pattern.compile("^(\\S+)\\s+\\S+\\s+(\\d+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+)\\s.*");
    private static final Pattern QUEUE = Pattern.compile("^\\s+(\\S+)\\s+\\S+\\s+\\d+/\\d+/\\d+.*");
    private static final Pattern H_RT = Pattern.compile("(?m)^h_rt\\s+(\\S+)");

    private GridEngineDescription() {
    }

    /** The queues {@code qhost -q} lists, in its order. */
    public static List<String> queues(String qhostQ) {
        List<String> out = new ArrayList<>();
        for (String line : qhostQ.split("\n")) {
            Matcher q = QUEUE.matcher(line);
            if (q.matches() && !out.contains(q.group(1))) {
                out.add(q.group(1));
            }
        }
        return out;
    }

    /** @param queueConfigs {@code qconf -sq} output by queue name */
    public static List<Launcher> launchers(String qhostQ, Map<String, String> queueConfigs) {
        Map<String, Map<List<Object>, NodeGroup>> byQueue = new LinkedHashMap<>();
        String host = null;
        int cores = 0;
        String mem = null;
        for (String line : qhostQ.split("\n")) {
            Matcher h = HOST.matcher(line);
            Matcher q = QUEUE.matcher(line);
            if (q.matches() && host != null) {
                Map<List<Object>, NodeGroup> groups = byQueue.computeIfAbsent(q.group(1), k -> new LinkedHashMap<>());
                List<Object> key = java.util.Arrays.asList(cores, mem);
                NodeGroup g = groups.get(key);
                List<String> hosts = new ArrayList<>(g == null ? List.of() : g.hosts());
                hosts.add(host);
                groups.put(key, new NodeGroup(hosts, cores, mem, 0, null, List.of()));
            } else if (h.matches() && !h.group(1).equals("global") && !h.group(1).equals("HOSTNAME")) {
                host = h.group(1);
                cores = Integer.parseInt(h.group(2));
                mem = h.group(3).equals("-") ? null : roundDown(h.group(3));
            }
        }
        List<Launcher> out = new ArrayList<>();
        byQueue.forEach((queue, groups) -> {
            Matcher rt = H_RT.matcher(queueConfigs.getOrDefault(queue, ""));
            String max = rt.find() && !rt.group(1).equalsIgnoreCase("INFINITY")
                    ? Durations.parseSeconds(rt.group(1)) + "s" : null;
            out.add(new Launcher("gridengine-" + queue, "gridengine", 1, List.of("gridengine"), null, queue, List.of(),
                    null, List.of(), new ArrayList<>(groups.values()), List.of(), max));
        });
        return out;
    }

    /** qhost's {@code 23.5G} in whole megabytes, down (what the host surely has). */
    private static String roundDown(String size) {
        Matcher m = Pattern.compile("([\\d.]+)([KMGT])").matcher(size);
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        double mb = switch (m.group(2)) {
            case "K" -> n / 1024;
            case "M" -> n;
            case "G" -> n * 1024;
            default -> n * 1024 * 1024;
        };
        return (long) mb + "M";
    }
}
