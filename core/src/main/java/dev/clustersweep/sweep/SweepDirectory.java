package dev.clustersweep.sweep;

import dev.clustersweep.BadInputException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a sweep's files live: {@code .sweep/JOBNAME/} under the working directory. See
 * docs/layout.md for what each file holds.
 */
public record SweepDirectory(Path workDir, String jobName) {

    public static final String ROOT = ".sweep";
    public static final int CHUNK = 1000;
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public SweepDirectory {
        workDir = workDir.toAbsolutePath().normalize();
        checkJobName(jobName);
    }

    /** Job names become directory and scheduler job names: keep them to a safe alphabet. */
    public static String checkJobName(String jobName) {
        if (jobName == null || !JOB_NAME.matcher(jobName).matches() || jobName.equals(".") || jobName.equals("..")) {
            throw new BadInputException("bad jobname '" + jobName + "': expected letters, digits, '.', '_' or '-'");
        }
        return jobName;
    }

    public Path root() {
        return workDir.resolve(ROOT).resolve(jobName);
    }

    public Path jobFile() {
        return root().resolve("jobs.json");
    }

    public Path settingsFile() {
        return root().resolve("sweep.json");
    }

    /**
     * The launch settings of one submission (as sweep.json holds the latest launch's): what a
     * relaunch of its tasks repeats, so that a part's tasks go back to their part's resources.
     * Absent for submissions made before it was written; sweep.json stands in for them.
     */
    public Path submissionSettings(int number) {
        return numbered(root().resolve("settings"), number, "json");
    }

    public Path commandsDir() {
        return root().resolve("commands");
    }

    public Path commandsChunk(long taskId) {
        return numbered(commandsDir(), taskId / CHUNK, "txt");
    }

    public Path scriptsDir() {
        return root().resolve("scripts");
    }

    public Path wrapper() {
        return scriptsDir().resolve("wrapper.sh");
    }

    public Path multiWrapper() {
        return scriptsDir().resolve("multiwrapper.sh");
    }

    public Path submissionsDir() {
        return root().resolve("submissions");
    }

    public Path submission(int number) {
        return numbered(submissionsDir(), number, "json");
    }

    public Path cancelsDir() {
        return root().resolve("cancels");
    }

    public Path cancel(int number) {
        return numbered(cancelsDir(), number, "json");
    }

    public Path groups(int submission) {
        return numbered(root().resolve("groups"), submission, "txt");
    }

    /** What polls learnt that never changes (ended attempts), kept for the next process: state/StatusCache. */
    public Path statusCache() {
        return root().resolve("status.cache");
    }

    /** Each ended attempt's final metrics, kept for the next results: results/ResultsCache. */
    public Path resultsCache() {
        return root().resolve("results.cache");
    }

    /** Each launched task's parameters, kept while jobs.json and grids.json are unchanged: results/ParametersCache. */
    public Path parametersCache() {
        return root().resolve("parameters.cache");
    }

    public Path statusDir() {
        return root().resolve("status");
    }

    public Path startRecord(long taskId, int attempt) {
        return ofAttempt(statusDir(), taskId, attempt, "start");
    }

    public Path endRecord(long taskId, int attempt) {
        return ofAttempt(statusDir(), taskId, attempt, "end");
    }

    public Path logsDir() {
        return root().resolve("logs");
    }

    public Path stdout(long taskId, int attempt) {
        return ofAttempt(logsDir(), taskId, attempt, "out");
    }

    public Path stderr(long taskId, int attempt) {
        return ofAttempt(logsDir(), taskId, attempt, "err");
    }

    public Path schedulerLogsDir() {
        return logsDir().resolve("scheduler");
    }

    public Path launchLock() {
        return root().resolve("launch.lock");
    }

    /** {@code dir/NNNNNN.ending}: six digits, so that a listing sorts in order. */
    private static Path numbered(Path dir, long number, String ending) {
        return dir.resolve(String.format("%06d.%s", number, ending));
    }

    /** {@code dir/ID.ATTEMPT.ending}: one file of one attempt of a task. */
    private static Path ofAttempt(Path dir, long taskId, int attempt, String ending) {
        return dir.resolve(taskId + "." + attempt + "." + ending);
    }
}
