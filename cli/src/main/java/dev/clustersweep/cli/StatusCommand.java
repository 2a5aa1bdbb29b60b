package dev.clustersweep.cli;

import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.sweep.Snapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", sortOptions = false,
        description = {"Show a sweep's task counts and each task's state.",
                "Asks the scheduler once and reads the wrappers' records, so it tells the truth even after the"
                        + " launching process died."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    WaitOptions waiting;

    @Option(names = {"--tasklist", "-t"}, paramLabel = "LIST", converter = TaskListConverter.class,
            description = "Only these task ids.")
    TaskList tasks;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Only tasks in these states (e.g. FAILED,TIMEOUT).")
    Set<TaskState> states;

    @Option(names = "--summary", description = "Only the counts, no line per task.")
    boolean summary;

    @Option(names = "--wait", description = "Wait until no task is PENDING or RUNNING, showing progress.")
    boolean await;

    @Override
    public Integer call() throws Exception {
        Sweep sweep = job.openExisting();
        if (tasks != null) {
            sweep.checkInJobFile(tasks); // as launch and cancel: ids the sweep lacks are a mistake, not "no rows"
        }
        PrintWriter out = spec.commandLine().getOut();
        SweepStatus status;
        if (await) {
            var saved = sweep.savedOptions();
            PollPolicy policy = waiting.pollPolicy(saved == null ? "local" : saved.backend());
            new Progress(out).follow(new SweepLoop(sweep, policy), RunState.watching(job.jobName, policy));
        }
        status = sweep.status();
        out.println(job.jobName + ": " + status.summary());
        Snapshot.commits(sweep.directory()).forEach(c -> out.println("code: commit " + c + " (--snapshot)"));
        if (!summary) {
            printTasks(status, sweep.resumes(), out);
        }
        return exitStatus(status, null);
    }

    /** @param resumes how many times each resumed task resumed ({@code --max-resumes}), told in its detail */
    private void printTasks(SweepStatus status, java.util.Map<Long, Integer> resumes, PrintWriter out) {
        long now = Instant.now().getEpochSecond();
        // Rows padded by hand into blocks: 200,000 printf calls on an auto-flushing writer were a
        // format and a write(2) each (docs/performance.md).
        StringBuilder rows = new StringBuilder(1 << 16);
        row(rows, "task", "state", "exit", "attempt", "host", "seconds", "detail");
        for (TaskStatus t : status.tasks()) {
            if ((tasks != null && !tasks.contains(t.id())) || (states != null && !states.contains(t.state()))) {
                continue;
            }
            Long seconds = t.durationSeconds(now);
            row(rows, Long.toString(t.id()), t.state().name(), t.exitCode() == null ? "" : t.exitCode().toString(),
                    t.attempt() == 0 ? "" : Integer.toString(t.attempt()), t.host() == null ? "" : t.host(),
                    seconds == null ? "" : seconds.toString(), detail(t, resumes.get(t.id())));
            if (rows.length() >= 1 << 16) {
                out.write(rows.toString());
                rows.setLength(0);
            }
        }
        out.write(rows.toString());
        out.flush();
    }

    private static String detail(TaskStatus t, Integer resumed) {
        String detail = t.detail() == null ? "" : t.detail();
        if (resumed == null) {
            return detail;
        }
        String times = "resumed " + resumed + (resumed == 1 ? " time" : " times");
        return detail.isEmpty() ? times : detail + "; " + times;
    }

    /** One line as {@code "%8s  %-9s  %4s  %7s  %-16s  %8s  %s"} would give it. */
    private static void row(StringBuilder out, String id, String state, String exit, String attempt, String host,
            String seconds, String detail) {
        pad(out, id, 8, true).append("  ");
        pad(out, state, 9, false).append("  ");
        pad(out, exit, 4, true).append("  ");
        pad(out, attempt, 7, true).append("  ");
        pad(out, host, 16, false).append("  ");
        pad(out, seconds, 8, true).append("  ");
        out.append(detail).append(System.lineSeparator());
    }

    private static StringBuilder pad(StringBuilder out, String text, int width, boolean right) {
        int fill = Math.max(0, width - text.length());
        if (right) {
            out.append(" ".repeat(fill)).append(text);
        } else {
            out.append(text).append(" ".repeat(fill));
        }
        return out;
    }

    /**
     * 0 when every task succeeded, 1 otherwise (active tasks count as not yet succeeded). With
     * {@code out}, names the unsuccessful tasks: the summary line was shown already.
     */
    static int exitStatus(SweepStatus status, PrintWriter out) {
        if (status.allSucceeded()) {
            return 0;
        }
        long bad = status.unsuccessful().size();
        if (out != null && bad > 0) {
            out.println(bad + " task(s) did not succeed: " + status.unsuccessful() + " (relaunch them with --failed)");
        }
        return SweepCommand.EXIT_TASKS_FAILED;
    }
}
