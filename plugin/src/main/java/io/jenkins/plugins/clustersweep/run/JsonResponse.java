package io.jenkins.plugins.clustersweep.run;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A JSON answer of the pages' scripts (the sweep page's poll, the results table, the trend charts'
 * models), never cached by the browser: each request asks again.
 *
 * @param body the JSON text, encoded by its maker (cells are text, never HTML)
 */
@Restricted(NoExternalUse.class)
public record JsonResponse(String body) implements HttpResponse {

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
