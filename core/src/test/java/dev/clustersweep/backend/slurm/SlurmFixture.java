package dev.clustersweep.backend.slurm;

import static org.junit.Assert.fail;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/** A sweep on the test cluster's Slurm, driven through the engine, and what it left behind. */
final class SlurmFixture {

    static final CommandRunner SHELL = new CommandRunner(Duration.ofSeconds(120));

    final Path workDir;
    final Sweep sweep;

    SlurmFixture(Path workDir, String jobName) {
        this.workDir = workDir;
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        this.sweep = new Sweep(dir, new SweepConfig(workDir.resolve("no-config.json"),
                workDir.resolve("no-global-config.json")));
    }

    /** Writes jobs.json with these commands as tasks 1..N. */
    Path jobs(List<String> commands) throws IOException {
        Path file = workDir.resolve("jobs-" + sweep.directory().jobName() + ".json");
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            jobs.add(new Job(i + 1, commands.get(i), ""));
        }
        JobFile.write(file, jobs.iterator());
        return file;
    }

    Path jobs(int n, String command) throws IOException {
        return jobs(LongStream.rangeClosed(1, n).mapToObj(i -> command).toList());
    }

    static LaunchOptions options(Resources resources, int maxTasks, int tasksPerNode, int maxTasksPerNode) {
        return new LaunchOptions("slurm", resources, maxTasks, tasksPerNode, maxTasksPerNode, null, 10);
    }

    static LaunchOptions options(int maxTasks) {
        return options(Resources.defaults(), maxTasks, 1, 0);
    }

    static Resources withDuration(long seconds) {
        Resources d = Resources.defaults();
        return new Resources(d.cpus(), d.gpus(), d.memMegabytes(), seconds, d.partition(), d.account(), d.qos(),
                d.constraint(), d.exclude(), d.nodelist(), d.queue(), d.signalSeconds(), d.extraOptions());
    }

    LaunchResult launch(Path jobFile, LaunchOptions options) throws Exception {
        return sweep.launch(new LaunchRequest(jobFile, null, null, false, options, false));
    }

    LaunchResult relaunchFailed(LaunchOptions options) throws Exception {
        return sweep.launch(new LaunchRequest(null, null, null, true, options, false));
    }

    /** Polls (every 0.5-2 s, as the engine's await would) until {@code done} or the deadline. */
    SweepStatus awaitUntil(Predicate<SweepStatus> done, Duration max, String what) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        long interval = 500;
        SweepStatus status = sweep.status();
        while (!done.test(status)) {
            if (System.nanoTime() > deadline) {
                fail("after " + max.toSeconds() + " s, still not " + what + ": " + status.summary() + " "
                        + status.tasks());
            }
            Thread.sleep(interval);
            interval = Math.min(2000, interval * 3 / 2);
            status = sweep.status();
        }
        return status;
    }

    SweepStatus awaitFinished(Duration max) throws Exception {
        return awaitUntil(SweepStatus::isFinished, max, "finished");
    }

    static TaskStatus task(SweepStatus status, long id) {
        return status.tasks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    static long count(SweepStatus status, TaskState state) {
        return status.count(state);
    }

    List<Submission> submissions() {
        return new SweepRecords(sweep.directory()).submissions();
    }

    /** scancel of every array the sweep submitted, so no test leaves jobs behind. */
    void cancelAll() {
        List<String> command = new ArrayList<>(List.of("scancel"));
        for (Submission s : submissions()) {
            s.jobs().stream().map(SchedulerJob::jobId).forEach(command::add);
        }
        if (command.size() > 1) {
            SHELL.run(command);
        }
    }

    long schedulerCalls() {
        return sweep.backends().schedulerCalls();
    }

    static TaskList ids(String list) {
        return TaskList.parse(list);
    }

    /** test-cluster/ctl.sh: failsafe runs the tests in core/, the repository root is its parent. */
    static Path ctl() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path script = p.resolve("test-cluster").resolve("ctl.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("test-cluster/ctl.sh not found above " + here);
    }

    static CommandRunner.Result ctl(String action, String daemon) {
        return SHELL.run(List.of("bash", ctl().toString(), action, daemon));
    }

    /** Waits until sinfo answers and the node takes jobs again. */
    static void awaitSlurm(Duration max) throws InterruptedException, BackendException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            CommandRunner.Result r = SHELL.run(List.of("sinfo", "-h", "-o", "%t"));
            if (r.ok() && r.stdout().lines().anyMatch(l -> l.matches("idle|mix|alloc"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new BackendException("Slurm did not come back within " + max.toSeconds() + " s");
    }
}
