package dev.clustersweep.settings;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.launchers.Choice;
import dev.clustersweep.launchers.LauncherFinder;
import dev.clustersweep.launchers.LaunchersFile;
import dev.clustersweep.parts.Part;
import dev.clustersweep.parts.PartSelection;
import dev.clustersweep.sweep.Snapshot;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launches of a sweep with {@link Settings#PARTS}: each part's tasks with the settings its
 * requirements chose (the sweep's settings without where and with what it runs, under the chosen
 * launcher's), then the tasks no part took with the sweep's own. Made before anything is written,
 * so a part that selects nothing or matches no launcher refuses the whole launch.
 */
public final class PartsPlan {

    /**
     * The settings a part's launcher replaces: a part's resources come from its requirements only,
     * not from the sweep's (which are for the tasks no part takes).
     */
    private static final List<Setting<?>> CHOSEN = List.of(Settings.BACKEND, Settings.CPUS, Settings.GPUS,
            Settings.MEM, Settings.DURATION, Settings.PARTITION, Settings.QOS, Settings.ACCOUNT, Settings.QUEUE,
            Settings.CONSTRAINT, Settings.REQUIRES);

    /**
     * One launch.
     *
     * @param part the part's name ({@code model=large}), or null for the tasks no part took
     * @param why the launcher chosen and its settings, or the sweep's own settings, for --dry-run
     */
    public record Launch(String part, TaskList tasks, String why, SweepSettings settings) {

        /** One line for {@code --dry-run}: the part, its task count and ids, the choice and why. */
        public String line() {
            return (part == null ? "other tasks" : "part '" + part + "'") + " (" + tasks.size() + " task"
                    + (tasks.size() == 1 ? "" : "s") + " " + tasks + "): " + why;
        }
    }

    private final List<Launch> launches;
    private final SweepSettings own;

    private PartsPlan(List<Launch> launches, SweepSettings own) {
        this.launches = List.copyOf(launches);
        this.own = own;
    }

    /**
     * The plan of {@code given}'s parts over {@code tasks}: refusals name the settings as
     * {@code caller} writes them.
     */
    static PartsPlan of(SweepSettings given, LaunchersFile launchers, PartSelection.Tasks tasks, Caller caller) {
        String shown = caller.shown(Settings.PARTS);
        List<Part> parts = new ArrayList<>();
        given.get(Settings.PARTS).forEach(text -> parts.add(Part.parse(text)));
        PartSelection.Result selection;
        try {
            selection = PartSelection.select(parts, tasks, given.taskList());
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage().replaceFirst("^bad part ", "bad " + shown + " "), e);
        }
        SweepSettings base = given;
        for (Setting<?> s : CHOSEN) {
            base = base.without(s);
        }
        List<Launch> launches = new ArrayList<>();
        for (PartSelection.Selected selected : selection.parts()) {
            Part part = selected.part();
            Choice choice;
            try {
                choice = LauncherFinder.find(launchers, part.requirements(), given.get(Settings.LAUNCHER_TAGS));
            } catch (BadInputException e) {
                throw new BadInputException("bad " + shown + " '" + part.text() + "': " + e.getMessage(), e);
            }
            launches.add(new Launch(part.name(), selected.tasks(), choice.describe(),
                    SettingsBinder.bind(choice.settings(), caller).over(base)));
        }
        SweepSettings own = given;
        if (!selection.rest().isEmpty()) {
            Choice choice = given.launcherChoice(launchers);
            own = given.withLauncher(choice, caller);
            launches.add(new Launch(null, selection.rest(), choice != null ? choice.describe()
                    : "the sweep's own settings (" + ownWords(given, caller) + ")", own));
        }
        return new PartsPlan(launches, own);
    }

    private static String ownWords(SweepSettings given, Caller caller) {
        List<String> words = new ArrayList<>();
        for (Setting<?> s : CHOSEN) {
            if (given.has(s)) {
                words.add(caller.shown(s) + " " + given.get(s));
            }
        }
        return words.isEmpty() ? "their defaults" : String.join(", ", words);
    }

    public List<Launch> launches() {
        return launches;
    }

    /**
     * The sweep's own settings: with the launcher its {@code requires} chose when some tasks take
     * them, else as given (a {@code requires} no task needs is not matched).
     */
    public SweepSettings own() {
        return own;
    }

    /** The lines {@code --dry-run} prints before the plans: one per launch. */
    public List<String> lines() {
        return launches.stream().map(Launch::line).toList();
    }

    /** Whether any launch runs on this backend. */
    public boolean uses(String backend, SiteDefaults site) {
        return launches.stream().anyMatch(l -> backend.equals(l.settings().over(site.settings()).get(Settings.BACKEND)));
    }

    /** Every launch's settings running from {@code taken} (see {@link SweepSettings#withSnapshot}). */
    public PartsPlan withSnapshot(Snapshot taken) {
        List<Launch> moved = new ArrayList<>();
        launches.forEach(l -> moved.add(new Launch(l.part(), l.tasks(), l.why(), l.settings().withSnapshot(taken))));
        return new PartsPlan(moved, own.withSnapshot(taken));
    }

    /**
     * The requests, in order: the first takes the tasks from {@code jobFile} or {@code grid} (when
     * given) into the sweep, the others the sweep's own jobfile then; a dry run, which writes no
     * jobfile, gives each the same source.
     */
    public List<LaunchRequest> requests(SiteDefaults site, Path jobFile, GridSpec grid, boolean failedOnly,
            boolean dryRun) {
        List<LaunchRequest> requests = new ArrayList<>();
        for (Launch l : launches) {
            boolean source = requests.isEmpty() || dryRun;
            requests.add(new LaunchRequest(source ? jobFile : null, source ? grid : null, l.tasks(), failedOnly,
                    l.settings().launchOptions(site), dryRun, l.part()));
        }
        return requests;
    }
}
