package dev.clustersweep.launchers;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class SlurmDescriptionTest {

    @Test
    public void readsTheTestClustersOwnOutput() throws Exception {
        List<Launcher> l = SlurmDescription.launchers(
                Files.readString(Path.of("src/test/resources/launchers/scontrol-nodes.txt")),
                Files.readString(Path.of("src/test/resources/launchers/scontrol-partitions.txt")));
        assertEquals("slurm-debug", l.get(0).id());
        assertEquals("debug", l.get(0).partition());
        assertEquals(2, l.get(0).weight());
        assertEquals(List.of(new NodeGroup(List.of("vm"), 8, "4000M", 0, null, List.of())), l.get(0).nodes());
    }

    @Test
    public void readsTheNodesOfSinfoJsonWithTheirGres() throws Exception {
        List<java.util.Map<String, String>> nodes = SlurmDescription.nodesFromJson(
                Files.readString(Path.of("src/test/resources/launchers/sinfo-nodes.json")));
        List<Launcher> l = SlurmDescription.launchers(nodes,
                Files.readString(Path.of("src/test/resources/launchers/scontrol-partitions.txt")), List.of());
        assertEquals(List.of(new NodeGroup(List.of("vm"), 8, "4000M", 2, null, List.of("ssd"))), l.get(0).nodes());
        assertEquals(null, SlurmDescription.nodesFromJson("sinfo: unrecognized option '--json'"));
    }

    @Test
    public void readsQosFromAccountingForThePartitionsThatAllowThem() {
        List<Qos> qos = SlurmDescription.qos("normal||0|\nshort|02:00:00|10|\ngpu|1-00:00:00|5|cpu=1,gres/gpu=1\n");
        assertEquals(List.of(new Qos("normal", null, 0, 0), new Qos("short", "7200s", 0, 10),
                new Qos("gpu", "86400s", 1, 5)), qos);
        List<Launcher> l = SlurmDescription.launchers(SlurmDescription.records("NodeName=a CPUTot=4 Partitions=p,q\n"),
                "PartitionName=p AllowQos=ALL State=UP\nPartitionName=q AllowQos=short,gpu State=UP\n", qos);
        assertEquals(3, l.get(0).qos().size());
        assertEquals(List.of("short", "gpu"), l.get(1).qos().stream().map(Qos::name).toList());
    }

    @Test
    public void groupsNodesByWhatTheyHaveAndReadsGpusFeaturesAndLimits() {
        String nodes = "NodeName=a1 CPUTot=16 RealMemory=64000 ActiveFeatures=v100,big Gres=gpu:v100:2(S:0-1) "
                + "OS=Linux 6.1 #1 SMP Partitions=gpu,all\n"
                + "NodeName=a2 CPUTot=16 RealMemory=64000 ActiveFeatures=v100,big Gres=gpu:v100:2(S:0-1) Partitions=gpu\n"
                + "NodeName=b1 CPUTot=4 RealMemory=8000 ActiveFeatures=(null) Gres=(null) Partitions=all\n";
        String partitions = "PartitionName=gpu AllowAccounts=team,lab Default=NO MaxTime=2-00:00:00 State=UP\n"
                + "PartitionName=all AllowAccounts=ALL Default=YES MaxTime=UNLIMITED State=UP\n"
                + "PartitionName=old Default=NO State=DOWN\n";
        List<Launcher> l = SlurmDescription.launchers(nodes, partitions);
        assertEquals(2, l.size());
        Launcher gpu = l.get(0);
        assertEquals(List.of(new NodeGroup(List.of("a1", "a2"), 16, "64000M", 2, null, List.of("v100", "big"))),
                gpu.nodes());
        assertEquals(List.of("team", "lab"), gpu.accounts());
        assertEquals("172800s", gpu.maxDuration());
        assertEquals(2, l.get(1).nodes().size());
        assertEquals(null, l.get(1).maxDuration());
    }

    @Test
    public void theLocalMachineFromMeminfo() {
        Launcher local = LocalDescription.launcher(2, "MemTotal:        8048132 kB\nMemFree: 1 kB\n");
        assertEquals(new NodeGroup(List.of(), 2, "7859M", 0, null, List.of()), local.nodes().get(0));
    }
}
