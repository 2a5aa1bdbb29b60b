package dev.clustersweep.launchers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one node of a group has, numbers only: GPU count and memory from the group, or else from its
 * features through the launcher's patterns (a group {@code gpus} for the count, {@code gpuMem} for
 * each GPU's memory).
 */
record Host(int cores, long memMegabytes, int gpus, long gpuMemMegabytes) {

    static Host of(Launcher launcher, NodeGroup nodes) {
        int gpus = nodes.gpus();
        long gpuMem = LauncherChecks.size(nodes.gpuMem());
        for (String regex : launcher.features()) {
            Pattern p = Pattern.compile(regex);
            for (String feature : nodes.features()) {
                Matcher m = p.matcher(feature);
                if (m.matches()) {
                    String count = group(m, "gpus");
                    String mem = group(m, "gpuMem");
                    if (count != null && gpus == 0) {
                        gpus = Integer.parseInt(count);
                    }
                    if (mem != null && gpuMem == 0) {
                        gpuMem = LauncherChecks.size(mem);
                    }
                }
            }
        }
        return new Host(nodes.cores(), LauncherChecks.size(nodes.mem()), gpus, gpuMem);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // this pattern has no such group
        }
    }
}
