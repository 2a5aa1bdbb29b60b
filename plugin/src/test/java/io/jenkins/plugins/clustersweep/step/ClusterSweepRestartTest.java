package io.jenkins.plugins.clustersweep.step;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * The step waits across a controller restart: it keeps only plain strings, finds the working
 * directory again in onResume and goes on polling. (In a test the "restart" keeps the JVM, so the
 * local backend's tasks go on running, as a real agent's would.)
 */
public class ClusterSweepRestartTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void waitsForTheSweepAcrossARestart() throws Throwable {
        sessions.then(j -> {
            j.jenkins.setNumExecutors(1); // the built-in node: its JVM outlives the test's restart, as an agent would
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("""
                    node {
                      def r = clusterSweep command: 'sleep 8 #', jobName: 'long', args: [n: [1, 2]], retries: 1
                      echo "after restart: ${r.result} ${r.succeeded}"
                    }
                    """, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("long: 2 tasks: 2 RUNNING", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(b));
            j.assertLogContains("[clusterSweep] Jenkins restarted: waiting again for sweep 'long'", b);
            j.assertLogContains("after restart: SUCCESS 2", b);
            j.assertLogContains("[clusterSweep] long: 2 tasks: 2 SUCCEEDED", b);
        });
    }

    @Test
    public void aStepOutsideNodeWaitsAcrossARestartHoldingNoExecutor() throws Throwable {
        sessions.then(j -> {
            j.jenkins.setNumExecutors(1);
            WorkflowJob p = j.createProject(WorkflowJob.class, "away");
            p.setDefinition(new CpsFlowDefinition("""
                    def r = clusterSweep agent: 'built-in', command: 'sleep 4 #', jobName: 'away', args: [n: [1, 2, 3]],
                            backend: 'local', maxTasks: 1
                    echo "after restart: ${r.result} ${r.succeeded}"
                    """, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("away: 3 tasks: 2 PENDING, 1 RUNNING", b);
            org.junit.Assert.assertEquals("the step holds no executor", 0, j.jenkins.toComputer().countBusy());
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("away", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(b));
            j.assertLogContains("[clusterSweep] Jenkins restarted: waiting again for sweep 'away'", b);
            j.assertLogContains("after restart: SUCCESS 3", b);
        });
    }
}
