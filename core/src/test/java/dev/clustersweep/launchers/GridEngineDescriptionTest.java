package dev.clustersweep.launchers;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class GridEngineDescriptionTest {

    @Test
    public void readsTheTestClustersOwnOutput() throws Exception {
        String qhost = Files.readString(Path.of("src/test/resources/launchers/qhost-q.txt"));
        assertEquals(List.of("all.q"), GridEngineDescription.queues(qhost));
        List<Launcher> l = GridEngineDescription.launchers(qhost,
                Map.of("all.q", Files.readString(Path.of("src/test/resources/launchers/qconf-sq-all.q.txt"))));
        assertEquals(1, l.size());
        assertEquals("all.q", l.get(0).queue());
        assertEquals(List.of(new NodeGroup(List.of("vm"), 2, "24064M", 0, null, List.of())), l.get(0).nodes());
        assertEquals(null, l.get(0).maxDuration());
    }

    @Test
    public void aTimeLimitAndHostsOfTwoKinds() {
        String qhost = "HOSTNAME ARCH NCPU NSOC NCOR NTHR LOAD MEMTOT MEMUSE SWAPTO SWAPUS\n"
                + "global - - - - - - - - - -\n"
                + "n1 lx-amd64 8 1 8 8 0.1 31.2G 1.0G 0.0 0.0\n"
                + "   short.q BIP 0/0/8\n"
                + "n2 lx-amd64 2 1 2 2 0.1 3.9G 1.0G 0.0 0.0\n"
                + "   short.q BIP 0/0/2\n";
        Launcher l = GridEngineDescription.launchers(qhost, Map.of("short.q", "qname short.q\nh_rt 02:00:00\n")).get(0);
        assertEquals(2, l.nodes().size());
        assertEquals("7200s", l.maxDuration());
    }
}
