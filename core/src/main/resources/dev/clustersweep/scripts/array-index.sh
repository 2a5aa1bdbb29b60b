# _sweep_int VAR TEXT: VAR = TEXT as a decimal integer (leading zeros are not octal), else fail.
_sweep_int() {
    [[ $2 =~ ^(-?)0*([0-9]{1,15})$ ]] || return 1
    printf -v "$1" '%s%s' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
}

# _sweep_array_index VAR: VAR = this array element's index, from SWEEP_ARRAY_INDEX, else
# SLURM_ARRAY_TASK_ID, else SGE_TASK_ID (the first one set and not empty); else fail, with the
# reason in _sweep_why. (A piece that ScriptTemplate puts into wrapper.sh and multiwrapper.sh.)
_sweep_array_index() {
    local index=${SWEEP_ARRAY_INDEX:-${SLURM_ARRAY_TASK_ID:-${SGE_TASK_ID-}}}
    if [[ -z $index ]]; then
        _sweep_why='no array index: none of SWEEP_ARRAY_INDEX, SLURM_ARRAY_TASK_ID, SGE_TASK_ID is set'
        return 1
    fi
    _sweep_int "$1" "$index" && return 0
    _sweep_why="bad array index '$index'"
    return 1
}
