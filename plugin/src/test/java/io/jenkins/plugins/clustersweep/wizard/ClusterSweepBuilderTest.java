package io.jenkins.plugins.clustersweep.wizard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import io.jenkins.plugins.clustersweep.results.SweepResultsAction;
import io.jenkins.plugins.clustersweep.step.ClusterSweepStep;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle build wizard: the form round-trips, runs a sweep, previews, validates. */
public class ClusterSweepBuilderTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void configRoundtrip() throws Exception {
        ClusterSweepBuilder before = new ClusterSweepBuilder("python train.py", "wiz");
        before.setParameters(List.of(new ParameterRow("--lr", "0.1 0.01"), new ParameterRow("--seed", "1 2 3")));
        before.setPosArgs("a.csv b.csv");
        before.setFlags("--amp");
        before.setTag(true);
        before.setTagName("--run-name");
        before.setTagArgs("--lr");
        before.setTagNumber(true);
        before.setArgMode("argparse");
        BackendChoice.Slurm slurm = new BackendChoice.Slurm();
        slurm.setPartition("gpu");
        slurm.setCpus("4");
        slurm.setGpus("1");
        slurm.setMem("16G");
        slurm.setDuration("1h");
        slurm.setExtraOptions("--requeue");
        before.setBackend(slurm);
        before.setMaxTasks("20");
        before.setRetries("2");
        before.setFailOn("UNSTABLE");
        before.setEnv("WANDB_MODE=offline");
        before.setMetric("accuracy");
        before.setMaximize(true);
        before.setRegressionTolerance("5%");
        before.setRegressionResult("FAILURE");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(before);
        j.configRoundtrip(p);
        ClusterSweepBuilder after = p.getBuildersList().get(ClusterSweepBuilder.class);
        j.assertEqualDataBoundBeans(before, after);
        assertEquals(slurm, after.getBackend());
        assertEquals(before.fields(), after.fields());
    }

    @Test
    public void runsASweepAndSetsTheResult() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        ClusterSweepBuilder b = new ClusterSweepBuilder(
                "f() { echo \"$@\"; echo \"acc=0.$2\" >> \"$SWEEP_METRICS\"; [ \"$2\" != 3 ]; }; f", "fs");
        b.setParameters(List.of(new ParameterRow("n", "1 2 3")));
        b.setBackend(new BackendChoice.Local());
        b.setFailOn("UNSTABLE");
        b.setMetric("acc");
        b.setMaximize(true);
        p.getBuildersList().add(b);
        FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("launched 3 task(s) of sweep 'fs' on local", build);
        SweepAction action = build.getAction(SweepAction.class);
        assertEquals(Long.valueOf(2), action.getCounts().get("SUCCEEDED"));
        assertEquals("3", action.getFailedIds());
        assertTrue(build.getArtifactManager().root().child("sweep/fs/logs/1.1.out").isFile());
        assertEquals(1, action.page("failed", null, null).table().rows().size());
        // The results fields: ranked by the largest acc among the tasks that SUCCEEDED.
        SweepResultsAction results = SweepResultsAction.of(build, "fs");
        assertEquals("acc", results.getMetric());
        assertTrue(results.isMaximize());
        assertEquals(Long.valueOf(2), results.getBestTask());
        assertEquals(0.2, results.getMetricBest(), 0);
        assertTrue(build.getArtifactManager().root().child("sweep/fs/results/report.html").isFile());
    }

    @Test
    public void previewAndValidationAnswers() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("wizard");
        JenkinsRule.WebClient wc = j.createWebClient();
        String base = p.getUrl() + "descriptorByName/" + ClusterSweepBuilder.class.getName() + "/";
        Page preview = wc.getPage(new WebRequest(wc.createCrumbedUrl(base
                + "preview?command=echo&jobName=x&rowName=--lr&rowValues=0.1+0.01&rowName=--seed&rowValues=1+2+3"),
                HttpMethod.POST));
        String text = preview.getWebResponse().getContentAsString();
        assertTrue(text, text.contains("6 task(s)"));
        assertTrue(text, text.contains("1: echo --lr 0.1 --seed 1"));

        Page bad = wc.getPage(new WebRequest(wc.createCrumbedUrl(base + "checkMaxTasks?value=-1"), HttpMethod.POST));
        assertTrue(bad.getWebResponse().getContentAsString().contains("error"));
        ClusterSweepBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(ClusterSweepBuilder.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckJobName("has space", p).kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckJobName("ok-name", p).kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckEnv("NOEQUALS", p).kind);

        JenkinsRule.WebClient get = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        Page viaGet = get.getPage(new URL(j.getURL(), base + "preview?command=echo&jobName=x"));
        assertTrue("preview is POST only", viaGet.getWebResponse().getStatusCode() >= 400);
    }

    @Test
    public void theWizardShowsTheStepsHelpForTheSameSettings() throws Exception {
        // One help file per setting: the wizard's and the backend forms' help links are the step's.
        FreeStyleProject p = j.createFreeStyleProject();
        ClusterSweepBuilder b = new ClusterSweepBuilder("x", "help");
        b.setBackend(new BackendChoice.Slurm());
        p.getBuildersList().add(b);
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setJavaScriptEnabled(false); // the links are in the HTML; the page's scripts are not needed
        String page = wc.getPage(p, "configure").getWebResponse().getContentAsString();
        String step = "descriptor/" + ClusterSweepStep.class.getName() + "/help/";
        for (String field : new String[] {"command", "killGrace", "retries", "cpus", "partition"}) {
            if (!page.contains(step + field + "\"")) {
                org.junit.Assert.fail(field + " not among " + helpLinks(page));
            }
        }
        assertTrue(!page.contains(ClusterSweepBuilder.class.getName() + "/help/command\""));
        String help = wc.goTo(step + "cpus", null).getWebResponse().getContentAsString();
        assertTrue(help, help.contains("CPUs per array element"));
        // Where the wizard's form differs from the step's arguments, it keeps its own words.
        assertTrue(page.contains(ClusterSweepBuilder.class.getName() + "/help/env\""));
    }

    private static List<String> helpLinks(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("descriptor/[\\w.$]+/help/\\w+").matcher(page);
        List<String> links = new java.util.ArrayList<>();
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }
}
