package io.jenkins.plugins.clustersweep.configuration;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.clustersweep.settings.SiteDefaults;
import hudson.model.Item;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

public class ClusterSweepConfigurationTest {

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void readsAndExportsConfigurationAsCode() throws Exception {
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        assertEquals("local", config.getDefaultBackend());
        assertEquals(Integer.valueOf(2), config.getDefaultCpus());
        assertEquals("4G", config.getDefaultMem());
        assertEquals("2h", config.getDefaultDuration());
        assertEquals("gpu", config.getDefaultPartition());
        assertEquals("module load cuda\nnvidia-smi", config.getSlurmHeader());
        assertEquals(2, config.getMinPollSeconds());
        assertEquals(30, config.getMaxPollSeconds());

        SiteDefaults defaults = config.toDefaults();
        assertEquals(List.of("module load cuda", "nvidia-smi"), defaults.header("slurm"));
        assertEquals(List.of("echo done"), defaults.footer("local"));

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("clusterSweep");
        assertEquals(toStringFromYamlFile(this, "configuration-as-code-expected.yml"), toYamlString(node));
    }

    @Test
    public void settersRefuseBadValues() {
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultMem("lots"));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultDuration("soon"));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultBackend("pbs"));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultCpus(0));
        assertThrows(IllegalArgumentException.class, () -> config.setMinPollSeconds(0));
    }

    @Test
    public void formSurvivesARoundTrip() throws Exception {
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        config.setDefaultMem("8G");
        config.setLocalHeader("echo hi");
        j.configRoundtrip();
        assertEquals("8G", ClusterSweepConfiguration.get().getDefaultMem());
        assertEquals("echo hi", ClusterSweepConfiguration.get().getLocalHeader());
    }

    @Test
    public void theFormSaysSecondsAndChecksCpusAsTheStepDoes() throws Exception {
        // Jelly read "(seconds)" in ${%...} as message arguments and dropped it from both labels.
        String page = j.createWebClient().goTo("configure").getWebResponse().getContentAsString();
        org.junit.Assert.assertTrue(page.contains("Shortest polling interval (seconds)"));
        org.junit.Assert.assertTrue(page.contains("Longest polling interval (seconds)"));
        // The shared field check, not Jenkins' generic "Not a number".
        String url = "descriptorByName/" + ClusterSweepConfiguration.class.getName() + "/checkDefaultCpus?value=-1";
        JenkinsRule.WebClient admin = j.createWebClient();
        String body = admin.getPage(new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST))
                .getWebResponse().getContentAsString();
        org.junit.Assert.assertTrue(body, body.contains("-1 is out of range: expected 1 to 4096"));
    }

    @Test
    public void onlyAdministratorsMayCheckTheForm() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        String url = "descriptorByName/" + ClusterSweepConfiguration.class.getName() + "/checkDefaultMem?value=lots";
        JenkinsRule.WebClient reader = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        assertEquals(403, reader.getPage(new WebRequest(reader.createCrumbedUrl(url), HttpMethod.POST))
                .getWebResponse().getStatusCode());
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        String body = admin.getPage(new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST))
                .getWebResponse().getContentAsString();
        org.junit.Assert.assertTrue(body, body.contains("bad memory size"));
    }
}
