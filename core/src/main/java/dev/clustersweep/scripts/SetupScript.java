package dev.clustersweep.scripts;

import dev.clustersweep.shell.ShellQuote;
import java.nio.file.Path;
import java.util.List;

/**
 * The bash text of an {@link EnvironmentSetup}, for the set-up and footer slots of wrapper.sh. The
 * user's header and footer are embedded as one quoted string each and run with {@code eval}, so
 * that whatever they contain, wrapper.sh itself always parses, and a syntax error in them is a
 * failed set-up rather than a wrapper that dies without an end record.
 */
final class SetupScript {

    private static final String FAIL_ON_ERROR = "trap '_sw_fail_setup $? \"$BASH_COMMAND\"' ERR";

    private SetupScript() {
    }

    static String setup(EnvironmentSetup setup, Path workDir) {
        StringBuilder out = new StringBuilder();
        if (!setup.header().isEmpty()) {
            out.append("# header: the user's shell text; a command failing as under `set -e` fails the set-up\n");
            comment(out, setup.header());
            out.append("_sw_phase='header'\n")
                    .append(FAIL_ON_ERROR).append('\n')
                    .append("eval ").append(ShellQuote.quote(String.join("\n", setup.header()))).append('\n')
                    .append("trap - ERR\n");
        }
        if (setup.venv() != null) {
            String venv = workDir.resolve(setup.venv()).normalize().toString();
            out.append("_sw_phase='venv'\n")
                    .append("_sw_venv=").append(ShellQuote.quote(venv)).append('\n')
                    .append("[[ -f $_sw_venv/bin/activate ]] || _sw_fail_setup 1 \"--venv: $_sw_venv/bin/activate does not exist\"\n")
                    .append("source \"$_sw_venv/bin/activate\" || _sw_fail_setup $? \"source $_sw_venv/bin/activate\"\n");
        }
        if (setup.conda() != null) {
            out.append("_sw_phase='conda'\n")
                    .append("_sw_conda=").append(ShellQuote.quote(setup.conda())).append('\n')
                    .append("command -v conda >/dev/null ||\n")
                    .append("    _sw_fail_setup 127 \"--conda $_sw_conda: conda is not on the PATH (load it in the header, e.g. module load anaconda)\"\n")
                    .append("_sw_conda_hook=$(conda shell.bash hook) || _sw_fail_setup $? 'conda shell.bash hook'\n")
                    .append("eval \"$_sw_conda_hook\" || _sw_fail_setup $? 'conda shell.bash hook'\n")
                    .append("conda activate \"$_sw_conda\" || _sw_fail_setup $? \"conda activate $_sw_conda\"\n");
        }
        if (!setup.header().isEmpty() || setup.venv() != null || setup.conda() != null) {
            // Shell code ran in this shell: its functions, unexported variables and shopt settings
            // (conda's function, venv's deactivate) must not reach the command in the local pool
            // when a cluster's `bash -c` would not show them, so the command gets a bash of its own.
            out.append("_sw_own_bash=1\n");
        }
        if (!setup.env().isEmpty()) {
            out.append("_sw_phase='environment'\n").append(FAIL_ON_ERROR).append('\n');
            setup.env().forEach((key, value) -> out.append("export ").append(EnvironmentSetup.checkName(key))
                    .append('=').append(ShellQuote.quote(value)).append('\n'));
            out.append("trap - ERR\n");
        }
        if (out.length() == 0) {
            out.append("# (no header, venv, conda or environment)\n");
        }
        return out.toString();
    }

    static String footer(EnvironmentSetup setup) {
        if (setup.footer().isEmpty()) {
            return "# (no footer)\n";
        }
        StringBuilder out = new StringBuilder("# footer: the user's shell text\n");
        comment(out, setup.footer());
        return out.append("eval ").append(ShellQuote.quote(String.join("\n", setup.footer())))
                .append(" || _sw_say \"the footer failed (exit $?)\"\n").toString();
    }

    /** The user's lines as comments, so that the rendered script reads as what it does. */
    private static void comment(StringBuilder out, List<String> lines) {
        for (String line : lines) {
            for (String part : line.split("\n", -1)) {
                out.append("#   ").append(part.replace('\r', ' ')).append('\n');
            }
        }
    }
}
