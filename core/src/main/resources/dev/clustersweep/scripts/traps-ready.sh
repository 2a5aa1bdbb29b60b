# _sweep_traps_ready PID SCRIPT MASK: wait (a few seconds at most) until process PID runs
# `bash SCRIPT` with the traps of MASK set (bits of /proc's SigCgt: 0x200 USR1, 0x4000 TERM, 0x1 HUP).
# Until then, between the fork and the script's first lines, such a signal would kill it before it
# records anything. Returns at once when PID is gone, has ended (a zombie) or /proc cannot tell.
# Reads /proc with builtins only: it runs for every signal passed on. (A piece that ScriptTemplate
# puts into multiwrapper.sh and gridengine-job.sh, which each stand alone where they run.)
_sweep_traps_ready() {
    local i key value arg1 stat empty=0
    for ((i = 0; i < 500; i++)); do
        if ! { IFS= read -r -d '' _ && IFS= read -r -d '' arg1; } <"/proc/$1/cmdline" 2>/dev/null; then
            # No arguments: the child is in the middle of its exec (the kernel shows none until the
            # new program's are in place; a loaded machine widens that instant), or it has ended.
            # Taking the first for the second lost the stop of 2 tasks in 640 on a loaded machine.
            IFS= read -r stat <"/proc/$1/stat" 2>/dev/null || return 0
            stat=${stat##*) }
            [[ ${stat:0:1} == [ZX] ]] && return 0
            # An exec shows no arguments for an instant only (so does a process on its way out):
            # a few looks, not the whole wait.
            ((++empty < 20)) || return 0
            sleep 0.005
            continue
        fi
        # Before the exec the child is a copy of this shell, with this shell's traps.
        if [[ $arg1 == "$2" ]]; then
            key=''
            while read -r key value; do [[ $key == SigCgt: ]] && break; done <"/proc/$1/status" 2>/dev/null
            [[ $key == SigCgt: && $value =~ ^[0-9a-fA-F]{1,16}$ ]] || return 0
            (((16#$value & $3) == $3)) && return 0
        fi
        sleep 0.005
    done
}
