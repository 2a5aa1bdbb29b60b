#!/usr/bin/env bash
# Cluster Sweep benchmark of `sweep search` (issue 13): on the same noisy objective of three
# parameters (bench/search_objective.py) and the same budget, the best loss found after N samples
# by our CEM and our random search (real `sweep search` runs on the local backend, one sample at a
# time), beside Optuna's default sampler (TPE, bench/search_optuna.py, in-process) and cluster_utils'
# own CEM (bench/search_cluster_utils.py, in-process, from its source folder), over several seeds, in
# the same session. Prints a Markdown table and writes it to bench/results/ (gitignored).
# Benchmarks only report.
#
# usage: bash bench/search.sh          (needs python3; Optuna from pip for its row)
# env:   BENCH_SEEDS=10                seeds per optimiser
#        BENCH_SAMPLES=60              the budget
#        CLUSTER_UTILS_SRC=DIR         cluster_utils' source folder (a clone of its public repository,
#                                      kept outside this one), for its row; needs numpy, scipy, pandas,
#                                      colorama from pip
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds=${BENCH_SEEDS:-10}
budget=${BENCH_SAMPLES:-60}
checkpoints="$((budget / 3)),$((2 * budget / 3)),$budget"
work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench-search.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$repo/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$repo/bench/results/search-$stamp.md
note() { echo "bench: $*" >&2; }

"$repo/bin/sweep" --version >/dev/null # build once, outside the runs
cp "$repo/cli/target/sweep.jar" "$work/sweep.jar"
cp "$repo/bench/search_objective.py" "$work/"

# ours OPTIMIZER SEED: one search; prints the best told value after each checkpoint.
ours() {
    local dir=$work/$1-$2
    mkdir -p "$dir"
    cat >"$dir/spec.yaml" <<YAML
command: python3 $work/search_objective.py
jobName: s
search:
  optimizer: $1
  metric: loss
  minimize: true
  samples: $budget
  parallel: 1
  seed: $2
  params:
    - {name: x, distribution: TruncatedNormal, bounds: [-5, 5]}
    - {name: lr, distribution: TruncatedLogNormal, bounds: [0.0001, 0.1]}
    - {name: opt, distribution: Discrete, options: [sgd, adam]}
YAML
    (cd "$dir" && java -XX:+UseSerialGC -jar "$work/sweep.jar" search --spec spec.yaml --backend local \
        >"$dir/out.txt" 2>&1) || { note "$1 seed $2 failed: $(tail -3 "$dir/out.txt")"; exit 1; }
    awk -v cps="$checkpoints" '
        BEGIN { n = split(cps, c, ","); best = "" }
        $1 == "tell" && $3 != "-" { told++; if (best == "" || $3 + 0 < best) best = $3 + 0
            for (i = 1; i <= n; i++) if (told == c[i]) at[i] = best }
        END { printf "%s", ENVIRON["SEED"]; for (i = 1; i <= n; i++) printf " %s", at[i]; print "" }
    ' "$dir/.sweep/s/search.log"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s)
for optimizer in cem random; do
    : >"$work/$optimizer.txt"
    for ((s = 1; s <= seeds; s++)); do
        note "$optimizer, seed $s of $seeds"
        SEED=$s ours "$optimizer" "$s" >>"$work/$optimizer.txt"
    done
done
t1=$(date +%s)
optuna=no
if python3 -c 'import optuna' 2>/dev/null; then
    note "optuna (TPE), $seeds seeds"
    (cd "$work" && python3 "$repo/bench/search_optuna.py" "$seeds" "$budget" "$checkpoints") >"$work/optuna.txt"
    optuna=$(python3 -c 'import optuna; print(optuna.__version__)')
fi
cluster_utils=no
if [ -n "${CLUSTER_UTILS_SRC:-}" ]; then
    [ -f "$CLUSTER_UTILS_SRC/src/cluster_utils/server/optimizers.py" ] || {
        note "CLUSTER_UTILS_SRC=$CLUSTER_UTILS_SRC: expected cluster_utils' source folder (with src/cluster_utils/server)"
        exit 2
    }
    note "cluster_utils' CEM, $seeds seeds"
    (cd "$work" && python3 "$repo/bench/search_cluster_utils.py" "$seeds" "$budget" "$checkpoints") \
        >"$work/cluster_utils.txt" 2>"$work/cluster_utils.err" || { note "cluster_utils: $(tail -3 "$work/cluster_utils.err")"; exit 1; }
    cluster_utils=$(git -C "$CLUSTER_UTILS_SRC" rev-parse --short HEAD 2>/dev/null || echo "its source")
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# stats FILE COLUMN: median and mean of a column over the seeds.
stats() {
    cut -d' ' -f"$2" "$1" | sort -g | awk '{v[NR] = $1; s += $1} END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f (mean %.3f)", m, s / NR }'
}
IFS=, read -r c1 c2 c3 <<<"$checkpoints"
row() { echo "| $1 | $(stats "$2" 2) | $(stats "$2" 3) | $(stats "$2" 4) |"; }
{
    echo "## sweep search benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores; load average $load_before before, $load_after after. $(java -version 2>&1 | head -1);"
    echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); Optuna: $optuna; cluster_utils: $cluster_utils."
    echo "Objective: bench/search_objective.py, (x-2)^2 + (log10(lr)+2)^2 + 0.5 unless opt is adam, plus N(0, 0.1)"
    echo "noise (its best is about 0). Best loss found after N samples, median (and mean) over $seeds seeds; ours are"
    echo "real \`sweep search\` runs on the local backend, one sample at a time ($((t1 - t0)) s for all of them)."
    echo
    echo "| Optimiser | after $c1 | after $c2 | after $c3 |"
    echo "|---|---:|---:|---:|"
    row "sweep search, cem" "$work/cem.txt"
    row "sweep search, random" "$work/random.txt"
    [ "$optuna" = no ] || row "Optuna $optuna, TPESampler (its default)" "$work/optuna.txt"
    [ "$cluster_utils" = no ] || row "cluster_utils ($cluster_utils), its CEM (Metaoptimizer)" "$work/cluster_utils.txt"
    echo
    echo "Reproduce: \`bash bench/search.sh\` (BENCH_SEEDS=$seeds BENCH_SAMPLES=$budget)"
} | tee "$out"
note "written to $out"
