package io.jenkins.plugins.clustersweep.page;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The answer to the live view's poll ({@code sweep-page.js}): whether the sweep is still live, where
 * its log links point, and the page as {@code SweepPage.toJson()} made it (escaped by the JSON
 * encoder; text, never HTML). Never cached by the browser: each poll asks again.
 */
final class PageData implements HttpResponse {

    private final String body;

    PageData(boolean live, String logBase, String logSuffix, String pageJson) {
        this.body = "{\"live\":" + live + ",\"logBase\":\"" + logBase.replace("\"", "") + "\",\"logSuffix\":\""
                + logSuffix + "\",\"page\":" + pageJson + "}";
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-cache");
        PrintWriter w = rsp.getWriter();
        w.print(body);
        w.flush();
    }
}
