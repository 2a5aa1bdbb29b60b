package io.jenkins.plugins.clustersweep.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.util.XStream2;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import io.jenkins.plugins.clustersweep.results.SweepResultsAction;
import io.jenkins.plugins.clustersweep.wizard.BackendChoice;
import org.junit.Test;

/**
 * Fields moved into a shared base keep their saved names: a job's config.xml and a build's
 * build.xml written before the move load, and are written again under the same element names.
 */
public class SavedFieldsTest {

    private static final XStream2 XSTREAM = new XStream2();

    @Test
    public void aSlurmChoiceSavedBeforeLoadsItsFields() {
        String saved = "<io.jenkins.plugins.clustersweep.wizard.BackendChoice_-Slurm>"
                + "<cpus>2</cpus><mem>4G</mem><gpus>1</gpus><partition>p</partition>"
                + "<extraOptions>--mail-type=END</extraOptions>"
                + "</io.jenkins.plugins.clustersweep.wizard.BackendChoice_-Slurm>";
        BackendChoice.Slurm slurm = (BackendChoice.Slurm) XSTREAM.fromXML(saved);
        assertEquals("2", slurm.getCpus());
        assertEquals("1", slurm.getGpus());
        assertEquals("p", slurm.getPartition());
        assertEquals("--mail-type=END", slurm.getExtraOptions());
        String again = XSTREAM.toXML(slurm);
        assertTrue(again, again.contains("<gpus>1</gpus>")
                && again.contains("<extraOptions>--mail-type=END</extraOptions>"));
    }

    @Test
    public void aGridEngineChoiceSavedBeforeLoadsItsFields() {
        String saved = "<io.jenkins.plugins.clustersweep.wizard.BackendChoice_-GridEngine>"
                + "<gpus>2</gpus><queue>all.q</queue><extraOptions>-l h_vmem=1G</extraOptions>"
                + "</io.jenkins.plugins.clustersweep.wizard.BackendChoice_-GridEngine>";
        BackendChoice.GridEngine ge = (BackendChoice.GridEngine) XSTREAM.fromXML(saved);
        assertEquals("2", ge.getGpus());
        assertEquals("all.q", ge.getQueue());
        assertEquals("-l h_vmem=1G", ge.getExtraOptions());
    }

    @Test
    public void theBuildsActionsSavedBeforeLoadTheirJobName() {
        SweepAction sweep = (SweepAction) XSTREAM.fromXML("<io.jenkins.plugins.clustersweep.page.SweepAction>"
                + "<jobName>s</jobName><backend>local</backend><tasks>3</tasks>"
                + "</io.jenkins.plugins.clustersweep.page.SweepAction>");
        assertEquals("s", sweep.getJobName());
        assertEquals("local", sweep.getBackend());
        assertEquals(3, sweep.getTasks());
        assertTrue(XSTREAM.toXML(sweep).contains("<jobName>s</jobName>"));
        SweepResultsAction results = (SweepResultsAction) XSTREAM.fromXML(
                "<io.jenkins.plugins.clustersweep.results.SweepResultsAction>"
                + "<jobName>r</jobName><metric>loss</metric><tasks>2</tasks>"
                + "</io.jenkins.plugins.clustersweep.results.SweepResultsAction>");
        assertEquals("r", results.getJobName());
        assertEquals("loss", results.getMetric());
        assertTrue(XSTREAM.toXML(results).contains("<jobName>r</jobName>"));
    }
}
