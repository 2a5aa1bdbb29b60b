package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Parameters read back from the commands of a jobfile that came without a grid (onager's own). */
public class CommandParametersTest {

    @Test
    public void onagersCommandsWithATag() {
        // As onager prelaunch writes them: the tag's option is not a parameter (it differs for every task).
        Map<String, String> p = CommandParameters.parse(
                "python mnist.py --cuda --lr 0.1 --batch-size 32 --run-tag mnist_1__lr_0.1__batchsize_32",
                "mnist_1__lr_0.1__batchsize_32");
        assertEquals(Map.of("cuda", "true", "lr", "0.1", "batch-size", "32"), p);
        assertEquals(List.of("cuda", "lr", "batch-size"), List.copyOf(p.keySet()));
    }

    @Test
    public void switchesNegativeNumbersQuotesAndEquals() {
        assertEquals(Map.of("x", "-1", "name", "a b", "gpu", "true", "mode", "fast", "y", "-0.5", "v", "true"),
                CommandParameters.parse("./run --x -1 --name 'a b' --gpu --mode=fast --y -0.5 -v", ""));
        assertEquals(Map.of("msg", "it's \"here\""),
                CommandParameters.parse("echo --msg 'it'\\''s \"here\"'", ""));
    }

    @Test
    public void hydraOverridesAfterTheProgram() {
        assertEquals(Map.of("model.depth", "4", "+extra", "1", "lr", "0.1"),
                CommandParameters.parse("python train.py model.depth=4 +extra=1 lr=0.1", ""));
        // The program itself is not a parameter even with an '=' in it.
        assertEquals(Map.of(), CommandParameters.parse("A=1", ""));
    }

    @Test
    public void theArgumentsAreInTheLastSimpleCommand() {
        // onager appends them at the end of the command, whatever comes before.
        assertEquals(Map.of("lr", "0.1"), CommandParameters.parse("cd src && python t.py --lr 0.1", ""));
        assertEquals(Map.of("lr", "0.1"), CommandParameters.parse("f() { mkdir -p \"$D\"; }; f --lr 0.1", ""));
        assertEquals(Map.of("lr", "0.1"), CommandParameters.parse("python t.py --lr 0.1 # --comment 2", ""));
        assertEquals(Map.of("x", "a;b"), CommandParameters.parse("python t.py --x 'a;b'", ""));
        assertEquals(Map.of("x", "1"), CommandParameters.parse("python t.py --x 1 &", ""));
        assertEquals(List.of("a#b", "c"), CommandParameters.words("a#b c"));
    }
}
