package io.jenkins.plugins.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Results in Jenkins, from real local sweeps whose tasks write metrics: the build's results action,
 * its page and JSON, the archived files, the step's map, the job's trends over builds and the
 * regression gate.
 */
public class SweepResultsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowJob job(String node, String body) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node(" + node + ") {\n" + body + "\n}", true));
        return p;
    }

    /** Task n reports loss 0.n and acc 0.9, so task 2 (n=1) is best; one that fails is not ranked. */
    private static final String METRICS = "'f() { echo \"loss=0.$2\" >> \"$SWEEP_METRICS\"; "
            + "echo \"acc=0.9\" >> \"$SWEEP_METRICS\"; [ \"$2\" != 4 ]; }; f'";

    @Test
    public void resultsActionPageJsonArchiveAndTheStepsMap() throws Exception {
        j.createOnlineSlave(Label.get("remote")); // the results cross the channel as in production
        WorkflowJob p = job("'remote'", """
                def r = clusterSweep command: %s, jobName: 'res', args: [n: [3, 1, 2, 4]], metric: 'loss', failOn: 'UNSTABLE'
                echo "best=${r.bestTask} params=${r.bestParameters} metrics=${r.bestMetrics} metric=${r.metric}"
                echo "metricBest=${r.metricBest} metricMean=${r.metricMean} regression=${r.regression} result=${r.result}"
                """.formatted(METRICS));
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("best=2 params=[n:1] metrics=[loss:0.1, acc:0.9] metric=loss", b);
        j.assertLogContains("metricBest=0.1 metricMean=0.2 regression=false result=UNSTABLE", b);
        j.assertLogContains("[clusterSweep] results of sweep 'res': 4 of 4 task(s) reported acc, loss; best loss 0.1 "
                + "(task 2: n=1), mean 0.2 over 3 task(s)", b);

        SweepResultsAction a = SweepResultsAction.of(b, "res");
        assertNotNull(a);
        assertEquals("loss", a.getMetric());
        assertFalse(a.isMaximize());
        assertEquals(Long.valueOf(2), a.getBestTask());
        assertEquals(Map.of("n", "1"), a.getBestParameters());
        assertEquals(0.1, a.getMetricBest(), 0);
        assertEquals(0.2, a.getMetricMean(), 1e-12);
        assertEquals(Long.valueOf(3), a.getCounts().get("SUCCEEDED"));
        assertEquals(Long.valueOf(1), a.getCounts().get("FAILED"));
        assertEquals(3, a.getRanked());
        assertNull(a.getGate());

        // Archived with the logs.
        VirtualFile root = b.getArtifactManager().root();
        assertTrue(root.child("sweep/res/results/results.json").isFile());
        assertTrue(root.child("sweep/res/results/results.csv").isFile());
        String csv = new String(root.child("sweep/res/results/results.csv").open().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv, csv.startsWith("task,n,state,exit,loss,acc\n2,1,SUCCEEDED,0,0.1,0.9\n3,2,SUCCEEDED,0,0.2,0.9\n"));
        assertTrue(csv, csv.endsWith("4,4,FAILED,1,0.4,0.9\n"));

        // The JSON the page reads: best first, sortable, paged.
        JSONObject json = j.getJSON(b.getUrl() + "sweep-results-res/data").getJSONObject();
        assertEquals(List.of("task", "n", "state", "exit", "loss", "acc"), json.getJSONArray("columns"));
        assertEquals(4, json.getInt("total"));
        assertEquals("rank", json.getString("sort"));
        assertEquals("loss", json.getString("metric"));
        JSONArray rows = json.getJSONArray("rows");
        assertEquals(1, rows.getJSONArray(0).getInt(0)); // rank
        assertEquals(2, rows.getJSONArray(0).getInt(1)); // task
        assertEquals(0.1, rows.getJSONArray(0).getDouble(5), 0);
        assertEquals(0, rows.getJSONArray(3).getInt(0)); // the failed task is not ranked
        JSONObject byLossDesc = j.getJSON(b.getUrl() + "sweep-results-res/data?sort=loss&order=desc&size=2").getJSONObject();
        assertEquals(2, byLossDesc.getInt("pages"));
        assertEquals(2, byLossDesc.getJSONArray("rows").size());
        assertEquals(4, byLossDesc.getJSONArray("rows").getJSONArray(0).getInt(1));
        assertEquals(1, byLossDesc.getJSONArray("rows").getJSONArray(1).getInt(1));
        JSONObject page2 = j.getJSON(b.getUrl() + "sweep-results-res/data?sort=loss&order=desc&size=2&page=2").getJSONObject();
        assertEquals(3, page2.getJSONArray("rows").getJSONArray(0).getInt(1));
        assertEquals(2, page2.getJSONArray("rows").getJSONArray(1).getInt(1));

        // The page: the summary in the HTML, the table from the JSON by its script.
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setJavaScriptEnabled(false);
        HtmlPage page = wc.getPage(b, "sweep-results-res/");
        String text = page.asNormalizedText();
        assertTrue(text, text.contains("Sweep results res"));
        assertTrue(text, text.contains("Best loss (smallest first): 0.1, task 2"));
        assertNotNull(page.getFirstByXPath("//div[@id='cluster-sweep-results']"));
        assertNotNull(page.getAnchorByHref("../artifact/sweep/res/results/results.csv"));
        assertNotNull(page.getFirstByXPath("//iframe[@src='report' and @sandbox='']"));

        // The plots: sweep report's page, archived and served with a policy that runs no script.
        assertTrue(root.child("sweep/res/results/report.html").isFile());
        Page report = wc.goTo(b.getUrl() + "sweep-results-res/report", "text/html");
        String policy = report.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
        assertEquals(SweepResultsAction.REPORT_POLICY, policy);
        assertFalse(policy, policy.contains("script"));
        String html = report.getWebResponse().getContentAsString();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html, html.contains("<svg") && html.contains("Sweep res report"));

        // Reading the results needs Job/Read, as the sweep page.
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("outsider")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        JenkinsRule.WebClient outsider = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        outsider.login("outsider");
        Page denied = outsider.goTo(b.getUrl() + "sweep-results-res/data", null);
        assertNotEquals(200, denied.getWebResponse().getStatusCode());
        assertFalse(denied.getWebResponse().getContentAsString().contains("\"columns\""));
        JenkinsRule.WebClient reader = j.createWebClient();
        reader.login("reader");
        assertEquals(200, reader.goTo(b.getUrl() + "sweep-results-res/data", "application/json").getWebResponse()
                .getStatusCode());
        assertNotEquals(200, outsider.goTo(b.getUrl() + "sweep-results-res/report", null).getWebResponse()
                .getStatusCode());
    }

    /** A job whose one-task sweep reports the loss of this build number, from {@code losses}. */
    private WorkflowJob lossPerBuild(String losses, String extra) throws Exception {
        return job("", """
                def loss = [%s][env.BUILD_NUMBER as int]
                def r = clusterSweep command: 'echo loss=' + loss + ' >> "$SWEEP_METRICS"; echo', jobName: 'nightly',
                                     args: [seed: [1, 2]], metric: 'loss'%s
                echo "regression=${r.regression}"
                """.formatted(losses, extra));
    }

    @Test
    public void theJobPageTrendsOverTwoBuilds() throws Exception {
        WorkflowJob p = lossPerBuild("1: '0.3', 2: '0.2'", "");
        j.buildAndAssertSuccess(p);
        j.buildAndAssertSuccess(p);
        SweepTrendAction trend = p.getAction(SweepTrendAction.class);
        assertNotNull(trend);
        assertEquals("sweep-trend-nightly", trend.getUrlName());
        assertEquals("loss", trend.getMetric());

        JSONObject metric = j.getJSON(p.getUrl() + "sweep-trend-nightly/metric").getJSONObject();
        assertEquals(List.of("#1", "#2"), metric.getJSONArray("domainAxisLabels"));
        assertEquals(List.of(1, 2), metric.getJSONArray("buildNumbers"));
        JSONArray series = metric.getJSONArray("series");
        assertEquals("best loss", series.getJSONObject(0).getString("name"));
        assertEquals(2, series.getJSONObject(0).getJSONArray("data").size());
        assertEquals(0.3, series.getJSONObject(0).getJSONArray("data").getDouble(0), 0);
        assertEquals(0.2, series.getJSONObject(0).getJSONArray("data").getDouble(1), 0);
        assertEquals("mean loss", series.getJSONObject(1).getString("name"));

        JSONObject counts = j.getJSON(p.getUrl() + "sweep-trend-nightly/counts").getJSONObject();
        JSONArray states = counts.getJSONArray("series");
        assertEquals(1, states.size()); // only the states some build had
        assertEquals("SUCCEEDED", states.getJSONObject(0).getString("name"));
        assertEquals(2, states.getJSONObject(0).getJSONArray("data").size());
        assertEquals(2, states.getJSONObject(0).getJSONArray("data").getDouble(0), 0);
        assertEquals(2, states.getJSONObject(0).getJSONArray("data").getDouble(1), 0);

        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setJavaScriptEnabled(false);
        HtmlPage jobPage = wc.getPage(p);
        assertNotNull(jobPage.getFirstByXPath("//div[contains(@class,'cluster-sweep-trend')]"
                + "[@data-url='" + j.contextPath + "/" + p.getUrl() + "sweep-trend-nightly/']"));
        assertNotNull(jobPage.getFirstByXPath("//script[contains(@src,'echarts')]"));
        HtmlPage trendPage = wc.getPage(p, "sweep-trend-nightly/");
        assertTrue(trendPage.asNormalizedText(), trendPage.asNormalizedText().contains("Tasks by state per build"));
    }

    @Test
    public void aRegressionBeyondTheToleranceMarksTheBuild() throws Exception {
        WorkflowJob p = lossPerBuild("1: '0.3', 2: '0.5', 3: '0.31', 4: '0.9'",
                ",\n regressionTolerance: '10%', regressionResult: env.BUILD_NUMBER == '4' ? 'FAILURE' : 'UNSTABLE'");
        WorkflowRun b1 = j.buildAndAssertSuccess(p);
        j.assertLogContains("[clusterSweep] Regression gate: no earlier successful build has loss for sweep 'nightly': "
                + "nothing to compare with", b1);

        WorkflowRun b2 = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("[clusterSweep] Regression: loss (smallest best) is 0.5, was 0.3 in p #1: worse by 0.2, "
                + "more than the tolerance 10% (0.03); the build is UNSTABLE", b2);
        j.assertLogContains("regression=true", b2);
        assertTrue(SweepResultsAction.of(b2, "nightly").isRegression());

        // Compared with the last successful build (#1), not the unstable #2: within 10%.
        WorkflowRun b3 = j.buildAndAssertSuccess(p);
        j.assertLogContains("[clusterSweep] Regression gate passed: loss (smallest best) is 0.31, was 0.3 in p #1: "
                + "worse by 0.01, within the tolerance 10% (0.03)", b3);
        j.assertLogContains("regression=false", b3);

        WorkflowRun b4 = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("[clusterSweep] Regression: loss (smallest best) is 0.9, was 0.31 in p #3", b4);
        j.assertLogContains("the build is FAILURE", b4);
    }
}
