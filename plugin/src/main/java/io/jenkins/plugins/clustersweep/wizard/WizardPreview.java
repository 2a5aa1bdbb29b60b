package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.jobfile.Job;
import dev.clustersweep.validation.GridPreview;
import dev.clustersweep.validation.WizardForm;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The wizard's "Preview": the number of tasks and the first commands of the grid the form
 * describes (core's {@link GridPreview}). The wizard's script posts the form's grid fields, the
 * parameter rows as repeated {@code rowName}/{@code rowValues}.
 */
final class WizardPreview {

    private WizardPreview() {
    }

    static FormValidation of(StaplerRequest2 req) {
        String[] names = req.getParameterValues("rowName");
        String[] values = req.getParameterValues("rowValues");
        List<WizardForm.ParameterRow> rows = new ArrayList<>();
        for (int i = 0; names != null && i < names.length; i++) {
            rows.add(new WizardForm.ParameterRow(names[i], values != null && i < values.length ? values[i] : ""));
        }
        WizardForm form = new WizardForm(req.getParameter("command"), req.getParameter("jobName"), rows,
                FormSettings.lines(req.getParameter("posArgs")), req.getParameter("flags"),
                truthy(req.getParameter("tag")), req.getParameter("tagName"), req.getParameter("tagArgs"),
                truthy(req.getParameter("tagNumber")), req.getParameter("argMode"));
        GridPreview preview = GridPreview.of(form, GridPreview.DEFAULT_LIMIT);
        if (!preview.ok()) {
            return FormValidation.error(preview.error());
        }
        StringBuilder text = new StringBuilder(Messages.ClusterSweepBuilder_PreviewCount(preview.tasks()));
        for (Job job : preview.first()) {
            text.append('\n').append(job.id()).append(": ").append(job.command());
        }
        if (preview.more()) {
            text.append("\n...");
        }
        // The commands as they run, in a monospace block: escaped here, the lines kept as lines.
        return FormValidation.okWithMarkup("<pre class=\"cluster-sweep-preview-text\">"
                + hudson.Util.xmlEscape(text.toString()) + "</pre>");
    }

    private static boolean truthy(String value) {
        return value != null && (value.equals("true") || value.equals("on"));
    }
}
