package dev.clustersweep.shell;

import static org.junit.Assert.assertEquals;

import dev.clustersweep.backend.CommandRunner;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class ShellQuoteJoinIT {

    @Test
    public void eachWordIsQuotedAndJoinedBySpaces() {
        assertEquals("", ShellQuote.join(List.of()));
        assertEquals("sbatch --array=1-5%2 /w/x.sh", ShellQuote.join(List.of("sbatch", "--array=1-5%2", "/w/x.sh")));
        assertEquals("echo '' 'a b' 'it'\\''s' $'x\\ny'", ShellQuote.join(List.of("echo", "", "a b", "it's", "x\ny")));
    }

    @Test
    public void bashReadsTheWordsBack() {
        List<String> words = List.of("printf", "%s|", "", "a b", "it's", "x\ny", "$HOME", "*", "tab\there", "é ü");
        CommandRunner.Result r = new CommandRunner(Duration.ofSeconds(10)).run(List.of("bash", "-c",
                ShellQuote.join(words)));
        assertEquals(r.message(), 0, r.exitCode());
        assertEquals(String.join("|", words.subList(2, words.size())) + "|", r.stdout());
    }
}
