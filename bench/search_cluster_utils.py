#!/usr/bin/env python3
"""cluster_utils' own CEM (its Metaoptimizer, imported from its public source in the folder
$CLUSTER_UTILS_SRC, which is never copied here) on bench/search_objective.py's loss, as
bench/search.sh runs ours: the same parameters, distributions and bounds, an elite of 5, no
restarts, one sample at a time told before the next is asked (cluster_utils' hp_optimization with
n_jobs_per_iteration 1); prints the best loss found after each checkpoint, one line per seed:
SEED BEST@N1 BEST@N2 ...

Its package's __init__ imports its job client (smart_settings and more), which the optimiser does
not use, so the package is registered without running it. Needs numpy, scipy, pandas, colorama."""
import os
import random
import sys
import types

import numpy as np
import pandas as pd

SOURCE = os.environ["CLUSTER_UTILS_SRC"]
package = types.ModuleType("cluster_utils")
package.__path__ = [os.path.join(SOURCE, "src", "cluster_utils")]
sys.modules["cluster_utils"] = package

from cluster_utils.server import distributions, optimizers  # noqa: E402

from search_objective import loss  # noqa: E402


class Ended:
    """What Metaoptimizer.tell reads of a finished job: its row of parameters and metric."""

    results_used_for_update = False

    def __init__(self, row):
        self.row = pd.DataFrame([row])

    def get_results(self):
        return self.row, None, None


def run(seed, budget):
    # cluster_utils samples from numpy's and Python's global generators.
    random.seed(seed)
    np.random.seed(seed)
    params = [
        distributions.TruncatedNormal(param="x", bounds=[-5, 5]),
        distributions.TruncatedLogNormal(param="lr", bounds=[0.0001, 0.1]),
        distributions.Discrete(param="opt", options=["sgd", "adam"]),
    ]
    cem = optimizers.Metaoptimizer(metric_to_optimize="loss", minimize=True, report_hooks=None,
                                   number_of_samples=budget, optimized_params=params,
                                   num_jobs_in_elite=5, with_restarts=False)
    values = []
    for _ in range(budget):
        sample = cem.ask()
        x, lr, opt = float(sample["x"]), float(sample["lr"]), str(sample["opt"])
        value = loss(x, lr, opt)
        values.append(value)
        cem.tell([Ended({"x": x, "lr": lr, "opt": opt, "loss": value})])
        cem.iteration += 1  # as its job manager does after each tell
    return values


if __name__ == "__main__":
    seeds, budget, checkpoints = int(sys.argv[1]), int(sys.argv[2]), [int(c) for c in sys.argv[3].split(",")]
    for seed in range(1, seeds + 1):
        values = run(seed, budget)
        print(seed, *(min(values[:n]) for n in checkpoints))
