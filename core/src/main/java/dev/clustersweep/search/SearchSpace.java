package dev.clustersweep.search;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The parameters searched over, in the order the task receives them. Names are unique. */
public record SearchSpace(List<SearchParam> params) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SearchSpace {
        params = List.copyOf(params);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
        Set<String> names = new HashSet<>();
        for (SearchParam p : params) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter " + p.name() + " is named twice");
            }
        }
    }

    public static SearchSpace of(SearchParam... params) {
        return new SearchSpace(List.of(params));
    }

    public int size() {
        return params.size();
    }
}
