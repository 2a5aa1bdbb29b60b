package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.validation.FieldChecks;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One swept parameter of the build wizard: its name ({@code --lr}, or {@code lr} in hydra mode) and
 * its values as words ({@code 0.1 0.01}; quotes keep spaces; nothing is expanded), as core's
 * {@code WizardForm.ParameterRow} and {@code ValuesText} read them.
 */
public final class ParameterRow implements Describable<ParameterRow> {

    private final String name;
    private final String values;

    @DataBoundConstructor
    public ParameterRow(String name, String values) {
        this.name = Util.fixEmptyAndTrim(name);
        this.values = Util.fixEmpty(values);
    }

    public String getName() {
        return name;
    }

    public String getValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterRow r && Objects.equals(name, r.name) && Objects.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, values);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<ParameterRow> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ParameterRow_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            return FieldValidations.of(FieldChecks.parameterName(value));
        }

        @POST
        public FormValidation doCheckValues(@QueryParameter String value, @AncestorInPath Item item) {
            FieldValidations.checkConfigure(item);
            return FieldValidations.of(FieldChecks.parameterValues(value));
        }
    }
}
