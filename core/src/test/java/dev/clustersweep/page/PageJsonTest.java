package dev.clustersweep.page;

import static dev.clustersweep.page.Tasks.task;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The JSON the live view polls: its shape, and text left as text. */
public class PageJsonTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    public void shape() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "demo");
        JobFile.write(dir.jobFile(), LongStream.rangeClosed(1, 3)
                .mapToObj(id -> new Job(id, "c", id == 2 ? "<b>bold</b> & \"q\"" : "t" + id)).iterator());
        Files.createDirectories(dir.logsDir());
        Files.writeString(dir.stdout(2, 1), "x");
        SweepStatus status = new SweepStatus("demo", List.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.FAILED),
                task(3, TaskState.PENDING)), 2);
        String json = new SweepPages(dir).page(status, TaskFilter.all(), new PageRequest(1, 10), 1200).toJson();
        JsonNode root = new ObjectMapper().readTree(json);

        assertEquals(List.of("jobName", "now", "progress", "filter", "table", "search"), names(root));
        assertEquals("demo", root.get("jobName").asText());
        assertTrue("no search: its tasks are not sampled", root.get("search").isNull());
        JsonNode progress = root.get("progress");
        assertEquals(List.of("total", "launched", "notLaunched", "finished", "active", "unsuccessful", "live",
                "finishedPercent", "states", "notLaunchedFraction", "notLaunchedPercent"), names(progress));
        assertEquals(5, progress.get("total").asLong());
        assertTrue(progress.get("live").asBoolean());
        assertEquals(8, progress.get("states").size());
        JsonNode failed = progress.get("states").get(TaskState.FAILED.ordinal());
        assertEquals(List.of("state", "count", "fraction", "percent"), names(failed));
        assertEquals("FAILED", failed.get("state").asText());
        assertEquals(1, failed.get("count").asLong());
        assertEquals(20, failed.get("percent").asInt());
        assertEquals(0.2, failed.get("fraction").asDouble(), 1e-12);

        assertEquals(List.of("states", "text"), names(root.get("filter")));
        assertEquals("all", root.get("filter").get("text").asText());

        JsonNode table = root.get("table");
        assertEquals(List.of("page", "pageSize", "totalPages", "matching", "firstRow", "lastRow", "rows"),
                names(table));
        JsonNode row = table.get("rows").get(1);
        assertEquals(List.of("id", "tag", "state", "exitCode", "attempts", "attempt", "submission", "host",
                "durationSeconds", "duration", "detail", "logs"), names(row));
        // Plain text: the view escapes it, so it must arrive exactly as in jobs.json.
        assertEquals("<b>bold</b> & \"q\"", row.get("tag").asText());
        assertFalse(json.contains("&amp;"));
        assertFalse(json.contains("&lt;"));
        assertEquals(3, row.get("exitCode").asInt());
        assertEquals("10s", row.get("duration").asText());
        JsonNode link = row.get("logs").get(0);
        assertEquals(List.of("taskId", "attempt", "stream", "relativePath", "exists"), names(link));
        assertEquals("STDOUT", link.get("stream").asText());
        assertEquals("logs/2.1.out", link.get("relativePath").asText());
        assertTrue(link.get("exists").asBoolean());
        assertFalse(row.get("logs").get(1).get("exists").asBoolean());
        JsonNode pending = table.get("rows").get(2);
        assertTrue(pending.get("exitCode").isNull());
        assertTrue(pending.get("duration").isNull());
        assertEquals(0, pending.get("logs").size());
    }
}
