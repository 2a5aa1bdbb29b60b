package io.jenkins.plugins.clustersweep;

import dev.clustersweep.spec.SweepResult;
import dev.clustersweep.spec.SweepSummary;
import hudson.model.Run;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One sweep of a build, kept with the build: a small summary (it goes into build.xml) and the name
 * of the per-task table file in the build's directory, which can be large and is read on demand.
 * A build with several {@code clusterSweep} calls has one action per job name.
 *
 * <p>Part 1 shows nothing of its own (no icon, no page); the build page with cancel and relaunch
 * comes on top of this in part 2.
 */
public final class SweepAction implements RunAction2 {

    /** Longer id lists are cut in build.xml; the task table has every id. */
    static final int MAX_IDS_TEXT = 2_000;

    private final String jobName;
    private String backend;
    private String sweepDir;
    private String node;
    private Map<String, Long> counts;
    private long tasks;
    private long notLaunched;
    private String failedIds;
    private int submissions;
    private boolean finished;
    private String result;
    private transient Run<?, ?> run;

    SweepAction(String jobName) {
        this.jobName = jobName;
    }

    @Restricted(NoExternalUse.class)
    void update(SweepResult r, String nodeName) {
        SweepSummary s = r.summary();
        backend = s.backend();
        sweepDir = s.sweepDir();
        node = nodeName;
        counts = new LinkedHashMap<>(s.counts());
        tasks = s.tasks();
        notLaunched = s.notLaunched();
        String ids = s.unsuccessfulIds();
        if (ids.length() > MAX_IDS_TEXT) {
            int cut = ids.lastIndexOf(',', MAX_IDS_TEXT);
            ids = ids.substring(0, cut > 0 ? cut : MAX_IDS_TEXT) + ",...";
        }
        failedIds = ids;
        submissions = s.submissions();
        finished = s.finished();
        result = r.result();
    }

    /** The build's action for this job name, added when missing. */
    static synchronized SweepAction of(Run<?, ?> run, String jobName) {
        for (SweepAction a : run.getActions(SweepAction.class)) {
            if (a.jobName.equals(jobName)) {
                return a;
            }
        }
        SweepAction a = new SweepAction(jobName);
        run.addAction(a);
        return a;
    }

    /** {@code BUILD_DIR/cluster-sweep/JOBNAME.tsv.gz}: the per-task table of the sweep's last poll. */
    public static File taskTableFile(Run<?, ?> run, String jobName) {
        return new File(new File(run.getRootDir(), "cluster-sweep"), jobName + ".tsv.gz");
    }

    public File getTaskTableFile() {
        return run == null ? null : taskTableFile(run, jobName);
    }

    public String getJobName() {
        return jobName;
    }

    public String getBackend() {
        return backend;
    }

    public String getSweepDir() {
        return sweepDir;
    }

    public String getNode() {
        return node;
    }

    public Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }

    public long getTasks() {
        return tasks;
    }

    public long getNotLaunched() {
        return notLaunched;
    }

    public String getFailedIds() {
        return failedIds;
    }

    public int getSubmissions() {
        return submissions;
    }

    public boolean isFinished() {
        return finished;
    }

    public String getResult() {
        return result;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.SweepAction_DisplayName(jobName);
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
