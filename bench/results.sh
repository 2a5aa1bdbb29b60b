#!/usr/bin/env bash
# Cluster Sweep benchmark of `sweep results` and `sweep report` (issue 12): a finished 100,000-task
# sweep whose tasks wrote metrics (10 steps of a learning curve and 2 final values each), summarised
# by `sweep results` beside a plain Python script reading the same files (bench/results_ref.py), and
# drawn by `sweep report` beside `sweep results` on the same selection, in the same session.
# Prints a Markdown table and writes it to bench/results/ (gitignored). Benchmarks only report.
#
# usage: bash bench/results.sh        (from a fresh clone; builds the command line when needed)
# env:   BENCH_RUNS=3                 runs per measurement (the table shows the median wall time)
#        BENCH_TASKS=100000           tasks of the sweep (a multiple of 1,000)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sweep=$repo/bin/sweep
runs=${BENCH_RUNS:-3}
tasks=${BENCH_TASKS:-100000}
(( tasks % 1000 == 0 && tasks > 0 )) || { echo "bench: BENCH_TASKS must be a multiple of 1,000" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench-results.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$repo/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$repo/bench/results/results-$stamp.md
note() { echo "bench: $*" >&2; }
command -v python3 >/dev/null || { note "python3 is needed for the baseline"; exit 1; }
time_bin=/usr/bin/time
"$time_bin" -f %M true 2>/dev/null || time_bin=''

"$sweep" --version >/dev/null # build once, outside the measurements

# --- the sweep: 100 learning rates x 2 batch sizes x (tasks / 200) seeds, launched and finished ---
note "building a finished sweep of $tasks tasks in $work (not timed)"
cd "$work"
mapfile -t lrs < <(seq 1 100 | sed 's/^/0.00/')
mapfile -t seeds < <(seq 1 $((tasks / 200)))
"$sweep" prelaunch +jobname big +command 'python train.py' +arg --lr "${lrs[@]}" \
    +arg --batch-size 32 64 +arg --seed "${seeds[@]}" +tag --run-tag +q
python3 - "$work/.sweep/big" "$tasks" <<'EOF'
# What a local launch leaves when every task has ended: a submission record (of a launcher long
# gone), each task's start and end records, and the metrics each task appended to $SWEEP_METRICS.
import json, os, random, sys
root, tasks = sys.argv[1], int(sys.argv[2])
random.seed(12)
for sub in ("submissions", "status", "metrics"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
record = {"number": 1, "backend": "local", "submittedAtMillis": 1700000000000, "tasks": f"1-{tasks}",
          "launcher": {"host": "bench-host-gone", "pid": 1, "startedAtMillis": 1, "instance": "bench"},
          "jobs": [{"jobId": "local", "tasks": f"1-{tasks}", "offset": 0, "groupSize": 1}]}
with open(os.path.join(root, "submissions", "000001.json"), "w") as f:
    json.dump(record, f)
for i in range(1, tasks + 1):
    with open(f"{root}/status/{i}.1.start", "w") as f:
        f.write(f"submission=1\njob=local\nhost=bench-host-gone\npid={100000 + i}\nstart=1700000000\n")
    with open(f"{root}/status/{i}.1.end", "w") as f:
        f.write(f"exit={1 if i % 50 == 0 else 0}\nend=1700000060\nreason=exit\n")
    loss = random.random()
    with open(f"{root}/metrics/{i}.1.txt", "w") as f:
        for step in range(10):
            f.write(f"loss@{step * 100}={loss + (10 - step) * 0.1:.6f}\n")
        f.write(f"loss={loss:.6f}\naccuracy={1 - loss:.6f}\n")
        if i % 1000 == 0:
            f.write("loss = not a number\n")
EOF
du -sh "$work/.sweep/big" | awk '{print "bench: sweep directory " $1}' >&2

# --- measurements ------------------------------------------------------------------------------
now_ns() { date +%s%N; }
mkdir -p "$work/m"
# measure ID CMD...: one run, stdout to $work/m/ID.out, "wall_s rss_kb" appended to $work/m/ID.
measure() {
    local id=$1 t0 t1 rss=n/a
    shift
    t0=$(now_ns)
    if [ -n "$time_bin" ]; then
        "$time_bin" -f %M -o "$work/m/$id.rss" "$@" >"$work/m/$id.out" 2>"$work/m/$id.err"
        rss=$(tail -1 "$work/m/$id.rss")
    else
        "$@" >"$work/m/$id.out" 2>"$work/m/$id.err"
    fi
    t1=$(now_ns)
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $rss" >>"$work/m/$id"
}
median() { sort -n "$work/m/$1" | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'; }
max_rss() { awk '$2 != "n/a" && $2 > m {m = $2} END {print m ? int(m / 1024) : "n/a"}' "$work/m/$1"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dir=$work/.sweep/big
"$sweep" status --jobname big --summary >/dev/null || true # writes status.cache (docs/layout.md), not timed
for ((r = 1; r <= runs; r++)); do
    note "round $r of $runs"
    # Interleaved, so that a change of load hits each alike. Cold: without status.cache, as the
    # first status after the tasks ended reads every record (the cache is written again each time).
    cp "$dir/status.cache" "$work/status.cache"
    rm "$dir/status.cache"
    measure sweep-status-cold "$sweep" status --jobname big --summary || true
    rm "$dir/status.cache"
    measure sweep-top-cold "$sweep" results --jobname big --metric loss --top 10 --format csv
    cp "$work/status.cache" "$dir/status.cache"
    measure py-top python3 "$repo/bench/results_ref.py" "$dir" loss 10
    measure sweep-top "$sweep" results --jobname big --metric loss --top 10 --format csv
    measure py-over python3 "$repo/bench/results_ref.py" "$dir" loss 10 --over seed
    measure sweep-over "$sweep" results --jobname big --metric loss --over seed --top 10 --format csv
    measure sweep-all "$sweep" results --jobname big --format csv
    measure sweep-report "$sweep" report --jobname big --metric loss --over seed -o "$work/m/report.html"
    measure sweep-status "$sweep" status --jobname big --summary || true # exit 1: some tasks failed
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The two agree on the best tasks (ids) and configurations (parameters and counts).
same_top=no
[ "$(cut -d, -f1 "$work/m/py-top.out")" = "$(cut -d, -f1 "$work/m/sweep-top.out")" ] && same_top=yes
same_over=no
[ "$(tail -n +2 "$work/m/py-over.out" | cut -d, -f1-3)" = "$(tail -n +2 "$work/m/sweep-over.out" | cut -d, -f1-2,5)" ] &&
    same_over=yes

ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN {printf "%.2f", a / b}'; }
row() { echo "| $1 | $2 | $(median "$3") | $(max_rss "$3") | $4 |"; }
{
    echo "## sweep results benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average $load_before before, $load_after after."
    echo "$(java -version 2>&1 | head -1); $(python3 --version 2>&1); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')."
    echo "A finished sweep of $tasks tasks: per task a start and an end record and a metrics file of 12 lines"
    echo "(one task in 50 failed, one in 1,000 has a bad line). Wall time of the whole command (JVM start"
    echo "included), median of $runs runs; RSS the largest (GNU time). Ratio: sweep over Python (below 1 is faster)."
    echo "Every row but the two marked 'without' runs with the sweep's status.cache in place, as any status after"
    echo "the first finds it."
    echo
    echo "| What | Tool | Wall (s, median) | Max RSS (MB) | Ratio |"
    echo "|---|---|---:|---:|---:|"
    row "best 10 by loss" "baseline: bench/results_ref.py" py-top "1.00 (baseline)"
    row "best 10 by loss" "sweep results --metric loss --top 10 --format csv" sweep-top "$(ratio sweep-top py-top)"
    row "mean/sd/count over seed, best 10 configurations" "baseline: bench/results_ref.py --over seed" py-over "1.00 (baseline)"
    row "mean/sd/count over seed, best 10 configurations" "sweep results --metric loss --over seed --top 10" sweep-over "$(ratio sweep-over py-over)"
    row "every task, every metric, as CSV" "sweep results --format csv" sweep-all "—"
    row "the HTML report over seed (ratio: over sweep results --over seed)" "sweep report --metric loss --over seed" \
        sweep-report "$(ratio sweep-report sweep-over)"
    row "the states alone" "sweep status --summary" sweep-status "—"
    row "the states alone, without status.cache (ratio: over with it)" "sweep status --summary" sweep-status-cold \
        "$(ratio sweep-status-cold sweep-status)"
    row "best 10 by loss, without status.cache (ratio: over with it)" "sweep results --metric loss --top 10" \
        sweep-top-cold "$(ratio sweep-top-cold sweep-top)"
    echo
    echo "- Same best 10 task ids: $same_top; same configurations and counts over seed: $same_over."
    echo "- The report: $(( $(wc -c <"$work/m/report.html") / 1024 )) KiB, $(grep -o '<[a-z]' "$work/m/report.html" | wc -l) elements."
    echo
    echo "Reproduce: \`bash bench/results.sh\` (BENCH_RUNS=$runs BENCH_TASKS=$tasks)"
} | tee "$out"
note "written to $out"
