package dev.clustersweep.cli;

import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = {"List the sweeps here, or with --jobname the launched tasks of one sweep:",
        "scheduler job id, task id, command and tag (as onager list)."})
final class ListCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--jobname", paramLabel = "NAME", description = "List this sweep's launched tasks.")
    String jobName;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = Path.of("").toAbsolutePath();
        if (jobName == null) {
            listSweeps(workDir, out);
        } else {
            listTasks(new SweepDirectory(workDir, jobName), out);
        }
        return 0;
    }

    private static void listSweeps(Path workDir, PrintWriter out) throws Exception {
        Path root = workDir.resolve(SweepDirectory.ROOT);
        if (!Files.isDirectory(root)) {
            out.println("no sweeps here (.sweep/ does not exist)");
            return;
        }
        out.printf("%-24s  %8s  %11s  %-10s%n", "jobname", "tasks", "submissions", "backend");
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                SweepDirectory sweep = new SweepDirectory(workDir, d.getFileName().toString());
                List<Submission> submissions = new SweepRecords(sweep).submissions();
                String tasks = Files.exists(sweep.jobFile()) ? Long.toString(JobFile.ids(sweep.jobFile()).size()) : "-";
                String backend = submissions.isEmpty() ? "-" : submissions.get(submissions.size() - 1).backend();
                out.printf("%-24s  %8s  %11d  %-10s%n", sweep.jobName(), tasks, submissions.size(), backend);
            }
        }
    }

    private static void listTasks(SweepDirectory sweep, PrintWriter out) throws Exception {
        List<SweepRecords.Holding> holdings = SweepRecords.holdings(new SweepRecords(sweep).submissions());
        out.println("job_id\ttask_id\tjobname\tcommand\ttag");
        try (var it = JobFile.open(sweep.jobFile())) {
            while (it.hasNext()) {
                Job job = it.next();
                for (SweepRecords.Holding h : holdings) {
                    if (h.tasks().contains(job.id())) {
                        SchedulerJob sj = h.submission().jobOf(job.id());
                        out.println((sj == null ? "-" : sj.jobId()) + "\t" + job.id() + "\t" + sweep.jobName() + "\t"
                                + job.command() + "\t" + job.tag());
                    }
                }
            }
        }
    }
}
