package dev.clustersweep.launchers;

import dev.clustersweep.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where a task can run, as experimaestro's finder does: launchers by decreasing weight (ties in
 * the file's order), those with all the asked tags; the first launcher with a kind of node that covers
 * one alternative wins; within it, the alternative and node whose QoS has the highest priority. No
 * match is one line naming the closest launcher (fewest things lacking, then weight) and what it lacks.
 */
public final class LauncherFinder {

    private LauncherFinder() {
    }

    public static Choice find(LaunchersFile file, Requirements requirements, Collection<String> tags) {
        List<Launcher> candidates = new ArrayList<>(file.launchers().stream()
                .filter(l -> l.tags().containsAll(tags)).toList());
        candidates.sort(Comparator.comparingInt(Launcher::weight).reversed());
        if (candidates.isEmpty()) {
            throw new BadInputException("no launcher" + (tags.isEmpty() ? "" : " with tags " + String.join(",", tags))
                    + " in " + LaunchersFile.userFile() + " or .sweep/launchers.yaml: expected one (sweep launchers detect writes them)");
        }
        Fit closest = null;
        for (Launcher launcher : candidates) {
            Fit best = null;
            for (int a = 0; a < requirements.alternatives().size(); a++) {
                for (NodeGroup nodes : launcher.nodes()) {
                    Fit fit = Fit.of(launcher, a, requirements.alternatives().get(a), nodes);
                    if (fit.lacks().isEmpty() && (best == null || fit.priority() > best.priority())) {
                        best = fit;
                    } else if (!fit.lacks().isEmpty() && (closest == null || fit.closerThan(closest))) {
                        closest = fit;
                    }
                }
            }
            if (best != null) {
                return best.choice();
            }
            if (launcher.nodes().isEmpty() && closest == null) {
                closest = new Fit(null, launcher, List.of("a description of its nodes"), 0, Integer.MAX_VALUE);
            }
        }
        throw new BadInputException("no launcher matches '" + requirements + "': the closest, '" + closest.launcher().id()
                + "', lacks " + String.join(" and ", closest.lacks()));
    }

    /** One alternative against one kind of node: the choice it would make, or what it lacks. */
    private record Fit(Choice choice, Launcher launcher, List<String> lacks, int priority, int gpusShort) {

        /** Fewer things lacking, then fewer GPUs short; on a tie the earlier (heavier) launcher stays. */
        boolean closerThan(Fit other) {
            return lacks.size() < other.lacks.size()
                    || lacks.size() == other.lacks.size() && gpusShort < other.gpusShort;
        }

        static Fit of(Launcher launcher, int alternative, HostRequest r, NodeGroup nodes) {
            Host host = Host.of(launcher, nodes);
            List<String> lacks = new ArrayList<>();
            if (host.gpus() < r.gpus()) {
                lacks.add(r.gpus() + " GPUs (has " + host.gpus() + ")");
            } else if (r.maxGpuMemMegabytes() > 0 && host.gpuMemMegabytes() < r.maxGpuMemMegabytes()) {
                lacks.add("GPUs of " + mb(r.maxGpuMemMegabytes()) + " (has "
                        + (host.gpuMemMegabytes() == 0 ? "no GPU memory said" : mb(host.gpuMemMegabytes())) + ")");
            }
            long memPerCpu = LauncherChecks.size(launcher.memPerCpu());
            int cpus = Math.max(1, r.cores());
            long mem = r.memMegabytes();
            if (memPerCpu > 0 && mem > 0) {
                cpus = (int) Math.max(cpus, (mem + memPerCpu - 1) / memPerCpu);
                mem = 0; // reserved through the cores
            }
            if (host.cores() > 0 && host.cores() < cpus) {
                lacks.add(cpus + " cores (has " + host.cores() + ")");
            }
            if (mem > 0 && host.memMegabytes() > 0 && host.memMegabytes() < mem) {
                lacks.add(mb(mem) + " of memory (has " + mb(host.memMegabytes()) + ")");
            }
            long max = LauncherChecks.duration(launcher.maxDuration());
            if (max > 0 && r.durationSeconds() > max) {
                lacks.add(r.durationSeconds() + "s of time (at most " + max + "s)");
            }
            Qos qos = null;
            if (!launcher.qos().isEmpty()) {
                for (Qos q : launcher.qos()) {
                    long qmax = LauncherChecks.duration(q.maxDuration());
                    boolean fits = (qmax == 0 || r.durationSeconds() <= qmax) && r.gpus() >= q.minGpus();
                    if (fits && (qos == null || q.priority() > qos.priority())) {
                        qos = q;
                    }
                }
                if (qos == null) {
                    lacks.add("a QoS for " + r.durationSeconds() + "s with " + r.gpus() + " GPUs");
                }
            }
            if (!lacks.isEmpty()) {
                return new Fit(null, launcher, lacks, 0, Math.max(0, r.gpus() - host.gpus()));
            }
            return new Fit(new Choice(launcher, alternative, r, nodes, qos, cpus, mem), launcher, lacks,
                    qos == null ? 0 : qos.priority(), 0);
        }

        private static String mb(long mb) {
            return mb % 1024 == 0 ? mb / 1024 + "G" : mb + "M";
        }
    }
}
