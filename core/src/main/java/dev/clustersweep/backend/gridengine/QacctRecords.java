package dev.clustersweep.backend.gridengine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code qacct -j}: blocks of {@code key value} lines between lines of '='. A task may have
 * several records (each failed start of an Eqw task writes one); the last one counts.
 */
public final class QacctRecords {

    /**
     * @param failed Grid Engine's failure code (0: the job script ran and exited)
     * @param failedText its words, e.g. "assumedly after job"
     */
    public record Record(String jobId, long taskId, int failed, String failedText, int exitStatus) {
    }

    private QacctRecords() {
    }

    /** The last record of each task, by "JOB.TASK" (task 0 for a job that is not an array). */
    public static Map<String, Record> parse(String text) {
        Map<String, Record> records = new LinkedHashMap<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line : (text + "\n====").split("\n")) {
            if (line.startsWith("====")) {
                Record r = toRecord(block);
                if (r != null) {
                    records.remove(key(r.jobId(), r.taskId())); // keep insertion order = file order
                    records.put(key(r.jobId(), r.taskId()), r);
                }
                block.clear();
                continue;
            }
            String[] kv = line.strip().split("\\s+", 2);
            if (kv.length == 2) {
                block.put(kv[0], kv[1].strip());
            }
        }
        return records;
    }

    public static String key(String jobId, long taskId) {
        return jobId + "." + taskId;
    }

    private static Record toRecord(Map<String, String> block) {
        String job = block.get("jobnumber");
        if (job == null) {
            return null;
        }
        String task = block.getOrDefault("taskid", "undefined");
        long taskId = task.matches("\\d+") ? Long.parseLong(task) : 0;
        String failed = block.getOrDefault("failed", "0");
        int colon = failed.indexOf(':');
        String code = (colon < 0 ? failed : failed.substring(0, colon)).strip();
        String words = colon < 0 ? "" : failed.substring(colon + 1).strip();
        return new Record(job, taskId, number(code), words, number(block.getOrDefault("exit_status", "0")));
    }

    private static int number(String text) {
        String digits = text.strip().split("\\s+")[0];
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
