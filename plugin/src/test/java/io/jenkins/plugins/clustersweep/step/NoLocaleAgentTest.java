package io.jenkins.plugins.clustersweep.step;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import hudson.slaves.RetentionStrategy;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.security.MasterToSlaveCallable;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.SimpleCommandLauncher;

/**
 * Values that are not ASCII reach the tasks byte for byte from a Pipeline on an agent whose JVM runs
 * without a locale (LANG, LC_ALL, LC_CTYPE unset, as under cron, env -i and many agent services),
 * where Java decodes and encodes process arguments and environments as ASCII.
 */
public class NoLocaleAgentTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The agent JVM's encoding of process arguments and environments. */
    private static final class ArgvEncoding extends MasterToSlaveCallable<String, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() {
            return System.getProperty("sun.jnu.encoding");
        }
    }

    @Test
    public void valuesReachTheTasksByteForByteFromAnAgentWithoutALocale() throws Exception {
        String java = new File(System.getProperty("java.home"), "bin/java").getAbsolutePath();
        String agentJar = new File(j.jenkins.getJnlpJars("agent.jar").getURL().toURI()).getAbsolutePath();
        String command = String.join(" ", List.of("env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u",
                "LANGUAGE", "\"" + java + "\"", "-jar", "\"" + agentJar + "\""));
        DumbSlave agent = new DumbSlave("nolocale", tmp.newFolder("agent").getAbsolutePath(),
                new SimpleCommandLauncher(command));
        agent.setLabelString("nolocale");
        agent.setRetentionStrategy(RetentionStrategy.NOOP);
        j.jenkins.addNode(agent);
        j.waitOnline(agent);
        assertEquals("the agent runs without a locale", "ANSI_X3.4-1968", agent.getChannel().call(new ArgvEncoding()));

        WorkflowJob p = j.createProject(WorkflowJob.class, "bytes");
        p.setDefinition(new CpsFlowDefinition("""
                node('nolocale') {
                  clusterSweep command: 'printf "%s|%s|%s\\\\n" "$E"', jobName: 'bytes', backend: 'local',
                      args: [v: ['é中', 'naïve ✓']], env: [E: 'ü€']
                }
                """, true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        FilePath logs = agent.getWorkspaceFor(p).child(".sweep/bytes/logs");
        assertArrayEquals("ü€|--v|é中\n".getBytes(StandardCharsets.UTF_8), bytes(logs.child("1.1.out")));
        assertArrayEquals("ü€|--v|naïve ✓\n".getBytes(StandardCharsets.UTF_8), bytes(logs.child("2.1.out")));
        j.assertLogContains("bytes: 2 tasks: 2 SUCCEEDED", b);
    }

    private static byte[] bytes(FilePath file) throws Exception {
        try (var in = file.read()) {
            return in.readAllBytes();
        }
    }
}
