package dev.clustersweep.backend;

import dev.clustersweep.scripts.GroupFile;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.state.AttemptRecord;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Slurm and Grid Engine backends share, so that each subclass keeps only its scheduler's
 * commands and their parsing. Both run a submission as a plan of array jobs and take back the jobs
 * already accepted when a later submit fails (nothing records them, so nothing would cancel them);
 * both find a task's array element from the submission record ({@link GroupIndex}); both look at the
 * wrapper's records only for tasks that left the queue, and take them from the engine's poll when it
 * reads them anyway ({@link PollRecords}).
 */
public abstract class ClusterBackend implements Backend {

    private final String name;
    protected final SweepDirectory dir;
    /** Runs and counts the scheduler commands. */
    protected final CommandRunner runner;
    /** Array indexes of tasks; the groups of packed submissions follow from their records. */
    protected final GroupIndex.Indexes indexes = new GroupIndex.Indexes();
    /** The wrapper's records, ended attempts read once for this object's life (cancels, polls outside the engine). */
    private final StatusReader status;

    protected ClusterBackend(String name, SweepDirectory dir, CommandRunner runner) {
        this.name = name;
        this.dir = dir;
        this.runner = runner;
        this.status = new StatusReader(dir);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public long schedulerCalls() {
        return runner.calls();
    }

    // ---- submit ---------------------------------------------------------------------------------

    /** The plan's submit commands, one shell-quoted line each, as {@code --dry-run} prints them. */
    protected static List<String> planLines(List<PlannedArray> plan) {
        return plan.stream().map(p -> ShellQuote.join(p.command())).toList();
    }

    /**
     * The files the jobs need before the scheduler starts them: the scheduler's log folder (neither
     * sbatch nor qsub creates the folder of -o/-e, and a job would fail without a trace) and, when
     * packed, the submission's groups file.
     */
    protected final void writeSubmissionFiles(SubmitRequest request) throws IOException {
        Files.createDirectories(dir.schedulerLogsDir());
        int perNode = request.options().tasksPerNode();
        if (perNode > 1) {
            GroupFile.write(dir, request.submission(), new GroupIndex(request.tasks(), perNode).groups());
        }
    }

    /**
     * Submits the plan's arrays in order. When one is refused, the ones accepted before it are taken
     * back ({@link #withdraw}) and the refusal says so: no submission record is written for a failed
     * launch, so nothing would ever cancel them. A submit is never retried: one that timed out may
     * have been accepted.
     */
    protected final List<SchedulerJob> submitAll(List<PlannedArray> plan) throws BackendException {
        List<SchedulerJob> accepted = new ArrayList<>();
        for (PlannedArray array : plan) {
            CommandRunner.Result result = runner.run(array.command(), dir.workDir());
            String jobId = result.ok() ? jobIdOf(result.stdout()) : null;
            if (jobId == null) {
                String withdrawal = accepted.isEmpty() ? "" : withdraw(accepted);
                throw refused(new Refusal(result, array, accepted.size() + 1, plan.size(), withdrawal));
            }
            accepted.add(array.accepted(jobId));
        }
        return accepted;
    }

    /** The job id in what the submit command printed, or null when it is none. */
    protected abstract String jobIdOf(String submitOutput);

    /** Takes back these accepted jobs after a later submit failed; returns words for the error message. */
    protected abstract String withdraw(List<SchedulerJob> accepted);

    /** The error of a refused submit, in the scheduler's words. */
    protected abstract BackendException refused(Refusal refusal);

    /**
     * A submit the scheduler refused (or answered with no job id): array {@code number} (from 1) of
     * {@code of}, and what {@link #withdraw} said about the arrays accepted before it.
     */
    protected record Refusal(CommandRunner.Result result, PlannedArray array, int number, int of, String withdrawal) {
        /** How many arrays had been accepted (and were taken back). */
        public int accepted() {
            return number - 1;
        }
    }

    // ---- poll -----------------------------------------------------------------------------------

    /** A poll outside the engine's status (tests, tools): the view reads the records itself, when it needs them. */
    @Override
    public final SchedulerView poll(List<Submission> submissions) throws BackendException {
        return poll(submissions, new PollRecords(status::latestAttempts, () -> new SweepRecords(dir).cancellations()));
    }

    @Override
    public abstract SchedulerView poll(List<Submission> submissions, PollRecords records) throws BackendException;

    /**
     * A poll's view that answers by array element: it finds the task's job and index from the
     * submission record, and a task that no job of its submission holds is UNKNOWN.
     */
    protected abstract class ElementView implements SchedulerView {
        @Override
        public final SchedulerTask lookup(Submission submission, long taskId) {
            SchedulerJob job = submission.jobOf(taskId);
            if (job == null) {
                return SchedulerTask.UNKNOWN;
            }
            return lookup(submission, taskId, job, indexes.of(submission, job, taskId));
        }

        /** The task's state; {@code index} is its array index in {@code job}, or -1 when the job does not hold it. */
        protected abstract SchedulerTask lookup(Submission submission, long taskId, SchedulerJob job, long index);
    }

    /** The job ids of this backend's submissions among these, in order, each once. */
    protected final Set<String> jobIdsOf(List<Submission> submissions) {
        Set<String> ids = new LinkedHashSet<>();
        for (Submission s : submissions) {
            if (name.equals(s.backend())) {
                for (SchedulerJob job : s.jobs()) {
                    ids.add(job.jobId());
                }
            }
        }
        return ids;
    }

    // ---- cancel ---------------------------------------------------------------------------------

    /** The elements a cancel of these tasks stops, job by job; see {@link CancelElements}. */
    protected final List<CancelElements> elementsToCancel(Submission submission, TaskList tasks)
            throws BackendException {
        return CancelElements.select(submission, tasks, indexes, this::latestAttempts);
    }

    private Map<Long, AttemptRecord> latestAttempts() throws BackendException {
        try {
            return status.latestAttempts();
        } catch (RuntimeException e) {
            throw fileProblem("read the status records of " + dir.root(), e);
        }
    }

    // ---- messages -------------------------------------------------------------------------------

    /**
     * A sweep file that cannot be written or read, as a {@code BackendException}: "cannot " +
     * {@code what} + the cause, on one line, since the command line prints the message as one line.
     */
    protected static BackendException fileProblem(String what, Exception cause) {
        return new BackendException(oneLine("cannot " + what + ": " + cause.getMessage()), cause);
    }

    /** The message on one line: line breaks, with the blanks around them, become one space. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
