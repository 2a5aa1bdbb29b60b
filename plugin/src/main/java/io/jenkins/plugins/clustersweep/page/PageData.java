package io.jenkins.plugins.clustersweep.page;

import io.jenkins.plugins.clustersweep.run.JsonResponse;
import org.kohsuke.stapler.HttpResponse;

/**
 * The answer to the live view's poll ({@code sweep-page.js}): whether the sweep is still live, where
 * its log links point, and the page as {@code SweepPage.toJson()} made it (escaped by the JSON
 * encoder; text, never HTML). Never cached by the browser: each poll asks again.
 */
final class PageData {

    private PageData() {
    }

    static HttpResponse of(boolean live, String logBase, String logSuffix, String pageJson) {
        return new JsonResponse("{\"live\":" + live + ",\"logBase\":\"" + logBase.replace("\"", "") + "\",\"logSuffix\":\""
                + logSuffix + "\",\"page\":" + pageJson + "}");
    }
}
