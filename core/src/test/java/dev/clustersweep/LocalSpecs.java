package dev.clustersweep;

import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SweepSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings of a four-task local sweep ({@code n} 1 to 4), bound as a Pipeline's map would be. */
public final class LocalSpecs {

    private LocalSpecs() {
    }

    /** {@code pairs}: further settings, name then value, on top. */
    public static SweepSettings fourTasks(String jobName, String command, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("jobName", jobName);
        m.put("backend", "local");
        m.put("args", Map.of("n", List.of(1, 2, 3, 4)));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return SettingsBinder.bind(m, Caller.PIPELINE).checkSweep(Caller.PIPELINE);
    }
}
