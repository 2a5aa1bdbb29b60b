package dev.clustersweep.launchers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local machine as a launcher: its cores, and its memory from {@code /proc/meminfo} when there is one. */
public final class LocalDescription {

    private static final Pattern TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB");

    private LocalDescription() {
    }

    public static Launcher launcher(int cores, String meminfo) {
        Matcher m = TOTAL.matcher(meminfo == null ? "" : meminfo);
        String mem = m.find() ? Long.parseLong(m.group(1)) / 1024 + "M" : null;
        return new Launcher("local", "local", 0, List.of("local"), null, null, List.of(), null, List.of(),
                List.of(new NodeGroup(List.of(), cores, mem, 0, null, List.of())), List.of(), null);
    }

    public static Launcher ofThisMachine() {
        String meminfo;
        try {
            meminfo = Files.readString(Path.of("/proc/meminfo"));
        } catch (IOException e) {
            meminfo = null; // memory then unknown, so not checked
        }
        return launcher(Runtime.getRuntime().availableProcessors(), meminfo);
    }
}
