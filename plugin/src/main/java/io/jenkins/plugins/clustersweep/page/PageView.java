package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.page.SweepPage;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What the sweep page's index.jelly shows ({@link SweepAction#getView()}).
 *
 * @param page the page, or null
 * @param error why there is no page
 */
@Restricted(NoExternalUse.class)
public record PageView(SweepPage page, String error) {
}
