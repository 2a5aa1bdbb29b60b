package io.jenkins.plugins.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import java.net.URL;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The build page: tasks and states, cancel and relaunch by POST with and without permission, by
 * GET, without crumb; relaunch after the build (a new build running only the chosen ids) and during
 * it (the running step takes the request).
 */
public class SweepPageTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private DumbSlave agent;

    @Before
    public void setUp() throws Exception {
        agent = j.createOnlineSlave(Label.get("remote"));
    }

    private WorkflowJob job(String body) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + body + "\n}", true));
        return p;
    }

    private void security(WorkflowJob p) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                // Overall/Read on the root: MockAuthorizationStrategy applies item grants to the job
                // alone, and without it core answers 403 before the plugin is reached.
                .grant(Jenkins.READ).onRoot().to("operator")
                .grant(Item.READ, Item.BUILD, Item.CANCEL).onItems(p).to("operator"));
    }

    /** A POST to the sweep page of {@code b}, with a crumb unless told not to. */
    private Page post(JenkinsRule.WebClient wc, WorkflowRun b, String jobName, String method, String query,
            boolean crumb) throws Exception {
        String path = b.getUrl() + "sweep-" + jobName + "/" + method + "?" + query;
        URL url = crumb ? wc.createCrumbedUrl(path) : new URL(j.getURL(), path);
        return wc.getPage(new WebRequest(url, HttpMethod.POST));
    }

    @Test
    public void pageListsTasksAndStatesAndTheJsonAnswersTheSame() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'f() { [ \"$2\" != 2 ]; }; f', jobName: 'pg', "
                + "args: [n: [1, 2, 3]], tag: true, failOn: 'UNSTABLE'");
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        SweepAction action = b.getAction(SweepAction.class);
        assertFalse(action.isLive());
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.getPage(b, "sweep-pg/");
        String text = page.asNormalizedText();
        assertTrue(text, text.contains("Cluster sweep pg"));
        assertTrue(text, text.contains("FAILED"));
        assertNotNull(page.getFirstByXPath("//tr[@data-id='2']"));
        HtmlPage failed = wc.getPage(b, "sweep-pg/?filter=failed");
        assertNull(failed.getFirstByXPath("//tr[@data-id='1']"));
        assertNotNull(failed.getFirstByXPath("//tr[@data-id='2']"));

        JSONObject json = j.getJSON(b.getUrl() + "sweep-pg/data?filter=failed").getJSONObject();
        assertFalse(json.getBoolean("live"));
        JSONObject table = json.getJSONObject("page").getJSONObject("table");
        assertEquals(1, table.getInt("matching"));
        assertEquals(2, table.getJSONArray("rows").getJSONObject(0).getInt("id"));
        assertTrue(table.getJSONArray("rows").getJSONObject(0).getString("tag").contains("n_2"));

        // The job page links the last sweep.
        HtmlPage jobPage = wc.getPage(p);
        assertNotNull(jobPage.getAnchorByHref(j.contextPath + "/" + p.getUrl() + b.getNumber() + "/sweep-pg/"));
        // After the build, log links go to the archived logs, shown as text (*view*: the .out file
        // itself would be application/octet-stream, which a browser downloads).
        assertNotNull(page.getFirstByXPath("//a[@href='../artifact/sweep/pg/logs/2.1.out/*view*/']"));
        Page log = wc.goTo(b.getUrl() + "sweep-pg/log?path=logs/2.1.out", "text/plain");
        assertNotNull(log);
    }

    @Test
    public void buttonsNeedPostPermissionAndCrumb() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'false', jobName: 'sec', args: [n: [1, 2]], failOn: 'UNSTABLE'");
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        security(p);

        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");
        assertEquals(403, post(reader, b, "sec", "relaunch", "ids=1", true).getWebResponse().getStatusCode());
        assertEquals(403, post(reader, b, "sec", "cancel", "ids=1", true).getWebResponse().getStatusCode());
        // A task's log is for whoever may read the job: Run/Artifacts is off by default, and nobody
        // held it (every log answered 403, the administrator's too).
        assertEquals(200, reader.goTo(b.getUrl() + "sweep-sec/log?path=logs/1.1.err", null).getWebResponse()
                .getStatusCode());

        JenkinsRule.WebClient operator = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        operator.login("operator");
        assertEquals(405, operator.goTo(b.getUrl() + "sweep-sec/relaunch?ids=1", null).getWebResponse()
                .getStatusCode());
        assertEquals(405, operator.goTo(b.getUrl() + "sweep-sec/cancel?ids=1", null).getWebResponse()
                .getStatusCode());
        assertEquals(403, post(operator, b, "sec", "relaunch", "ids=1", false).getWebResponse().getStatusCode());
        assertEquals("nothing scheduled by the refused requests", 1, p.getBuilds().size());

        Page ok = post(operator, b, "sec", "cancel", "ids=1", true);
        assertEquals(200, ok.getWebResponse().getStatusCode());
        assertTrue(ok.getWebResponse().getContentAsString().contains("nothing to cancel"));
    }

    @Test
    public void relaunchAfterTheBuildRunsOnlyTheChosenIds() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'f() { [ \"$2\" = 2 ] && [ ! -e fixed ] && exit 3; true; }; f', "
                + "jobName: 'rl', args: [n: [1, 2, 3]], failOn: 'UNSTABLE'");
        WorkflowRun b1 = j.buildAndAssertStatus(Result.UNSTABLE, p);
        FilePath ws = agent.getWorkspaceFor(p);
        ws.child("fixed").write("", "UTF-8");

        JenkinsRule.WebClient wc = j.createWebClient();
        Page answer = post(wc, b1, "rl", "relaunch", "allFailed=on", true);
        assertTrue(answer.getWebResponse().getContentAsString(), answer.getWebResponse().getContentAsString()
                .contains("Relaunch 1 task"));
        j.waitUntilNoActivity();
        WorkflowRun b2 = p.getBuildByNumber(2);
        assertNotNull("a relaunch build was scheduled", b2);
        j.assertBuildStatusSuccess(b2);
        RelaunchCause cause = b2.getCause(RelaunchCause.class);
        assertNotNull(cause);
        assertEquals(b1, cause.getOriginal());
        assertEquals("2", b2.getAction(RelaunchAction.class).getIds());
        j.assertLogContains("relaunching sweep 'rl'", b2);
        assertTrue(ws.child(".sweep/rl/logs/2.2.out").exists());
        assertFalse("only the chosen id ran", ws.child(".sweep/rl/logs/1.2.out").exists());
        assertFalse(ws.child(".sweep/rl/logs/3.2.out").exists());
        assertEquals(Long.valueOf(1), b2.getAction(SweepAction.class).getCounts().get("SUCCEEDED"));
    }

    @Test
    public void relaunchAfterTheWorkspaceWasWipedFailsWithOneMessage() throws Exception {
        WorkflowJob p = job("clusterSweep command: 'false', jobName: 'gone', args: [n: [1]], failOn: 'UNSTABLE'");
        WorkflowRun b1 = j.buildAndAssertStatus(Result.UNSTABLE, p);
        agent.getWorkspaceFor(p).child(".sweep").deleteRecursive();
        post(j.createWebClient(), b1, "gone", "relaunch", "ids=1", true);
        j.waitUntilNoActivity();
        WorkflowRun b2 = p.getBuildByNumber(2);
        j.assertBuildStatus(Result.FAILURE, b2);
        j.assertLogContains("cannot relaunch tasks 1 of sweep 'gone'", b2);
        j.assertLogContains("deleted (workspace wiped?)", b2);
    }

    @Test
    public void relaunchAndCancelDuringTheBuild() throws Exception {
        // Tasks wait for a file the test creates; task 2 fails first, then is relaunched from the page.
        WorkflowJob p = job("clusterSweep command: 'f() { [ \"$2\" = 2 ] && [ \"$SWEEP_ATTEMPT\" = 1 ] && exit 5; "
                + "while [ ! -e go ]; do sleep 0.2; done; }; f', jobName: 'live', args: [n: [1, 2, 3]], "
                + "killGrace: 1, failOn: 'UNSTABLE'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("launched 3 task(s)", b);
        SweepAction action = b.getAction(SweepAction.class);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!action.page("failed", null, null).table().rows().stream().anyMatch(r -> r.id() == 2)) {
            assertTrue(System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
        assertTrue(action.isLive());
        JenkinsRule.WebClient wc = j.createWebClient();
        String relaunch = post(wc, b, "live", "relaunch", "task=2", true).getWebResponse().getContentAsString();
        assertTrue(relaunch, relaunch.contains("running step launches them"));
        j.waitForMessage("[clusterSweep] relaunched tasks 2 as asked", b);
        String cancel = post(wc, b, "live", "cancel", "ids=3", true).getWebResponse().getContentAsString();
        assertTrue(cancel, cancel.contains("Cancel 1 task"));
        agent.getWorkspaceFor(p).child("go").write("", "UTF-8");
        j.assertBuildStatus(Result.UNSTABLE, j.waitForCompletion(b));
        assertTrue(agent.getWorkspaceFor(p).child(".sweep/live/logs/2.2.out").exists());
        assertEquals(Long.valueOf(2), action.getCounts().get("SUCCEEDED"));
        assertEquals(Long.valueOf(1), action.getCounts().get("CANCELLED"));
        assertEquals("3", action.getFailedIds());
    }
}
