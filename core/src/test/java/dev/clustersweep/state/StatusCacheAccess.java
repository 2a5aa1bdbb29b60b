package dev.clustersweep.state;

/** For tests of other packages: a whole status.cache, as the engine writes it. */
public final class StatusCacheAccess {

    private StatusCacheAccess() {
    }

    public static String wholeEmptyCache(String run) {
        return StatusCache.lines(StatusCache.Contents.empty(run)).finish();
    }
}
