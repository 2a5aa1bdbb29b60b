package dev.clustersweep.settings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Site-wide settings a spec falls back on (the Jenkins global configuration): the backend and
 * resources to use when a spec names none, and per-backend header and footer lines that go around
 * every task of that backend. Serializable, so it can travel to an agent.
 *
 * @param backend used when the spec names none; null means {@code local}
 * @param headers backend name to shell lines run before the spec's own {@code setup}
 * @param footers backend name to shell lines run after each task
 */
public record SiteDefaults(String backend, Integer cpus, String mem, String duration, String partition,
        String account, String queue, Map<String, List<String>> headers, Map<String, List<String>> footers)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SiteDefaults NONE = new SiteDefaults(null, null, null, null, null, null, null, null, null);

    public SiteDefaults {
        backend = blankToNull(backend);
        mem = blankToNull(mem);
        duration = blankToNull(duration);
        partition = blankToNull(partition);
        account = blankToNull(account);
        queue = blankToNull(queue);
        headers = freeze(headers);
        footers = freeze(footers);
    }

    /**
     * The defaults that are settings, to go under a sweep's own: {@code settings.over(site.settings())}.
     * Bound like a Pipeline's, so a bad site value is named as its field is.
     */
    public SweepSettings settings() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put(Settings.BACKEND.name(), backend);
        given.put(Settings.CPUS.name(), cpus);
        given.put(Settings.MEM.name(), mem);
        given.put(Settings.DURATION.name(), duration);
        given.put(Settings.PARTITION.name(), partition);
        given.put(Settings.ACCOUNT.name(), account);
        given.put(Settings.QUEUE.name(), queue);
        return SettingsBinder.bind(given, Caller.PIPELINE);
    }

    public List<String> header(String backendName) {
        return headers.getOrDefault(backendName, List.of());
    }

    public List<String> footer(String backendName) {
        return footers.getOrDefault(backendName, List.of());
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
