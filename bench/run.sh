#!/usr/bin/env bash
# Cluster Sweep benchmark: prelaunch (40,000 and 1,000,000 tagged tasks) and the local backend
# (2,000 trivial tasks), each beside a baseline run in the same session on the same machine.
# Prints a Markdown table and writes it to bench/results/ (gitignored). Benchmarks only report.
#
# usage: bash bench/run.sh            (from a fresh clone; builds the command line when needed)
# env:   BENCH_RUNS=3                 runs per measurement (the table shows the median wall time)
#        BENCH_LOCAL_TASKS=2000       tasks of the local-backend part
#        BENCH_SKIP_ONAGER=1          do not run onager even if its mirror is on this machine
#        BENCH_SKIP_VFORK=1           skip the launch with -Djdk.lang.Process.launchMechanism=VFORK
#        ONAGER_REPO=PATH             a git directory of onager's public source (optional; never copied in)
# shellcheck disable=SC2016 # bash -c scripts take their values as arguments, on purpose
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sweep=$repo/bin/sweep
runs=${BENCH_RUNS:-3}
local_tasks=${BENCH_LOCAL_TASKS:-2000}
onager_repo=${ONAGER_REPO:-}
java_opts_base="-XX:+UseSerialGC -Xshare:auto" # bin/sweep's default before issue 12 (now also TieredStopAtLevel=1); SWEEP_JAVA_OPTS replaces it
export SWEEP_JAVA_OPTS="$java_opts_base -Xmx256m"

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$repo/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$repo/bench/results/bench-$stamp.md

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------
time_bin=/usr/bin/time
if ! "$time_bin" -f %M true 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        note "installing GNU time (apt-get install -y time)"
        apt-get install -y -qq time >/dev/null 2>&1 || true
    fi
    "$time_bin" -f %M true 2>/dev/null || time_bin=''
fi
[ -n "$time_bin" ] || note "GNU time missing: max RSS is reported as n/a"
command -v python3 >/dev/null || die "python3 is needed for the baseline generator"
command -v xargs >/dev/null || die "xargs is needed for the local-backend baseline"

# Build once, outside the measurements.
"$sweep" --version >/dev/null || die "bin/sweep does not run"

now_ns() { date +%s%N; }

# measure ID: runs "$@" once with stdout to /dev/null, stderr to a log; appends "wall_s rss_kb" to
# $work/m/ID. The command's exit status is kept in $work/m/ID.rc (the last run's).
measure_once() {
    local id=$1
    shift
    mkdir -p "$work/m"
    local t0 t1 rc=0
    t0=$(now_ns)
    if [ -n "$time_bin" ]; then
        "$time_bin" -f %M -o "$work/m/$id.rss" "$@" >/dev/null 2>>"$work/m/$id.err" || rc=$?
    else
        "$@" >/dev/null 2>>"$work/m/$id.err" || rc=$?
    fi
    t1=$(now_ns)
    local rss=n/a
    [ -n "$time_bin" ] && rss=$(grep -E '^[0-9]+$' "$work/m/$id.rss" | tail -1)
    echo "$(((t1 - t0) / 1000000)) ${rss:-n/a}" >>"$work/m/$id"
    echo "$rc" >"$work/m/$id.rc"
}

measure_checked() { # measure_checked ID CMD...: once; fails the bench on an exit status above $ok_rc (0)
    local id=$1
    measure_once "$@"
    [ "$(cat "$work/m/$id.rc")" -le "${ok_rc:-0}" ] || { cat "$work/m/$id.err" >&2; die "$id failed: $(echo "${*:2}" | cut -c1-200)"; }
}
measure() { # measure ID CMD...: BENCH_RUNS times in a row
    local i
    for ((i = 0; i < runs; i++)); do measure_checked "$@"; done
}

median_ms() { awk '{print $1}' "$work/m/$1" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
max_rss_mb() { awk '$2 != "n/a" {if ($2 > m) m = $2; f = 1} END {if (f) printf "%.0f", m / 1024; else print "n/a"}' "$work/m/$1"; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
count() { wc -l <"$work/m/$1" | tr -d ' '; }

rows=()
row() { rows+=("$1"); } # one Markdown table row

# row_for ID WHAT TOOL BASE_ID: a table row with the median, runs, max RSS and ratio to BASE_ID.
row_for() {
    local id=$1 what=$2 tool=$3 base=${4:-} r='1.00 (baseline)'
    local ms
    ms=$(median_ms "$id")
    if [ "$base" = '-' ]; then
        r='—'
    elif [ -n "$base" ]; then
        r=$(ratio "$ms" "$(median_ms "$base")")
    fi
    row "| $what | $tool | $(secs "$ms") | $(count "$id") | $(max_rss_mb "$id") | $r |"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
note "work dir $work; $runs run(s) per measurement; load $load_before"

# --- 0. JVM start ------------------------------------------------------------------------------
measure jvm "$sweep" --version
measure py python3 -c pass

# --- 1. prelaunch ------------------------------------------------------------------------------
# onager, only when its mirror is here: exported to a temp dir, with a stub tabulate module.
onager=''
if [ -z "${BENCH_SKIP_ONAGER:-}" ] && [ -d "$onager_repo" ]; then
    mkdir -p "$work/onager/stub"
    if git --git-dir="$onager_repo" archive HEAD 2>/dev/null | tar -x -C "$work/onager"; then
        echo 'def tabulate(*args, **kwargs): return ""' >"$work/onager/stub/tabulate.py"
        onager=$work/onager
    else
        note "could not export onager from $onager_repo: skipping it"
    fi
fi
# Commands run in a directory with `env -C` (GNU time runs programs, not shell functions).

checks=()
prelaunch_grid() { # prelaunch_grid LABEL N_PER_ARG ARGNAMES...
    local label=$1 n=$2
    shift 2
    local vals csv sweep_args=() ref_args=() name
    vals=$(seq 1 "$n")
    csv=$(seq -s, 1 "$n")
    for name in "$@"; do
        # shellcheck disable=SC2206 # the values are plain integers
        sweep_args+=(+arg "$name" $vals)
        ref_args+=("$name=$csv")
    done
    local d=$work/pre-$label
    mkdir -p "$d/s" "$d/r" "$d/o"
    local mode i
    for mode in quiet print; do
        local q=() qref=0
        [ $mode = quiet ] && q=(+quiet) && qref=1
        # Runs interleaved (baseline, sweep, onager, baseline, ...) so a change in the machine's load
        # hits all of them alike.
        for ((i = 0; i < runs; i++)); do
            measure_checked "pre-$label-$mode-ref" python3 "$repo/bench/refgen.py" x "$d/r/jobs.json" $qref echo "${ref_args[@]}"
            measure_checked "pre-$label-$mode-sweep" env -C "$d/s" "$sweep" prelaunch +jobname x +command echo "${sweep_args[@]}" +tag "${q[@]}"
            # onager needs ~8 s and ~450 MB for a million tasks: once, quiet only.
            if [ -n "$onager" ] && { [ "$label" != 1m ] || { [ $mode = quiet ] && [ "$i" = 0 ]; }; }; then
                mkdir -p "$d/o/.onager" # onager asks before making it
                measure_checked "pre-$label-$mode-onager" env -C "$d/o" PYTHONPATH="$onager:$onager/stub" \
                    python3 "$onager/bin/onager" prelaunch +jobname x +command echo "${sweep_args[@]}" +tag "${q[@]}"
            fi
        done
    done
    # The baseline must produce the same file: otherwise the ratio compares different work.
    if cmp -s "$d/s/.sweep/x/jobs.json" "$d/r/jobs.json"; then
        checks+=("$label: sweep's jobs.json is byte-identical to the baseline's ($(stat -c %s "$d/s/.sweep/x/jobs.json") bytes)")
    else
        die "$label: sweep's jobs.json differs from the baseline's"
    fi
    if [ -n "$onager" ]; then
        if cmp -s "$d/s/.sweep/x/jobs.json" "$d/o/.onager/scripts/x/jobs.json"; then
            checks+=("$label: sweep's jobs.json is byte-identical to onager's")
        else
            checks+=("$label: sweep's jobs.json DIFFERS from onager's")
        fi
    fi
}
note "prelaunch 40,000 tasks"
prelaunch_grid 40k 200 --a --b
note "prelaunch 1,000,000 tasks"
prelaunch_grid 1m 100 --a --b --c
jobs_1m_bytes=$(stat -c %s "$work/pre-1m/s/.sweep/x/jobs.json")
# Other commands on the 1M sweep: status reads all of jobs.json; a one-task launch also writes the
# command chunks (1,001 files) and the scripts, which is the fixed cost of launching 1M tasks.
ok_rc=1 measure status-1m-unlaunched env -C "$work/pre-1m/s" "$sweep" status --jobname x # 1: not all succeeded
measure_once launch-1m-one bash -c 'cd "$1" && "$2" launch --backend local --jobname x --tasklist 1; [ $? -le 1 ]' _ "$work/pre-1m/s" "$sweep"
[ "$(cat "$work/m/launch-1m-one.rc")" = 0 ] || { cat "$work/m/launch-1m-one.err" >&2; die "1M one-task launch failed"; }
rm -rf "$work/pre-1m" # 300 MB of jobfiles and chunks

# --- 2. local backend ----------------------------------------------------------------------------
note "local backend: $local_tasks tasks, $runs run(s) of each"
lost_frames=0 lost_final=0 launch_fail=0
tails=()
local_run() { # local_run I VARIANT: prelaunch a fresh sweep, launch it (timed), then the rest
    local i=$1 variant=$2
    local d=$work/local-$variant-$i
    mkdir -p "$d"
    # shellcheck disable=SC2046
    (cd "$d" && "$sweep" prelaunch +jobname x +command true +arg --a $(seq 1 "$local_tasks") +quiet >/dev/null)
    local opts=$SWEEP_JAVA_OPTS
    [ "$variant" = vfork ] && opts="$opts -Djdk.lang.Process.launchMechanism=VFORK"
    # The launch's progress lines are its stdout: keep them (tee) to look for transient states.
    measure_once "local-launch-$variant" bash -c 'cd "$1" && SWEEP_JAVA_OPTS="$2" "$3" launch --backend local --jobname x --max-tasks 2 >launch.out' \
        _ "$d" "$opts" "$sweep"
    local rc t_end last_end
    rc=$(cat "$work/m/local-launch-$variant.rc")
    t_end=$(date +%s.%N)
    last_end=$(find "$d/.sweep/x/status" -name '*.end' -printf '%T@\n' | sort -n | tail -1)
    tails+=("$(awk -v a="$t_end" -v b="$last_end" 'BEGIN {printf "%.2f", a - b}')")
    local n
    n=$(grep -c 'LOST' "$d/launch.out" || true)
    lost_frames=$((lost_frames + n))
    if [ "$rc" != 0 ]; then
        launch_fail=$((launch_fail + 1))
        note "launch ($variant, run $i) exited $rc: $(tail -1 "$d/launch.out")"
        grep -q LOST <(tail -1 "$d/launch.out") && lost_final=$((lost_final + 1))
    fi
    if [ "$variant" = default ]; then
        measure_once local-status bash -c 'cd "$1" && "$2" status --jobname x' _ "$d" "$sweep"
        # The wrapper alone, as the pool runs it (id = array index + offset), without the engine.
        # This makes attempt 2 of each task in the same sweep directory.
        measure_once local-xargs-wrapper bash -c 'cd "$1" && seq 1 "$2" | SWEEP_ARRAY_INDEX=0 xargs -P 2 -I{} bash .sweep/x/scripts/wrapper.sh 1 {}' \
            _ "$d" "$local_tasks"
        # The local pool's workers alone: two `wrapper.sh --pool`, ids on their input, no engine.
        measure_once local-pool-wrapper bash -c 'cd "$1" && seq 1 2 "$2" | bash .sweep/x/scripts/wrapper.sh --pool 1 >/dev/null & seq 2 2 "$2" | bash "$1/.sweep/x/scripts/wrapper.sh" --pool 1 >/dev/null; wait' \
            _ "$d" "$local_tasks"
        # onager on the same tasks, from the same kind of prelaunch, 2 at a time.
        if [ -n "$onager" ]; then
            mkdir -p "$d/o/.onager"
            # shellcheck disable=SC2046
            env -C "$d/o" PYTHONPATH="$onager:$onager/stub" python3 "$onager/bin/onager" prelaunch +jobname x \
                +command true +arg --a $(seq 1 "$local_tasks") +q >/dev/null
            measure_checked local-onager env -C "$d/o" PYTHONPATH="$onager:$onager/stub" \
                python3 "$onager/bin/onager" launch --backend local --jobname x --max-tasks 2
        fi
    fi
    # The baseline: the same commands, bash -c each, two at a time.
    [ "$variant" = default ] &&
        measure_once local-xargs-bash bash -c 'seq 1 "$1" | xargs -P 2 -I{} bash -c "true --a {}"' _ "$local_tasks"
    rm -rf "$d"
}
for ((i = 1; i <= runs; i++)); do
    local_run "$i" default
    [ -n "${BENCH_SKIP_VFORK:-}" ] || local_run "$i" vfork
done
tail_median=$(printf '%s\n' "${tails[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# --- table -------------------------------------------------------------------------------------
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
on=''
[ -n "$onager" ] && on=' (optional: only where its mirror exists)'
row "| JVM start: \`sweep --version\` | sweep | $(secs "$(median_ms jvm)") | $(count jvm) | $(max_rss_mb jvm) | — |"
row "| Python start: \`python3 -c pass\` | python3 | $(secs "$(median_ms py)") | $(count py) | $(max_rss_mb py) | — |"
for label in 40k 1m; do
    [ $label = 40k ] && grid='40,000 tagged tasks (200×200)' || grid='1,000,000 tagged tasks (100×100×100)'
    for mode in quiet print; do
        [ $mode = quiet ] && how='+quiet' || how='printed to /dev/null'
        row_for "pre-$label-$mode-ref" "prelaunch $grid, $how" 'baseline: bench/refgen.py'
        row_for "pre-$label-$mode-sweep" "prelaunch $grid, $how" 'sweep -Xmx256m' "pre-$label-$mode-ref"
        [ -f "$work/m/pre-$label-$mode-onager" ] &&
            row_for "pre-$label-$mode-onager" "prelaunch $grid, $how" "onager$on" "pre-$label-$mode-ref"
    done
done
row_for status-1m-unlaunched 'status of the 1,000,000-task sweep (not launched)' 'sweep -Xmx256m' '-'
row_for launch-1m-one 'launch 1 task of the 1,000,000-task sweep (jobfile read, 1,001 chunks written)' 'sweep -Xmx256m' '-'
row_for local-xargs-bash "local: $local_tasks × \`true\`, 2 at a time" 'baseline: xargs -P 2 bash -c'
row_for local-xargs-wrapper "local: $local_tasks × \`true\`, 2 at a time" 'xargs -P 2 wrapper.sh (one bash each, as a cluster runs it)' local-xargs-bash
row_for local-pool-wrapper "local: $local_tasks × \`true\`, 2 at a time" '2 × wrapper.sh --pool (no engine)' local-xargs-bash
[ -f "$work/m/local-onager" ] &&
    row_for local-onager "local: $local_tasks × \`true\`, 2 at a time" "onager launch --backend local --max-tasks 2$on" local-xargs-bash
row_for local-launch-default "local: $local_tasks × \`true\`, 2 at a time" 'sweep launch --backend local --max-tasks 2' local-xargs-bash
[ -f "$work/m/local-onager" ] &&
    row_for local-launch-default "local: $local_tasks × \`true\`, 2 at a time" 'sweep launch, beside onager' local-onager
[ -f "$work/m/local-launch-vfork" ] &&
    row_for local-launch-vfork "local: $local_tasks × \`true\`, 2 at a time" 'same, JVM with launchMechanism=VFORK' local-xargs-bash
row_for local-status "status of the finished $local_tasks-task sweep" 'sweep status' '-'

{
    echo "## Cluster Sweep benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average $load_before before, $load_after after."
    echo "$(java -version 2>&1 | head -1); $(python3 --version 2>&1); bash $BASH_VERSION; commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')."
    echo "SWEEP_JAVA_OPTS=\"$SWEEP_JAVA_OPTS\". Wall time is the whole command (JVM start included), median of the runs;"
    echo "RSS is the largest of the runs (GNU time, children included). Ratio: median over the baseline's median (below 1 is faster)."
    echo
    echo "| What | Tool | Wall (s, median) | Runs | Max RSS (MB) | Ratio to baseline |"
    echo "|---|---|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "- jobs.json of 1,000,000 tasks: $jobs_1m_bytes bytes ($(awk -v b="$jobs_1m_bytes" 'BEGIN {printf "%.0f", b / 1048576}') MiB)."
    printf -- '- %s\n' "${checks[@]}"
    echo "- Local launch: seconds from the last task's end record to the launch's exit (poll latency), median: $tail_median (all: ${tails[*]})."
    echo "- Local launch: progress lines showing LOST: $lost_frames; launches that exited non-zero: $launch_fail (of which ending with LOST: $lost_final). Every task succeeds, so both should be 0."
    echo
    echo "Reproduce: \`bash bench/run.sh\` (BENCH_RUNS=$runs BENCH_LOCAL_TASKS=$local_tasks)"
} | tee "$out"
note "written to $out"
