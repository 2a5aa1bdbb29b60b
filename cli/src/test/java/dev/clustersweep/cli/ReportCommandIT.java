package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * {@code sweep report} on a real local sweep, as a user runs it: one HTML file with every section,
 * bad options one line and exit 2 with no file written, a refused write exit 3.
 */
public class ReportCommandIT {

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private static Path work;

    /** loss = lr * 10 + seed after a two-step curve; accuracy = 1 - loss / 10; lr 0.3 with seed 2 fails. */
    private static final String TRAIN = "f() { l=$(awk -v l=$2 -v s=$4 'BEGIN { print l * 10 + s }');"
            + " echo \"loss@1=$((${l%.*} + 1))\" >> \"$SWEEP_METRICS\"; echo \"loss@2=$l\" >> \"$SWEEP_METRICS\";"
            + " echo \"accuracy=$(awk -v l=$l 'BEGIN { print 1 - l / 10 }')\" >> \"$SWEEP_METRICS\";"
            + " [ \"$2$4\" != 0.32 ]; }; f";

    @BeforeClass
    public static void sweep() throws Exception {
        work = tmp.newFolder("work").toPath();
        SweepProcess.Result pre = SweepProcess.run(work, "prelaunch", "+jobname", "r", "+command", TRAIN, "+arg",
                "--lr", "0.1", "0.3", "+arg", "--seed", "1", "2", "3", "+tag", "--run-tag", "+q");
        assertEquals(pre.stderr(), 0, pre.exit());
        SweepProcess.Result launch = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "r",
                "--max-tasks", "2");
        assertEquals(launch.stdout() + launch.stderr(), 1, launch.exit()); // one task fails on purpose
    }

    @Test
    public void oneSelfContainedPageWithEverySection() throws Exception {
        SweepProcess.Result r = SweepProcess.run(work, "report", "--jobname", "r", "--metric", "loss", "--over",
                "seed", "-o", "reports/r.html");
        assertEquals(r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().startsWith("r: 6 tasks: 5 SUCCEEDED, 1 FAILED; report written to "
                + "reports/r.html ("));
        String html = Files.readString(work.resolve("reports/r.html"));
        for (String section : new String[] {"<h2>Progress</h2>", "<h2>Best configurations</h2>",
            "<h2>loss per parameter value</h2>", "<h2>Parameter importance</h2>", "<h2>loss over the sweep</h2>",
            "<h2>Learning curves</h2>"}) {
            assertTrue(section, html.contains(section));
        }
        // The best configuration first, with its mean, sd and count, as sweep results --over seed shows it;
        // its sd, 1, with the decimals of the column's other one, 1.41421.
        assertTrue(html, html.contains("<tr><td>0.1</td><td class=\"n\">3</td><td class=\"n\">0</td>"
                + "<td class=\"n\">3</td><td class=\"n\">3</td><td class=\"n\">1.00000</td>"));
        assertTrue(html, html.contains("<td class=\"n\">1.41421</td>"));
        assertTrue(html.contains("class=\"curve c0\"><title>task 1 (lr=0.1, seed=1)</title>"));
        assertFalse(html.contains("<script"));

        // Without -o: JOBNAME-report.html here. Without --metric: the states, and which metrics there are.
        SweepProcess.Result plain = SweepProcess.run(work, "report", "--jobname", "r");
        assertEquals(plain.stderr(), 0, plain.exit());
        String states = Files.readString(work.resolve("r-report.html"));
        assertTrue(states.contains("<h2>Progress</h2>"));
        assertTrue(states, states.contains("No metric chosen: give <code>--metric NAME</code> to plot one, of accuracy,"
                + " loss."));
        assertFalse(states.contains("<h2>Learning curves</h2>"));
    }

    @Test
    public void badInputIsOneLineExitTwoAndNoFile() throws Exception {
        String[][] cases = {
            {"--metric", "los"},
            {"--metric", "loss", "--over", "sed"},
            {"--metric", "loss", "--top", "0"},
            {"--over", "seed"},
            {"--metric", "loss", "--minimize", "--maximize"},
            {"--metric", "loss", "-o", "."},
        };
        String[] expected = {
            "sweep: no task of sweep 'r' reported metric 'los': expected one of accuracy, loss",
            "sweep: bad --over 'sed': expected one of the sweep's parameters lr, seed",
            "sweep: bad --top '0': expected a whole number from 1",
            "sweep: --over needs --metric NAME: expected the metric to plot",
            "sweep: --minimize and --maximize both given: expected one of them",
            "sweep: bad -o '.': it is a directory, expected the file to write",
        };
        for (int i = 0; i < cases.length; i++) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", "--jobname", "r"));
            args.addAll(java.util.List.of(cases[i]));
            if (!args.contains("-o")) {
                args.addAll(java.util.List.of("-o", "bad.html"));
            }
            SweepProcess.Result r = SweepProcess.run(work, args.toArray(String[]::new));
            assertEquals(String.join(" ", cases[i]) + ": " + r.stderr(), 2, r.exit());
            assertEquals("", r.stdout());
            assertEquals(expected[i], r.stderr().strip());
            assertFalse("no report written on bad input", Files.exists(work.resolve("bad.html")));
        }
        SweepProcess.Result none = SweepProcess.run(work, "report", "--jobname", "nosuch");
        assertEquals(2, none.exit());
        assertEquals("sweep: no sweep named 'nosuch' here: expected a jobname from 'sweep list'", none.stderr().strip());
        assertFalse(Files.exists(work.resolve("nosuch-report.html")));
    }

    @Test
    public void aWriteTheSystemRefusesIsExitThree() throws Exception {
        // /proc takes no new directory, whoever asks (root included).
        SweepProcess.Result r = SweepProcess.run(work, "report", "--jobname", "r", "--metric", "loss", "-o",
                "/proc/sweep-report-test/r.html");
        assertEquals(r.stderr(), 3, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("/proc/sweep-report-test"));
    }
}
