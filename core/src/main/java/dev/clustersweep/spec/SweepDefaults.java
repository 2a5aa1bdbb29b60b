package dev.clustersweep.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Site-wide settings a spec falls back on (the Jenkins global configuration): the backend and
 * resources to use when a spec names none, and per-backend header and footer lines that go around
 * every task of that backend. Only JDK types, so it can travel to an agent.
 *
 * @param backend used when the spec names none; null means {@code local}
 * @param headers backend name to shell lines run before the spec's own {@code setup}
 * @param footers backend name to shell lines run after each task
 */
public record SweepDefaults(String backend, Integer cpus, String mem, String duration, String partition,
        String account, String queue, Map<String, List<String>> headers, Map<String, List<String>> footers)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SweepDefaults NONE = new SweepDefaults(null, null, null, null, null, null, null, null, null);

    public SweepDefaults {
        backend = blankToNull(backend);
        mem = blankToNull(mem);
        duration = blankToNull(duration);
        partition = blankToNull(partition);
        account = blankToNull(account);
        queue = blankToNull(queue);
        headers = freeze(headers);
        footers = freeze(footers);
    }

    /** The defaults as JDK types only, to send to a Jenkins agent; see {@link #fromMap}. */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("backend", backend);
        map.put("cpus", cpus);
        map.put("mem", mem);
        map.put("duration", duration);
        map.put("partition", partition);
        map.put("account", account);
        map.put("queue", queue);
        map.put("headers", plain(headers));
        map.put("footers", plain(footers));
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SweepDefaults fromMap(Map<String, Object> map) {
        return new SweepDefaults((String) map.get("backend"), (Integer) map.get("cpus"), (String) map.get("mem"),
                (String) map.get("duration"), (String) map.get("partition"), (String) map.get("account"),
                (String) map.get("queue"), (Map<String, List<String>>) map.get("headers"),
                (Map<String, List<String>>) map.get("footers"));
    }

    public List<String> header(String backendName) {
        return headers.getOrDefault(backendName, List.of());
    }

    public List<String> footer(String backendName) {
        return footers.getOrDefault(backendName, List.of());
    }

    private static LinkedHashMap<String, List<String>> plain(Map<String, List<String>> lines) {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        lines.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> lines) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (lines != null) {
            lines.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, Collections.unmodifiableList(new ArrayList<>(v)));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
