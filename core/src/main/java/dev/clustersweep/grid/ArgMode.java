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
