package dev.clustersweep.engine;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.grid.Prelaunch;
import dev.clustersweep.io.FileProblems;
import dev.clustersweep.results.AttemptMetrics;
import dev.clustersweep.results.MetricFiles;
import dev.clustersweep.results.MetricsReader;
import dev.clustersweep.search.Optimizer;
import dev.clustersweep.search.Sample;
import dev.clustersweep.search.SearchSettings;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The search's part of a turn of the {@link SweepLoop}: tells the optimiser how the samples whose
 * tasks all ended did, asks for new ones while the budget lasts, adds their tasks to the sweep's
 * jobs.json and launches them. Everything it knows is on disk ({@link SearchPlan}, {@link SearchLog},
 * the tasks' records and metrics), so any process can take the next turn: the optimiser is rebuilt
 * each turn by replaying the log, which for the same seed gives the same samples.
 *
 * <p>Order on disk, so that a driver killed at any instant resumes without losing or repeating a
 * sample: the ask is logged, then its tasks appended, then launched. A sample logged but not in
 * jobs.json is appended again (the replay gives the same values); tasks in jobs.json that were
 * never launched, or whose launcher died before they started, are launched again.
 */
final class SearchTurn {

    /**
     * What the turn did.
     *
     * @param lines what to log
     * @param launched whether tasks were launched (the next poll comes soon)
     * @param done every sample of the budget was told: the search is over
     */
    record Result(List<String> lines, boolean launched, boolean done) {
    }

    private final Sweep sweep;
    private final SweepDirectory dir;
    private final SearchPlan plan;
    private final SearchSettings settings;

    private SearchTurn(Sweep sweep, SearchPlan plan) {
        this(sweep, sweep.directory(), plan);
    }

    /** @param sweep null for a turn that only reads (its progress) */
    private SearchTurn(Sweep sweep, SweepDirectory dir, SearchPlan plan) {
        this.sweep = sweep;
        this.dir = dir;
        this.plan = plan;
        this.settings = plan.settings();
    }

    /** The search of this sweep, or null when its tasks are not sampled. */
    static SearchTurn of(Sweep sweep) {
        return SearchPlan.exists(sweep.directory()) ? new SearchTurn(sweep, SearchPlan.read(sweep.directory())) : null;
    }

    /**
     * Starts a search: writes its plan, asks the first {@code parallel} samples and launches them
     * with {@code options} (later turns relaunch with the settings this launch saved).
     */
    static LaunchResult start(Sweep sweep, SearchPlan plan, LaunchOptions options, Consumer<Submission> recorded)
            throws BackendException, IOException {
        if (SearchPlan.exists(sweep.directory()) || !sweep.submissions().isEmpty()) {
            throw new dev.clustersweep.BadInputException("sweep '" + sweep.directory().jobName() + "' in "
                    + sweep.directory().root() + " was launched before: expected --resume to go on with its search, "
                    + "or another job name");
        }
        plan.settings(); // refuses a bad section before anything is written
        plan.write(sweep.directory());
        SearchTurn turn = new SearchTurn(sweep, plan);
        Replay replay = turn.replay();
        TaskList ids = turn.ask(replay, Math.min(turn.settings.parallel(), turn.settings.samples()));
        return sweep.launch(new LaunchRequest(null, null, ids, false, options, false), recorded);
    }

    /**
     * The turn, under the search's own lock ({@code search.lock}): two drivers of one search (a
     * Jenkins build and a {@code --resume}) would each tell and ask the same samples. A turn that
     * finds the lock taken does nothing; the holder's turn does it.
     */
    Result advance(SweepStatus status) throws BackendException, IOException {
        Path lockFile = lockFile(dir);
        try (FileChannel channel = FileChannel.open(lockFile,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another thread of this process drives it
            }
            if (lock == null) {
                return new Result(List.of(), false, false);
            }
            try {
                return advanceLocked(status);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw FileProblems.refused("lock", lockFile, e);
        }
    }

    static Path lockFile(SweepDirectory dir) {
        return dir.root().resolve("search.lock");
    }

    private Result advanceLocked(SweepStatus status) throws BackendException, IOException {
        List<String> lines = new ArrayList<>();
        Replay replay = replay();
        Map<Long, TaskStatus> byId = new HashMap<>(status.tasks().size() * 2);
        status.tasks().forEach(t -> byId.put(t.id(), t));
        // No jobs.json yet: the first ask was logged, then its driver died before appending it.
        TaskList known = FileProblems.exists(dir.jobFile()) ? sweep.jobIds() : TaskList.empty();

        // 1. Tell the samples whose tasks all ended, in the order they were asked.
        MetricFiles files = null;
        MetricsReader reader = new MetricsReader(dir, false);
        TaskList.Builder toLaunch = TaskList.builder();
        List<SearchLog.Ask> missing = new ArrayList<>();
        for (SearchLog.Ask ask : replay.open()) {
            if (!known.contains(ask.firstTask())) {
                missing.add(ask); // logged, then the driver died before appending its tasks
                continue;
            }
            boolean ended = true;
            for (long id = ask.firstTask(); id <= ask.lastTask(); id++) {
                TaskStatus t = byId.get(id);
                if (t == null || (t.state() == TaskState.LOST && t.attempt() == 0
                        && submissionsHolding(id) <= MAX_RESTARTS)) {
                    // Never launched, or its submission's launcher died before it started (a killed
                    // driver's local pool): launched again, a bounded number of times.
                    toLaunch.add(id);
                    ended = false;
                } else if (t.state().isActive()) {
                    ended = false;
                }
            }
            if (ended) {
                files = files != null ? files : MetricFiles.list(dir);
                OptionalDouble value = value(ask, byId, reader, files);
                replay.optimizer.tell(replay.samples.get(ask.sample()), value);
                SearchLog.append(dir, new SearchLog.Tell(ask.sample(), value));
                replay.told(ask.sample(), value);
                lines.add("sample " + ask.sample() + " " + describe(replay.samples.get(ask.sample()), value));
            }
        }
        for (SearchLog.Ask ask : missing) {
            toLaunch.addAll(append(ask, replay.samples.get(ask.sample())));
        }

        // 2. Ask for more while the budget lasts, once enough ended since the last ask.
        int running = replay.asked() - replay.toldCount();
        boolean more = replay.asked() < settings.samples() && !replay.exhausted
                && (running == 0 || replay.toldSinceAsk >= settings.completedBeforeResubmit());
        if (more) {
            int wanted = Math.min(settings.parallel() - running, settings.samples() - replay.asked());
            toLaunch.addAll(ask(replay, wanted));
        }
        TaskList launch = toLaunch.build();
        if (!launch.isEmpty()) {
            sweep.relaunch(launch);
        }
        if (!lines.isEmpty()) {
            lines.add(progress(replay));
        }
        boolean done = replay.toldCount() == replay.asked()
                && (replay.asked() >= settings.samples() || replay.exhausted) && launch.isEmpty();
        return new Result(lines, !launch.isEmpty(), done);
    }

    /** How many times a sample's task that never started is launched again before it counts as failed. */
    private static final int MAX_RESTARTS = 3;

    private long submissionsHolding(long id) {
        return sweep.submissions().stream().filter(s -> s.tasks().contains(id)).count();
    }

    /** Asks up to {@code n} samples, each logged, then appended to jobs.json; the tasks to launch. */
    private TaskList ask(Replay replay, int n) throws IOException {
        TaskList.Builder ids = TaskList.builder();
        for (int i = 0; i < n; i++) {
            Sample sample = replay.optimizer.ask();
            if (sample == null) {
                replay.exhausted = true; // a grid that is done
                break;
            }
            GridSpec grid = plan.grid(sample);
            long first = FileProblems.exists(dir.jobFile()) ? sweep.jobIds().last() + 1 : 1;
            long size = Grid.of(grid, first).size();
            SearchLog.Ask ask = new SearchLog.Ask(sample.number(), first, first + size - 1);
            SearchLog.append(dir, ask);
            replay.asked(ask, sample);
            ids.addAll(append(ask, sample));
        }
        return ids.build();
    }

    /** The sample's tasks, added to the end of jobs.json (and grids.json, which names their parameters). */
    private TaskList append(SearchLog.Ask ask, Sample sample) throws IOException {
        boolean exists = FileProblems.exists(dir.jobFile());
        long next = exists ? sweep.jobIds().last() + 1 : 1;
        if (next != ask.firstTask()) {
            throw FileProblems.corrupt(dir.jobFile(), "the search's tasks in the order of " + SearchLog.file(dir)
                    + ": sample " + ask.sample() + " is tasks " + ask.firstTask() + "-" + ask.lastTask()
                    + ", but the next task id is " + next, null);
        }
        Grid grid = new Prelaunch(plan.grid(sample), dir.jobFile(), exists, true)
                .run(dir.workDir(), new PrintStream(OutputStream.nullOutputStream()));
        return TaskList.range(grid.firstId(), grid.lastId());
    }

    /** The mean of the metric over the sample's tasks that succeeded and reported it; empty when none did. */
    private OptionalDouble value(SearchLog.Ask ask, Map<Long, TaskStatus> byId, MetricsReader reader,
            MetricFiles files) {
        if (settings.metric() == null) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        int n = 0;
        for (long id = ask.firstTask(); id <= ask.lastTask(); id++) {
            TaskStatus t = byId.get(id);
            if (t.state() == TaskState.SUCCEEDED && t.attempt() > 0) {
                AttemptMetrics m = reader.read(id, t.attempt(), true, files);
                Double v = m.finals().get(settings.metric());
                if (v != null && !v.isNaN()) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    private String describe(Sample sample, OptionalDouble value) {
        return (value.isPresent() ? settings.metric() + "=" + value.getAsDouble() : "failed") + " ("
                + SearchProgress.values(sample.values()) + ")";
    }

    private String progress(Replay replay) {
        return progress(replay, settings).line();
    }

    /** Where the search of {@code dir} stands ({@link SearchProgress#of}). */
    static SearchProgress progress(SweepDirectory dir, SearchPlan plan) {
        SearchTurn reader = new SearchTurn(null, dir, plan);
        return progress(reader.replay(), reader.settings);
    }

    private static SearchProgress progress(Replay replay, SearchSettings settings) {
        SearchLog.Ask best = replay.best == null ? null : replay.asks.get(replay.best);
        return new SearchProgress(settings.optimizer().text(), settings.metric(), settings.minimize(),
                settings.samples(), replay.toldCount(), replay.failed, replay.asked() - replay.toldCount(),
                replay.best, replay.best == null ? null : replay.bestValue,
                replay.best == null ? Map.of() : replay.samples.get(replay.best).values(),
                best == null ? null : best.firstTask() == best.lastTask() ? Long.toString(best.firstTask())
                        : best.firstTask() + "-" + best.lastTask());
    }

    /** The optimiser rebuilt from the log, with what the log says of each sample. */
    private Replay replay() {
        Replay replay = new Replay(settings.newOptimizer());
        for (SearchLog.Entry entry : SearchLog.read(dir)) {
            if (entry instanceof SearchLog.Ask a) {
                Sample sample = replay.optimizer.ask();
                if (sample == null || sample.number() != a.sample()) {
                    throw FileProblems.corrupt(SearchLog.file(dir), "the asks of this search in order (replayed "
                            + "with seed " + settings.seed() + "), not sample " + a.sample() + " here", null);
                }
                replay.asked(a, sample);
            } else {
                SearchLog.Tell t = (SearchLog.Tell) entry;
                Sample sample = replay.samples.get(t.sample());
                if (sample == null || replay.told.containsKey(t.sample())) {
                    throw FileProblems.corrupt(SearchLog.file(dir), "one tell per asked sample, not a second or an "
                            + "unasked 'tell " + t.sample() + "'", null);
                }
                replay.optimizer.tell(sample, t.value());
                replay.told(t.sample(), t.value());
            }
        }
        return replay;
    }

    /** The optimiser and the samples as the log tells them. */
    private final class Replay {
        final Optimizer optimizer;
        final Map<Integer, Sample> samples = new LinkedHashMap<>();
        final Map<Integer, SearchLog.Ask> asks = new LinkedHashMap<>();
        final Map<Integer, OptionalDouble> told = new HashMap<>();
        int toldSinceAsk;
        int failed;
        Integer best;
        double bestValue;
        boolean exhausted;

        Replay(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        void asked(SearchLog.Ask ask, Sample sample) {
            samples.put(ask.sample(), sample);
            asks.put(ask.sample(), ask);
            toldSinceAsk = 0;
        }

        void told(int sample, OptionalDouble value) {
            told.put(sample, value);
            toldSinceAsk++;
            if (value.isEmpty()) {
                failed++;
            } else if (best == null || (settings.minimize() ? value.getAsDouble() < bestValue
                    : value.getAsDouble() > bestValue)) {
                best = sample;
                bestValue = value.getAsDouble();
            }
        }

        int asked() {
            return asks.size();
        }

        int toldCount() {
            return told.size();
        }

        /** The asked samples not told yet, in order. */
        List<SearchLog.Ask> open() {
            return asks.values().stream().filter(a -> !told.containsKey(a.sample())).toList();
        }
    }
}
