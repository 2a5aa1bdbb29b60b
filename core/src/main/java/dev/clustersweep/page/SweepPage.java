package dev.clustersweep.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clustersweep.engine.SearchProgress;
import java.io.UncheckedIOException;

/**
 * What the "Cluster sweep" page of a build shows at one moment: the counts and progress bar, the
 * filter in force, and one page of the task table. The Jelly view renders it and the view's poll
 * reads {@link #toJson()}; everything in it is plain text, never HTML, and nothing is escaped here
 * (Jelly and the JSON encoder escape).
 *
 * @param now the moment (epoch seconds) durations of running tasks were measured at
 * @param search where the sweep's search stands, or null when its tasks are not sampled (or the
 *     page is of an archived table)
 */
public record SweepPage(String jobName, long now, SweepProgress progress, TaskFilter filter, TaskTable table,
        SearchProgress search) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The page as JSON, for the live-updating view; see the JSON shape test for an example. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@link #toJson()} back. A page crosses from a Jenkins agent to the controller as this
     * text: a plain String passes Jenkins' class filter, this library's records would not.
     */
    public static SweepPage fromJson(String json) {
        try {
            return JSON.readValue(json, SweepPage.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
