package dev.clustersweep.search;

import java.io.Serializable;

/** One parameter of the search: the name the task receives it under, and where its values come from. */
public record SearchParam(String name, Distribution distribution) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SearchParam {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a search parameter needs a name");
        }
        if (distribution == null) {
            throw new IllegalArgumentException("search parameter " + name + " needs a distribution");
        }
    }
}
