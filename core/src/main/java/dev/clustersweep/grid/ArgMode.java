package dev.clustersweep.grid;

/** How a swept argument is joined to its value in a task's command, as onager's {@code +arg-mode}. */
public enum ArgMode {
    /** {@code --lr 0.1}: name and value are two words. */
    ARGPARSE(" "),
    /** {@code lr=0.1}: one word, as Hydra overrides expect. */
    HYDRA("=");

    private final String separator;

    ArgMode(String separator) {
        this.separator = separator;
    }

    public String separator() {
        return separator;
    }

    /**
     * A swept argument's name as it goes into a command: {@code lr} is {@code --lr} in argparse mode;
     * names that start with '-' and Hydra names stay as they are. Every caller that takes bare names
     * (a Pipeline map, a spec file, the build wizard) goes through here, so a preview shows what runs.
     */
    public String optionName(String name) {
        if (this == ARGPARSE && !name.isEmpty() && !name.startsWith("-")) {
            return "--" + name;
        }
        return name;
    }

    /** The mode named as on onager's command line ({@code argparse} or {@code hydra}). */
    public static ArgMode named(String name) {
        return switch (name) {
            case "argparse" -> ARGPARSE;
            case "hydra" -> HYDRA;
            default -> throw new dev.clustersweep.BadInputException(
                    "bad arg mode '" + name + "': expected argparse or hydra");
        };
    }
}
