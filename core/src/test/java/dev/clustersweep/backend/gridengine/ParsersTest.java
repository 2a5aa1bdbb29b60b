package dev.clustersweep.backend.gridengine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

/** The parsers on outputs captured from the test cluster's Grid Engine 8.1.9. */
public class ParsersTest {

    static String sample(String name) throws IOException {
        try (InputStream in = ParsersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void qstatRunningPendingAndHeld() throws IOException {
        // 20: array 1-9:2, tasks 1,3,5,7 running, 9 pending; 21: 3-5:1 pending; 22: 2-10:4 held;
        // 18: another user's plain job in Eqw.
        QueueSnapshot q = QstatXml.parse(sample("qstat-running-pending-hold.xml"));
        assertEquals("r", q.state("20", 1));
        assertEquals("r", q.state("20", 7));
        assertEquals("qw", q.state("20", 9));
        assertNull(q.state("20", 2));
        assertEquals("qw", q.state("21", 4));
        assertEquals("hqw", q.state("22", 6));
        assertNull(q.state("22", 4));
        assertEquals("Eqw", q.state("18", 1)); // not an array: any index
        assertNull(q.state("99", 1));
    }

    @Test
    public void qstatEqwRange() throws IOException {
        QueueSnapshot q = QstatXml.parse(sample("qstat-eqw.xml"));
        assertEquals("Eqw", q.state("21", 3));
        assertEquals("Eqw", q.state("21", 5));
        assertEquals(SchedulerTask.Kind.ERROR, GridEngineStates.kind(q.state("21", 4)));
    }

    @Test
    public void qstatPendingListWithSingles() {
        String xml = "<?xml version='1.0'?><job_info><queue_info/><job_info><job_list state=\"pending\">"
                + "<JB_job_number>7</JB_job_number><state>qw</state><tasks>10-14:1,16,17</tasks></job_list>"
                + "</job_info></job_info>";
        QueueSnapshot q = QstatXml.parse(xml);
        assertEquals("qw", q.state("7", 12));
        assertEquals("qw", q.state("7", 17));
        assertNull(q.state("7", 15));
    }

    @Test
    public void emptyQueue() {
        assertTrue(QstatXml.parse("<?xml version='1.0'?>\n<job_info  xmlns:xsd=\"x\">\n  <queue_info>\n  </queue_info>\n"
                + "  <job_info>\n  </job_info>\n</job_info>\n").jobs().isEmpty());
    }

    @Test
    public void states() {
        assertEquals(SchedulerTask.Kind.PENDING, GridEngineStates.kind("qw"));
        assertEquals(SchedulerTask.Kind.PENDING, GridEngineStates.kind("hqw"));
        assertEquals(SchedulerTask.Kind.PENDING, GridEngineStates.kind("Rq"));
        assertEquals(SchedulerTask.Kind.RUNNING, GridEngineStates.kind("r"));
        assertEquals(SchedulerTask.Kind.RUNNING, GridEngineStates.kind("t"));
        assertEquals(SchedulerTask.Kind.RUNNING, GridEngineStates.kind("Rr"));
        assertEquals(SchedulerTask.Kind.RUNNING, GridEngineStates.kind("dr"));
        assertEquals(SchedulerTask.Kind.RUNNING, GridEngineStates.kind("s"));
        assertEquals(SchedulerTask.Kind.ERROR, GridEngineStates.kind("Eqw"));
        assertEquals(SchedulerTask.Kind.ERROR, GridEngineStates.kind("dEqw"));
    }

    @Test
    public void errorReasonsPerTask() throws IOException {
        Map<String, String> reasons = QstatErrors.parse(sample("qstat-j-eqw.txt"));
        assertEquals("error: can't chdir to /nonexistent/dir: No such file or directory",
                QstatErrors.reason(reasons, "21", 4));
        assertNull(QstatErrors.reason(reasons, "21", 6));
    }

    @Test
    public void accountingOfEqwTasks() throws IOException {
        Map<String, QacctRecords.Record> r = QacctRecords.parse(sample("qacct-eqw.txt"));
        QacctRecords.Record t3 = r.get("21.3");
        assertEquals(28, t3.failed());
        assertEquals("changing into working directory", t3.failedText());
        SchedulerTask ended = GridEngineStates.ended(t3, false);
        assertEquals(TaskState.ERROR, ended.endedAs());
        assertTrue(ended.reason(), ended.reason().contains("changing into working directory"));
    }

    @Test
    public void accountingOfQdelAndHardRuntime() throws IOException {
        Map<String, QacctRecords.Record> r = QacctRecords.parse(sample("qacct-qdel-hrt.txt"));
        QacctRecords.Record killed = r.get("14.1");
        assertEquals(100, killed.failed());
        assertEquals(137, killed.exitStatus());
        assertEquals(TaskState.CANCELLED, GridEngineStates.ended(killed, false).endedAs());
        QacctRecords.Record overRuntime = r.get("15.0"); // not an array: taskid undefined
        assertEquals(37, overRuntime.failed());
        assertEquals(TaskState.TIMEOUT, GridEngineStates.ended(overRuntime, false).endedAs());
    }

    @Test
    public void accountingByNameLastRecordWins() throws IOException {
        Map<String, QacctRecords.Record> r = QacctRecords.parse(sample("qacct-by-name.txt"));
        assertEquals(0, r.get("20.9").failed());
        assertEquals(0, r.get("20.9").exitStatus());
        String twice = "jobnumber 5\ntaskid 2\nfailed 26 : opening input/output file\nexit_status 0\n"
                + "==============\njobnumber 5\ntaskid 2\nfailed 0\nexit_status 3\n";
        QacctRecords.Record last = QacctRecords.parse("==========\n" + twice).get("5.2");
        assertEquals(3, last.exitStatus());
        SchedulerTask ended = GridEngineStates.ended(last, false);
        assertEquals(TaskState.FAILED, ended.endedAs());
        assertEquals(Integer.valueOf(3), ended.exitCode());
        assertEquals(TaskState.LOST, GridEngineStates.ended(last, true).endedAs()); // multiwrapper's status
    }

    @Test
    public void terseJobIds() {
        assertEquals("3", GridEngineBackend.jobId("3.1-20:1\n"));
        assertEquals("43", GridEngineBackend.jobId("43\n"));
        assertNull(GridEngineBackend.jobId("Your job 4 (\"x\") has been submitted"));
    }
}
