package dev.clustersweep.backend.gridengine;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error reasons from {@code qstat -j J1,J2,...}: one line per task in error,
 * {@code error reason    3:      11/21/2026 12:10:28 [0:24926]: error: can't chdir to /x: ...}.
 */
public final class QstatErrors {

    private static final Pattern JOB = Pattern.compile("^job_number:\\s+(\\d+)\\s*$");
    private static final Pattern REASON = Pattern.compile("^error reason\\s+(\\d+)?:?\\s+(.*)$");
    // The date and [uid:pid] prefix say nothing a user needs.
    private static final Pattern PREFIX = Pattern.compile("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d \\[[^]]*\\]:\\s*");

    private QstatErrors() {
    }

    /** Reason by "JOB.TASK" (task 0 for a job-wide reason). */
    public static Map<String, String> parse(String text) {
        Map<String, String> reasons = new HashMap<>();
        String job = null;
        for (String line : text.split("\n")) {
            Matcher m = JOB.matcher(line);
            if (m.matches()) {
                job = m.group(1);
                continue;
            }
            m = REASON.matcher(line);
            if (job != null && m.matches()) {
                String task = m.group(1) == null ? "0" : m.group(1);
                reasons.put(job + "." + task, PREFIX.matcher(m.group(2).strip()).replaceFirst(""));
            }
        }
        return reasons;
    }

    /** The reason for this task, else the job's, else null. */
    public static String reason(Map<String, String> reasons, String jobId, long index) {
        String reason = reasons.get(jobId + "." + index);
        return reason != null ? reason : reasons.get(jobId + ".0");
    }
}
