import dev.clustersweep.engine.Sweep;
import dev.clustersweep.page.PageActions;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.TaskFilter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The build page's poll of a sweep, as a Jenkins agent answers it (SweepCallables.Page): open the
 * sweep, its status, one page of 100 rows as JSON, in a JVM that stays up (the agent's). Run by
 * bench/status.sh as {@code java -cp sweep.jar bench/PagePoll.java WORKDIR JOBNAME POLLS}; prints the
 * median and the slowest of the polls after 3 unmeasured ones, in seconds, and the JSON's length.
 */
public final class PagePoll {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String job = args[1];
        int polls = Integer.parseInt(args[2]);
        double[] seconds = new double[polls];
        int length = 0;
        for (int i = -3; i < polls; i++) {
            long t0 = System.nanoTime();
            String json = PageActions.existing(Sweep.open(work, job)).page(TaskFilter.all(), new PageRequest(1, 100))
                    .toJson();
            long t1 = System.nanoTime();
            length = json.length();
            if (i >= 0) {
                seconds[i] = (t1 - t0) / 1e9;
            }
        }
        Arrays.sort(seconds);
        System.out.printf("%.3f %.3f %d%n", seconds[polls / 2], seconds[polls - 1], length);
    }
}
