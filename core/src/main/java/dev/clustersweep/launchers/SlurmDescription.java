package dev.clustersweep.launchers;

import dev.clustersweep.backend.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launchers read from {@code scontrol --oneliner show nodes} and {@code scontrol --oneliner show
 * partition}, as experimaestro's {@code query_slurm} did: one launcher per partition that is UP, its
 * nodes grouped by what they have (cores, memory, features, GPUs from {@code Gres=gpu[:type]:N}), its
 * {@code MaxTime}, its accounts unless all are allowed; the default partition weighs most.
 */
public final class SlurmDescription {

    /** {@code Key=value} up to the next {@code Key=}: values such as {@code OS=Linux 6.1 #1 SMP} hold spaces. */
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(.*?)(?=\\s+\\w+=|\\s*$)");
    private static final Pattern GPU = Pattern.compile("gpu(?::[^:,(]+)?:(\\d+)");

    private SlurmDescription() {
    }

    public static List<Launcher> launchers(String nodesOutput, String partitionsOutput) {
        return launchers(records(nodesOutput), partitionsOutput, List.of());
    }

    /**
     * The launchers of these nodes (as {@link #records} or {@link #nodesFromJson} give them) and
     * partitions; {@code qos}, from accounting, go to each partition that allows them
     * ({@code AllowQos}).
     */
    public static List<Launcher> launchers(List<Map<String, String>> nodes, String partitionsOutput, List<Qos> qos) {
        List<Launcher> out = new ArrayList<>();
        for (Map<String, String> p : records(partitionsOutput)) {
            String name = p.get("PartitionName");
            if (name == null || !"UP".equals(p.get("State"))) {
                continue;
            }
            Map<List<Object>, NodeGroup> groups = new LinkedHashMap<>();
            for (Map<String, String> n : nodes) {
                if (!List.of(n.getOrDefault("Partitions", "").split(",")).contains(name)) {
                    continue;
                }
                int cores = whole(n.getOrDefault("CPUEfctv", n.get("CPUTot")));
                String mem = whole(n.get("RealMemory")) + "M";
                List<String> features = list(n.get("ActiveFeatures"));
                int gpus = gpus(n.get("Gres"));
                List<Object> key = List.of(cores, mem, features, gpus);
                NodeGroup g = groups.get(key);
                List<String> hosts = new ArrayList<>(g == null ? List.of() : g.hosts());
                hosts.add(n.get("NodeName"));
                groups.put(key, new NodeGroup(hosts, cores, mem, gpus, null, features));
            }
            String maxTime = p.get("MaxTime");
            String max = maxTime == null || maxTime.equals("UNLIMITED") ? null
                    : Durations.parseSeconds(maxTime) + "s";
            String accounts = p.getOrDefault("AllowAccounts", "ALL");
            String allowQos = p.getOrDefault("AllowQos", "ALL");
            List<Qos> allowed = qos.stream().filter(q -> allowQos.equals("ALL") || list(allowQos).contains(q.name()))
                    .toList();
            out.add(new Launcher("slurm-" + name, "slurm", "YES".equals(p.get("Default")) ? 2 : 1, List.of("slurm"),
                    name, null, accounts.equals("ALL") ? List.of() : list(accounts), null, List.of(),
                    new ArrayList<>(groups.values()), allowed, max));
        }
        return out;
    }

    /**
     * The nodes of {@code sinfo --json} (22.05 has it for nodes, not for partitions), as the same
     * fields {@code scontrol --oneliner show nodes} gives; null when the text is not that JSON.
     */
    public static List<Map<String, String>> nodesFromJson(String json) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
        if (root == null || !root.path("nodes").isArray()) {
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : root.path("nodes")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("NodeName", n.path("name").asText());
            fields.put("CPUTot", n.path("cpus").asText());
            fields.put("RealMemory", n.path("real_memory").asText());
            fields.put("ActiveFeatures", n.path("active_features").asText(""));
            fields.put("Gres", n.path("gres").asText(""));
            List<String> partitions = new ArrayList<>();
            n.path("partitions").forEach(p -> partitions.add(p.asText()));
            fields.put("Partitions", String.join(",", partitions));
            out.add(fields);
        }
        return out;
    }

    /**
     * The QoS of {@code sacctmgr --noheader --parsable2 show qos format=Name,MaxWall,Priority,MinTRES}
     * (one {@code name|maxwall|priority|mintres} a line): the longest job, the priority and the
     * fewest GPUs ({@code gres/gpu=N} in MinTRES) of each.
     */
    public static List<Qos> qos(String output) {
        List<Qos> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length < 4 || f[0].isBlank()) {
                continue;
            }
            String max = f[1].isBlank() ? null : Durations.parseSeconds(f[1].trim()) + "s";
            Matcher gpus = Pattern.compile("gres/gpu(?::[^=,]+)?=(\\d+)").matcher(f[3]);
            out.add(new Qos(f[0].trim(), max, gpus.find() ? Integer.parseInt(gpus.group(1)) : 0, whole(f[2])));
        }
        return out;
    }

    /** One map per non-blank line of {@code --oneliner} output. */
    static List<Map<String, String>> records(String output) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            if (!fields.isEmpty()) {
                out.add(fields);
            }
        }
        return out;
    }

    private static int gpus(String gres) {
        int n = 0;
        Matcher m = GPU.matcher(gres == null ? "" : gres);
        while (m.find()) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static List<String> list(String value) {
        return value == null || value.equals("(null)") || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    private static int whole(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0; // unknown: not checked
        }
    }
}
