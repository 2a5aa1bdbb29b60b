#!/usr/bin/env python3
"""Optuna's default sampler (TPE) on bench/search_objective.py's loss, as bench/search.sh runs
ours: the same parameters and bounds, the given budget, one trial at a time; prints the best
loss found after each checkpoint, one line per seed: SEED BEST@N1 BEST@N2 ..."""
import sys

import optuna

from search_objective import loss

optuna.logging.set_verbosity(optuna.logging.WARNING)


def run(seed, budget):
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    values = []

    def objective(trial):
        x = trial.suggest_float("x", -5, 5)
        lr = trial.suggest_float("lr", 1e-4, 0.1, log=True)
        opt = trial.suggest_categorical("opt", ["sgd", "adam"])
        value = loss(x, lr, opt)
        values.append(value)
        return value

    study.optimize(objective, n_trials=budget)
    return values


if __name__ == "__main__":
    seeds, budget, checkpoints = int(sys.argv[1]), int(sys.argv[2]), [int(c) for c in sys.argv[3].split(",")]
    for seed in range(1, seeds + 1):
        values = run(seed, budget)
        print(seed, *(min(values[:n]) for n in checkpoints))
