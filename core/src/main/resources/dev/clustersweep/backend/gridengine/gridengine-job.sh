#!/bin/bash
# Cluster Sweep job script for Grid Engine, written by the gridengine backend at each launch (see
# docs/backends.md (Grid Engine)); qsub copies it, so it refers to nothing beside itself.
#
# Usage: gridengine-job.sh STOP_AFTER SCRIPT ARGS...   (in the sweep's working directory)
#   Runs `bash SCRIPT ARGS...` (wrapper.sh or multiwrapper.sh) and stands between it and Grid Engine:
#   - Exit statuses 99 and 100 become 1: Grid Engine would requeue the job (99) or hold it in an
#     error state (100). The wrapper's end record keeps the task's own status.
#   - qdel with `qsub -notify` sends SIGUSR2 to the whole process group some seconds (the queue's
#     `notify` time) before SIGKILL. The script stops SCRIPT with SIGTERM then, so the wrapper stops
#     the task's own process group (which SIGKILL would miss) and writes its end record. SCRIPT starts
#     with SIGUSR2 ignored, or the group-wide SIGUSR2 would kill it first. SIGTERM, SIGINT and SIGHUP
#     are passed on as SIGTERM. A signal goes to SCRIPT only once it runs with its USR1 and TERM
#     traps set (_sweep_traps_ready): sent earlier, it would kill SCRIPT before it records anything.
#   - STOP_AFTER seconds after the start (0: never) it sends SIGUSR1 then SIGTERM, which the wrapper
#     records as a timeout: h_rt itself is a SIGKILL (and measured late, up to ~90 s, on a quiet
#     node), which leaves no end record and can leave the task running.
# shellcheck disable=SC2317

set +o posix # `wait PID` must still know the status after a trap interrupted an earlier wait

_gj_stop_after=$1
shift || exit 2
_gj_script=$1
_gj_child='' _gj_timer='' _gj_stopping=0

@@TRAPS_READY@@
_gj_signal() {
    [[ -n $_gj_child ]] || return 0
    _sweep_traps_ready "$_gj_child" "$_gj_script" 0x4200 # USR1 and TERM
    kill -s "$1" "$_gj_child" 2>/dev/null
    return 0
}
_gj_time_is_up() {
    ((_gj_stopping)) && return 0
    _gj_stopping=1
    printf 'cluster-sweep: time limit of the job script reached (%ss): stopping the task\n' "$_gj_stop_after" >&2
    _gj_signal USR1
    sleep 0.5 # bash may run the TERM trap first when both are pending, which would record a cancel
    _gj_signal TERM
}
trap '_gj_stopping=1; _gj_signal TERM' TERM INT HUP USR2
trap '_gj_signal USR1' USR1 # GE's other warning (suspend with -notify) reaches the group anyway
trap '_gj_time_is_up' ALRM

(
    trap '' USR2
    exec bash "$@"
) &
_gj_child=$!
# A stop that came before _gj_child was set had no child to signal.
((_gj_stopping)) && _gj_signal TERM

if [[ $_gj_stop_after =~ ^[0-9]+$ ]] && ((_gj_stop_after > 0)); then
    (
        trap '' USR1 USR2
        sleep "$_gj_stop_after" &
        _gj_sleep=$!
        trap 'kill "$_gj_sleep" 2>/dev/null; exit 0' TERM
        wait "$_gj_sleep" && kill -s ALRM $$
    ) &
    _gj_timer=$!
fi

while kill -0 "$_gj_child" 2>/dev/null; do
    wait "$_gj_child"
done
wait "$_gj_child"
_gj_rc=$?
[[ -n $_gj_timer ]] && kill "$_gj_timer" 2>/dev/null

case $_gj_rc in
99 | 100)
    printf 'cluster-sweep: %s exited %s: the job exits 1 instead (Grid Engine would requeue or hold it)\n' "$1" "$_gj_rc" >&2
    exit 1
    ;;
esac
exit "$_gj_rc"
