package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.page.LogExcerpt;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.tasks.TaskList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * What crosses between a Jenkins controller and its agent, and what a Pipeline step saves in the
 * build, is these records as they are, by Java serialization: each comes back equal.
 */
public class WireRecordsTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    public void settingsAndSiteDefaultsComeBackEqual() throws Exception {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("command", "python train.py");
        given.put("jobName", "lr");
        given.put("args", Map.of("--lr", List.of("0.10", "1e-4")));
        given.put("env", Map.of("A", "x y"));
        given.put("killGrace", 3);
        SweepSettings settings = SettingsBinder.bind(given, Caller.PIPELINE);
        assertEquals(settings, roundTrip(settings));
        SiteDefaults site = new SiteDefaults("slurm", 2, "4G", "1h", "gpu", null, null,
                Map.of("slurm", List.of("module load cuda")), Map.of());
        SiteDefaults back = roundTrip(site);
        assertEquals(site, back);
        assertEquals(List.of("module load cuda"), back.header("slurm"));
    }

    @Test
    public void aTurnComesBackWithItsStateProgressAndLines() throws Exception {
        PollPolicy policy = new PollPolicy(1_000, 60_000, 1.5);
        RunState state = RunState.started("lr", 2, 1, null, policy).withQueued(TaskList.parse("3,7-9"));
        SweepProgress progress = new SweepProgress("lr", "slurm", Map.of("SUCCEEDED", 6L, "FAILED", 2L), 8, 1,
                "3,7", true, 1, 0);
        SweepLoop.Turn turn = new SweepLoop.Turn(state, progress, List.of("lr: 8 tasks: 6 SUCCEEDED, 2 FAILED"));
        SweepLoop.Turn back = roundTrip(turn);
        assertEquals(turn, back);
        assertEquals("3,7-9", back.state().queued());
        assertEquals(2L, back.progress().count(dev.clustersweep.state.TaskState.FAILED));
        assertEquals(policy, roundTrip(policy));
    }

    @Test
    public void aLogExcerptComesBackEqual() throws Exception {
        LogExcerpt excerpt = new LogExcerpt("last line\n", 1_000_000, 999_990);
        assertEquals(excerpt, roundTrip(excerpt));
    }
}
