package io.jenkins.plugins.clustersweep.step;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Pipelines with real sweeps on the local backend of a real agent (a separate JVM over a remoting
 * channel, so the class filter and the callables are exercised as in production).
 */
public class ClusterSweepStepTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private DumbSlave agent;

    @Before
    public void agent() throws Exception {
        agent = j.createOnlineSlave(Label.get("remote"));
    }

    private WorkflowJob job(String body) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + body + "\n}", true));
        return p;
    }

    private FilePath workspace(WorkflowJob p) {
        return agent.getWorkspaceFor(p);
    }

    @Test
    public void localSweepSucceedsAndReturnsItsMap() throws Exception {
        WorkflowJob p = job("""
                def r = clusterSweep command: 'echo', jobName: 'ok', args: [lr: [0.1, 0.01], seed: [1, 2, 3]], backend: 'local'
                echo "tasks=${r.tasks} succeeded=${r.succeeded} failed=${r.failed} result=${r.result} finished=${r.finished}"
                echo "counts=${r.counts.SUCCEEDED} dir=${r.sweepDir}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("[clusterSweep] launched 6 task(s) of sweep 'ok' on local", b);
        j.assertLogContains("tasks=6 succeeded=6 failed=0 result=SUCCESS finished=true", b);
        j.assertLogContains("counts=6 dir=", b);
        j.assertLogContains("[clusterSweep] ok: 6 tasks: 6 SUCCEEDED", b);
        String log = JenkinsRule.getLog(b);
        assertEquals("the final line once", log.indexOf("ok: 6 tasks: 6 SUCCEEDED"),
                log.lastIndexOf("ok: 6 tasks: 6 SUCCEEDED"));
        assertEquals("--lr 0.01 --seed 1\n", workspace(p).child(".sweep/ok/logs/2.1.out").readToString());
        SweepAction action = b.getAction(SweepAction.class);
        assertEquals("ok", action.getJobName());
        assertEquals(Long.valueOf(6), action.getCounts().get("SUCCEEDED"));
        assertEquals("SUCCESS", action.getResult());
    }

    @Test
    public void archivesLogsRecordsAndTheTaskTable() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'echo', jobName: 'arch', args: [n: [1, 2]]");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        VirtualFile root = b.getArtifactManager().root();
        for (String path : new String[] {"sweep/arch/jobs.json", "sweep/arch/sweep.json", "sweep/arch/scripts/wrapper.sh",
                "sweep/arch/submissions/000001.json", "sweep/arch/status/2.1.end", "sweep/arch/logs/2.1.out",
                "sweep/arch/logs/2.1.err"}) {
            assertTrue(path, root.child(path).isFile());
        }
        assertFalse(root.child("sweep/arch/commands").exists());
        assertTrue(SweepAction.taskTableFile(b, "arch").isFile());
        j.assertLogContains("[clusterSweep] archived", b);
    }

    @Test
    public void failingTasksMakeTheBuildUnstableAndNameTheIds() throws Exception {
        WorkflowJob p = job("""
                def r = clusterSweep command: 'f() { [ "$2" != 2 ] && [ "$2" != 4 ]; }; f', jobName: 'u',
                                     args: [n: [1, 2, 3, 4]], failOn: 'UNSTABLE'
                echo "failedIds=${r.failedIds} result=${r.result} success=${r.success}"
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("failedIds=2,4 result=UNSTABLE success=false", b);
        j.assertLogContains("2 task(s) of sweep 'u' did not succeed: 2,4", b);
    }

    @Test
    public void failingTasksFailTheBuildByDefault() throws Exception {
        WorkflowJob p = job("""
                clusterSweep command: 'f() { [ "$2" != 3 ]; }; f', jobName: 'f', args: [n: [1, 2, 3]]
                echo 'not reached'
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("1 task(s) of sweep 'f' did not succeed: 3", b);
        j.assertLogNotContains("not reached", b);
        assertTrue(b.getArtifactManager().root().child("sweep/f/logs/3.1.out").isFile());
    }

    @Test
    public void retriesRelaunchOnlyTheFailedTasks() throws Exception {
        WorkflowJob p = job("""
                def r = clusterSweep command: 'f() { [ "$2" = 3 ] && [ "$SWEEP_ATTEMPT" = 1 ] && exit 7; true; }; f',
                                     jobName: 'r', args: [n: [1, 2, 3, 4]], retries: 2
                echo "retries=${r.retries} submissions=${r.submissions} result=${r.result}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("[clusterSweep] retry 1 of 2: relaunched tasks 3", b);
        j.assertLogContains("retries=1 submissions=2 result=SUCCESS", b);
        VirtualFile logs = b.getArtifactManager().root().child("sweep/r/logs");
        assertTrue(logs.child("3.2.out").isFile());
        assertFalse(logs.child("1.2.out").exists());
        assertFalse(logs.child("4.2.out").exists());
    }

    @Test
    public void specFileWithStepFieldsOnTop() throws Exception {
        WorkflowJob p = job("""
                writeFile file: 'sweeps/grid.yaml', text: '''
                command: echo
                jobName: fromfile
                args:
                  lr: [0.10, 0.30]
                  seed: [1, 2]
                retries: 3
                '''
                def r = clusterSweep spec: 'sweeps/grid.yaml', tasks: '1-3'
                echo "tasks=${r.tasks} notLaunched=${r.notLaunched} job=${r.jobName}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("tasks=3 notLaunched=1 job=fromfile", b);
        assertEquals("--lr 0.30 --seed 1\n", workspace(p).child(".sweep/fromfile/logs/2.1.out").readToString());
    }

    @Test
    public void requiresChoosesFromTheAgentsLaunchersFile() throws Exception {
        String launchers = "writeFile file: '.sweep/launchers.yaml', text: 'launchers:\\n  - id: box\\n    backend: local\\n"
                + "    nodes:\\n      - cores: 2\\n        mem: 4G\\n'\n";
        WorkflowJob p = j.createProject(WorkflowJob.class, "launchers");
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + launchers
                + "def r = clusterSweep command: 'echo', jobName: 'fits', args: [n: [1, 2]], requires: 'cpu(cores=1, mem=1G)'\n"
                + "echo \"result=${r.result}\" }", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("result=SUCCESS", b);

        // The same file, a need it cannot meet: one line naming the closest launcher, nothing submitted.
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + launchers
                + "clusterSweep command: 'echo', jobName: 'big', args: [n: [1]], requires: 'cpu(cores=64)' }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("no launcher matches", b);
        j.assertLogContains("'box'", b);
        assertFalse(workspace(p).child(".sweep/big").exists());
    }

    @Test
    public void partsRunAsSubmissionsOfTheirOwnInOneSweep() throws Exception {
        String launchers = "writeFile file: '.sweep/launchers.yaml', text: 'launchers:\\n"
                + "  - id: gpus\\n    backend: local\\n    weight: 1\\n    nodes: [{cores: 2, mem: 4G, gpus: 2}]\\n"
                + "  - id: cpus\\n    backend: local\\n    weight: 2\\n    nodes: [{cores: 2, mem: 4G}]\\n'\n";
        WorkflowJob p = j.createProject(WorkflowJob.class, "parts");
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + launchers
                + "def r = clusterSweep command: 'echo', jobName: 'models', args: [model: ['large', 'small']], "
                + "parts: ['model=large: cuda() * 2']\n"
                + "echo \"tasks=${r.tasks} result=${r.result}\" }", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("tasks=2 result=SUCCESS", b);
        FilePath sweep = workspace(p).child(".sweep/models");
        // the large model's task is its part's submission, with the GPUs its launcher gave
        assertTrue(sweep.child("submissions/000001.json").readToString().contains("\"part\" : \"model=large\""));
        assertTrue(sweep.child("settings/000001.json").readToString().contains("\"gpus\" : 2"));
        assertTrue(sweep.child("submissions/000002.json").readToString().contains("\"part\" : null"));
        assertTrue(sweep.child("settings/000002.json").readToString().contains("\"gpus\" : 0"));
        assertEquals(Long.valueOf(2), b.getAction(SweepAction.class).getCounts().get("SUCCEEDED"));

        // a part that selects no task: one line in the step's words, nothing submitted
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + launchers
                + "clusterSweep command: 'echo', jobName: 'none', args: [model: ['large']], "
                + "parts: ['model=huge: cuda()'] }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("bad parts 'model=huge: cuda()': it selects no task: model is one of large", b);
        assertFalse(workspace(p).child(".sweep/none").exists());
    }

    private static final String GIT = "git -c user.email=ci@example.org -c user.name=ci";

    /** A Pipeline {@code sh}: a git repository in the workspace with VERSION v1 committed, then {@code echo THEN}. */
    private static String gitRepo(String then) {
        return "sh '''git init -q .\necho v1 > VERSION && git add VERSION && " + GIT + " commit -qm v1\n"
                + "echo " + then + "'''\n";
    }

    @Test
    public void snapshotRunsTheCommittedTreeOfTheRef() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "snapshot");
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + gitRepo("v2 > VERSION && " + GIT + " commit -qam v2")
                + "clusterSweep command: 'cat VERSION; true', jobName: 'frozen', args: [n: [1]], snapshot: 'HEAD~1' }",
                true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        // The workspace holds v2; the task ran in the copy of HEAD~1.
        assertEquals("v2\n", workspace(p).child("VERSION").readToString());
        assertEquals("v1\n", workspace(p).child(".sweep/frozen/logs/1.1.out").readToString());
        // The build keeps the commit and its page names it, after the build too (issue 14).
        java.util.List<String> code = b.getAction(SweepAction.class).getCode();
        assertEquals(java.util.List.of(workspace(p).child(".sweep/frozen/snapshots").list().get(0).getName()), code);
        assertEquals(40, code.get(0).length());
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            wc.getOptions().setJavaScriptEnabled(false);
            String page = wc.getPage(b, "sweep-frozen/").asNormalizedText();
            assertTrue(page, page.contains("Code: commit " + code.get(0) + " (frozen at launch)"));
        }
    }

    @Test
    public void aDirtyTreeIsRefusedInTheStepsOwnWords() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "dirty");
        p.setDefinition(new CpsFlowDefinition("node('remote') { " + gitRepo("v2 > VERSION")
                + "clusterSweep command: 'cat VERSION', jobName: 'dirty', args: [n: [1]], snapshot: 'HEAD' }",
                true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("has uncommitted changes (1 file(s), e.g. VERSION): commit them, or add "
                + "snapshotDirty: true to include them", b);
        j.assertLogNotContains("--snapshot", b);
        assertFalse(workspace(p).child(".sweep/dirty/snapshots").exists());
    }

    @Test
    public void aSearchSamplesItsTasksAndReturnsTheBest() throws Exception {
        WorkflowJob p = job("writeFile file: 'objective.sh', text: 'echo \"loss=$(awk -v x=\"$2\" \\'BEGIN { print (x - 2) ^ 2 }\\')\"'"
                + " + ' >> \"$SWEEP_METRICS\"\\n'\n"
                + "def r = clusterSweep command: 'bash objective.sh', jobName: 's', search: [optimizer: 'random',"
                + " metric: 'loss', samples: 6, parallel: 2, seed: 3,"
                + " params: [[name: 'x', distribution: 'Uniform', bounds: [-5, 5]]]]\n"
                + "echo \"tasks=${r.tasks} metric=${r.metric} best=${r.bestTask} x=${r.bestParameters.x}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("tasks=6 metric=loss best=", b);
        String log = workspace(p).child(".sweep/s/search.log").readToString();
        assertEquals(log, 6, log.lines().filter(l -> l.startsWith("tell ") && !l.endsWith(" -")).count());
        assertTrue("batches after the first were launched by the step's turns",
                workspace(p).child(".sweep/s/submissions/000002.json").exists());
    }

    @Test
    public void theBuildPageShowsTheSearchWhileItRuns() throws Exception {
        // Samples after the first wait for the file 'go', made once the page was read: what it shows is known.
        WorkflowJob p = job("writeFile file: 'objective.sh', text: '[ -e first ] && while [ ! -e go ]; do sleep 0.1; done;"
                + " touch first; echo \"loss=$2\" >> \"$SWEEP_METRICS\"\\n'\n"
                + "clusterSweep command: 'bash objective.sh', jobName: 'live', search: [optimizer: 'random',"
                + " metric: 'loss', samples: 3, parallel: 1, seed: 3,"
                + " params: [[name: 'x', distribution: 'Uniform', bounds: [0, 1]]]]");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("search: 1 of 3 samples ended (0 failed), 1 running; best: sample 1 loss=", b);
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setJavaScriptEnabled(false);
        String text = wc.getPage(b, "sweep-live/").asNormalizedText();
        assertTrue(text, text.contains("Search\trandom, following loss"));
        assertTrue(text, text.contains("Samples\t1 of 3 ended (0 failed), 1 running, 1 left"));
        assertTrue(text, text.matches("(?s).*Best so far\tloss=0\\.\\d+ \\(smallest\\), sample 1, task 1: x=0\\.\\d+.*"));
        workspace(p).child("go").write("", "UTF-8");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
    }

    @Test
    public void badArgumentsFailBeforeAnythingIsSubmitted() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'echo', jobName: 'bad', args: [n: [1]], duration: 'soon'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("clusterSweep: bad duration 'soon'", b);
        assertFalse(workspace(p).child(".sweep").exists());

        p.setDefinition(new CpsFlowDefinition("node('remote') { clusterSweep command: 'echo', jobName: 'bad', "
                + "args: [n: [1, 2]], tasks: '5' }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("bad tasks '5': the grid has tasks 1-2, so 5 do not exist", b);
        assertFalse(workspace(p).child(".sweep").exists());

        p.setDefinition(new CpsFlowDefinition("node('remote') { writeFile file: 'x.yaml', text: 'command: echo\\njobName: x\\ncpu: 2\\n'\n"
                + "clusterSweep spec: 'x.yaml' }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("spec file x.yaml: unknown field 'cpu' (did you mean 'cpus'?)", b);
        assertFalse(workspace(p).child(".sweep").exists());

        // A misspelt step argument: Pipeline alone would only warn and drop it.
        p.setDefinition(new CpsFlowDefinition("node('remote') { clusterSweep command: 'echo', jobName: 'bad', "
                + "args: [n: [1]], cpu: 2 }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("unknown argument 'cpu' (did you mean 'cpus'?)", b);
        assertFalse(workspace(p).child(".sweep").exists());
    }

    @Test
    public void theSnippetGeneratorWritesOnlyWhatWasSet() throws Exception {
        // The form posts every select and checkbox: at their defaults they must not show in the snippet.
        ClusterSweepStep step = new ClusterSweepStep();
        step.setCommand("python train.py");
        step.setJobName("s");
        step.setArgMode("argparse");
        step.setFailOn("FAILURE");
        step.setTagNumber(true);
        step.setWait(true);
        step.setRetries(0);
        step.setKillGrace(10);
        step.setCpus(1); // not a default to drop: 1 given overrides the site's default
        // Given in a Pipeline, an explicit default stays (it wins over a spec file's value) ...
        assertTrue(org.jenkinsci.plugins.workflow.cps.Snippetizer.object2Groovy(step).contains("wait: true"));
        // ... posted by the form, it was not set by anyone.
        step.dropFormDefaults();
        assertEquals("clusterSweep command: 'python train.py', cpus: 1, jobName: 's'",
                org.jenkinsci.plugins.workflow.cps.Snippetizer.object2Groovy(step));
        step.setFailOn("UNSTABLE");
        assertEquals("clusterSweep command: 'python train.py', cpus: 1, failOn: 'UNSTABLE', jobName: 's'",
                org.jenkinsci.plugins.workflow.cps.Snippetizer.object2Groovy(step));
    }

    @Test
    public void theFreestyleBuilderIsNotAPipelineStep() throws Exception {
        // Only clusterSweep is offered: the builder blocks an executor and does not survive a restart.
        WorkflowJob p = job("step(clusterSweepBuilder(command: 'echo', jobName: 'b'))");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        assertFalse(workspace(p).child(".sweep").exists());
        String syntax = j.createWebClient().goTo("pipeline-syntax").getWebResponse().getContentAsString();
        assertTrue(syntax.contains("clusterSweep"));
        assertFalse("the builder is offered among the steps", syntax.contains("clusterSweepBuilder"));
        hudson.util.ListBoxModel failOn = j.jenkins.getDescriptorByType(ClusterSweepStep.DescriptorImpl.class)
                .doFillFailOnItems();
        assertEquals("Fail the build (FAILURE)", failOn.get(0).name);
        assertEquals("FAILURE", failOn.get(0).value);
    }

    @Test
    public void abortCancelsTheRunningTasks() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'sleep 300 #', jobName: 'abort', args: [n: [1, 2, 3]], maxTasks: 2, killGrace: 2");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("abort: 3 tasks: 1 PENDING, 2 RUNNING", b);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("[clusterSweep] cancelling the active tasks of sweep 'abort'", b);
        j.assertLogContains("abort: 3 tasks: 3 CANCELLED", b);
        String end = workspace(p).child(".sweep/abort/status/1.1.end").readToString();
        assertTrue(end, end.contains("reason=cancelled"));
        assertTrue(b.getArtifactManager().root().child("sweep/abort/status/1.1.end").isFile());
    }

    @Test
    public void notWaitingReturnsOnceSubmitted() throws Exception {
        WorkflowJob p = job("""
                def r = clusterSweep command: 'sleep 1 #', jobName: 'nowait', args: [n: [1, 2]], wait: false
                echo "finished=${r.finished} result=${r.result}"
                sleep 5
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("finished=false result=SUCCESS", b);
    }

    @Test
    public void outsideNodeTheStepRunsOnTheNamedAgentWithoutHoldingAnExecutor() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "detached");
        // Build 1 sweeps; build 2, while it runs, takes the agent's one executor in a node block.
        p.setDefinition(new CpsFlowDefinition("""
                if (currentBuild.number == 2) {
                  node('remote') { echo "second build in ${pwd()}" }
                  return
                }
                node('remote') { writeFile file: 'task.sh', text: 'sleep 3; echo "loss=$2" >> "$SWEEP_METRICS"' }
                def r = clusterSweep agent: '%s', command: 'bash task.sh', jobName: 'away', args: [n: [1, 2, 3]],
                        backend: 'local', maxTasks: 1, metric: 'loss'
                echo "tasks=${r.tasks} succeeded=${r.succeeded} result=${r.result} best=${r.bestTask}"
                """.formatted(agent.getNodeName()), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("away: 3 tasks: 2 PENDING, 1 RUNNING", b);
        assertEquals("no executor of the agent is busy while the sweep runs", 0, agent.toComputer().countBusy());
        assertEquals("nor of the controller", 0, j.jenkins.toComputer().countBusy());
        // The sweep leases the workspace as node does: the second build's node gets another one.
        WorkflowRun second = j.buildAndAssertSuccess(p);
        j.assertLogContains("second build in " + workspace(p).getRemote() + "@2", second);
        assertTrue("the sweep was still running", b.isBuilding());
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("tasks=3 succeeded=3 result=SUCCESS best=1", b);
        // In the agent's workspace for the job, where node('remote') checked out the task.
        assertEquals("loss=2\n", workspace(p).child(".sweep/away/metrics/2.1.txt").readToString());
        assertTrue(b.getArtifactManager().root().child("sweep/away/logs/3.1.out").isFile());
    }

    @Test
    public void whereTheStepRunsIsCheckedBeforeAnythingIsSubmitted() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "where");
        p.setDefinition(new CpsFlowDefinition("clusterSweep command: 'echo', jobName: 'w', args: [n: [1]]", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("name the agent to run on without holding an executor (agent: 'NAME')", b);

        p.setDefinition(new CpsFlowDefinition("clusterSweep agent: 'nowhere', command: 'echo', jobName: 'w', "
                + "args: [n: [1]]", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("there is no agent named 'nowhere'", b);

        j.jenkins.setNumExecutors(0);
        p.setDefinition(new CpsFlowDefinition("clusterSweep agent: 'built-in', command: 'echo', jobName: 'w', "
                + "args: [n: [1]]", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("agent 'built-in' takes no builds (it has no executors", b);

        p.setDefinition(new CpsFlowDefinition("node('remote') { clusterSweep agent: 'built-in', command: 'echo', "
                + "jobName: 'w', args: [n: [1]] }", true));
        b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("agent 'built-in' is for a step outside node", b);
        assertFalse(workspace(p).child(".sweep").exists());
    }
}
