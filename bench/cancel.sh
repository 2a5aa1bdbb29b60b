#!/usr/bin/env bash
# Cluster Sweep benchmark of a big sweep on a real scheduler (issue 11): 200,000 tasks packed 40 to
# an array element (5,000 elements) submitted to Slurm and to Grid Engine, then, while they queue
# and the first elements run, `sweep status --summary`, a full `sweep status` to a file, and
# `sweep cancel` of all of them, each timed; then the status once the cancel is recorded. Needs the
# test cluster (bash test-cluster/up.sh). Prints a Markdown table and writes it to bench/results/
# (gitignored). Benchmarks only report.
#
# usage: bash bench/cancel.sh            (from a clone with the test cluster up)
# env:   BENCH_TASKS=200000              tasks of the sweep (a multiple of 1,000)
#        BENCH_PACK=40                   tasks per array element (--tasks-per-node)
#        BENCH_BACKENDS="slurm gridengine"
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tasks=${BENCH_TASKS:-200000}
pack=${BENCH_PACK:-40}
backends=${BENCH_BACKENDS:-slurm gridengine}
(( tasks % 1000 == 0 && tasks > 0 )) || { echo "bench: BENCH_TASKS must be a multiple of 1,000" >&2; exit 2; }
env_file=/var/tmp/cluster-sweep-test-cluster/env
[ -f "$env_file" ] || { echo "bench: no test cluster ($env_file): expected 'bash test-cluster/up.sh' first" >&2; exit 2; }
# shellcheck disable=SC1090
. "$env_file"

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench-cancel.XXXXXX")
mkdir -p "$repo/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$repo/bench/results/cancel-$stamp.md
note() { echo "bench: $*" >&2; }
"$repo/bin/sweep" --version >/dev/null # build once, outside the measurements
cp "$repo/cli/target/sweep.jar" "$work/sweep.jar"
sweep() { java -XX:+UseSerialGC -Xshare:auto -jar "$work/sweep.jar" "$@"; }
# A sweep left queued by an interrupted run is cancelled before its directory goes.
cleanup() {
    for b in $backends; do
        [ -d "$work/$b/.sweep/big" ] && (cd "$work/$b" && sweep cancel --jobname big >/dev/null 2>&1 || true)
    done
    rm -rf "$work"
}
trap cleanup EXIT

# timed LABEL CMD...: runs CMD once, prints "LABEL|seconds".
timed() {
    local label=$1 t0 t1
    shift
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    echo "$label|$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.2f", n / 1e9 }')"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
for backend in $backends; do
    mkdir -p "$work/$backend"
    cd "$work/$backend"
    sweep prelaunch +jobname big +command 'sleep 600 #' +arg --seed $(seq 1 $((tasks / 100))) \
        +arg --lr $(seq 1 100 | sed 's/^/0.00/') +q >/dev/null
    note "$backend: submitting $tasks tasks, $pack per element"
    rows+=("$backend|$(timed "submit (sweep launch)" sweep launch --backend "$backend" --jobname big --tasks-per-node "$pack" --duration 20m)")
    sleep 5 # the first elements start
    rows+=("$backend|$(timed "sweep status --summary" sweep status --jobname big --summary)")
    rows+=("$backend|$(timed "sweep status, in full to a file" sh -c "java -XX:+UseSerialGC -Xshare:auto -jar $work/sweep.jar status --jobname big > $work/$backend/status.txt || true")")
    summary=$(sweep status --jobname big --summary | head -1 || true)
    note "$backend before the cancel: $summary"
    rows+=("$backend|$(timed "sweep cancel, all tasks" sweep cancel --jobname big)")
    after=$(sweep status --jobname big --summary | head -1 || true)
    note "$backend after the cancel: $after"
    rows+=("$backend|state before the cancel|$summary")
    rows+=("$backend|state after the cancel|$after")
    # The baseline: the scheduler's own cancel of the same arrays, submitted again, called by hand
    # with every job id at once (what the sweep's cancel must at least cost).
    sweep launch --backend "$backend" --jobname big --tasks-per-node "$pack" --duration 20m >/dev/null
    sleep 5
    mapfile -t ids < <(python3 -c 'import json, sys; print("\n".join(j["jobId"] for j in json.load(open(sys.argv[1]))["jobs"]))' \
        .sweep/big/submissions/000002.json)
    if [ "$backend" = slurm ]; then
        rows+=("$backend|$(timed "baseline: scancel of the ${#ids[@]} arrays, by hand" scancel "${ids[@]}")")
    else
        rows+=("$backend|$(timed "baseline: qdel of the ${#ids[@]} arrays, by hand" qdel "${ids[@]}")")
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "## sweep cancel benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores; load average $load_before before, $load_after after. $(java -version 2>&1 | head -1);"
    echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); $tasks tasks of \`sleep 600\`, $pack per array element"
    echo "($((tasks / pack)) elements), on the test cluster's single node. One run each."
    echo
    echo "| Backend | What | Wall (s) or state |"
    echo "|---|---|---|"
    for r in "${rows[@]}"; do
        IFS='|' read -r b what value <<<"$r"
        echo "| $b | $what | $value |"
    done
    echo
    echo "Reproduce: \`bash bench/cancel.sh\` (BENCH_TASKS=$tasks BENCH_PACK=$pack)"
} | tee "$out"
note "written to $out"
