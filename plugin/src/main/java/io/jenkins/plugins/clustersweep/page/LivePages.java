package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.TaskFilter;
import hudson.FilePath;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;

/**
 * The pages of a sweep while its build runs, built on the agent that holds the sweep directory (one
 * agent call per page; only its rows come back) and kept for {@link #CACHE_MILLIS}, so that many
 * viewers cost one scheduler poll. The last {@link #ENTRIES} pages asked are kept.
 */
final class LivePages {

    /** How long a live page may be served from the cache. */
    static final long CACHE_MILLIS = SystemProperties.getLong(SweepAction.class.getName() + ".CACHE_MILLIS", 3_000L);
    /** Limit on one agent call of the page. */
    static final long AGENT_CALL_SECONDS = 30;
    private static final int ENTRIES = 32;

    private record Cached(long at, SweepPage page) {
    }

    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > ENTRIES;
        }
    });

    /** The page, from the cache or from the agent that holds {@code workDir}. */
    SweepPage get(FilePath workDir, String jobName, TaskFilter filter, PageRequest request)
            throws IOException, InterruptedException {
        String key = filter.text() + "|" + request.page() + "|" + request.size();
        Cached hit = cache.get(key);
        long now = System.currentTimeMillis();
        if (hit != null && now - hit.at() < CACHE_MILLIS) {
            return hit.page();
        }
        String json;
        try (Timeout timeout = Timeout.limit(AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            json = workDir.act(new SweepCallables.Page(jobName, filter.text(), request.page(), request.size()));
        }
        SweepPage page = SweepPage.fromJson(json);
        cache.put(key, new Cached(now, page));
        return page;
    }

    /** After a cancel from the page: the next page is asked afresh. */
    void clear() {
        cache.clear();
    }
}
