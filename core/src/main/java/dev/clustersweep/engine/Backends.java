package dev.clustersweep.engine;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Backend;
import dev.clustersweep.backend.gridengine.GridEngineBackend;
import dev.clustersweep.backend.local.LocalBackend;
import dev.clustersweep.backend.slurm.SlurmBackend;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The backends by name, one object each per sweep, so that the local backend's pool and a
 * cluster backend's call counts live as long as the sweep's handle.
 */
public final class Backends {

    /** Every backend there is, by the name users give to --backend. */
    private static final Map<String, Function<SweepDirectory, Backend>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(LocalBackend.NAME, LocalBackend::new);
        FACTORIES.put(SlurmBackend.NAME, SlurmBackend::new);
        FACTORIES.put(GridEngineBackend.NAME, GridEngineBackend::new);
    }

    private final SweepDirectory dir;
    private final Map<String, Backend> instances = new LinkedHashMap<>();

    public Backends(SweepDirectory dir) {
        this.dir = dir;
    }

    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }


    public static String check(String name) {
        if (!FACTORIES.containsKey(name)) {
            throw new BadInputException("unknown backend '" + name + "': expected one of " + String.join(", ", names()));
        }
        return name;
    }

    public synchronized Backend get(String name) {
        check(name);
        return instances.computeIfAbsent(name, n -> FACTORIES.get(n).apply(dir));
    }

    /** Waits for what the backends run in this process (the local pools) to stop; true when there was any. */
    public boolean awaitOwnTasks(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<Backend> all;
        synchronized (this) {
            all = List.copyOf(instances.values());
        }
        boolean waited = false;
        for (Backend backend : all) {
            waited |= backend.awaitOwnTasks(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return waited;
    }

    public synchronized long schedulerCalls() {
        return instances.values().stream().mapToLong(Backend::schedulerCalls).sum();
    }
}
