# shellcheck shell=bash
# Single-node Slurm 22.05 from Debian's packages, daemons run in the foreground. Sourced.

SLURM_CONF_FILE=/etc/slurm/slurm.conf # the clients' default path: tests need no SLURM_CONF
SLURM_DIR=$STATE/slurm
SLURM_PARTITION=debug
SLURM_SHORT_PARTITION=short
SLURM_FEATURES=ssd
# Two GPUs on the one node for launcher matching (issue 14): a job may ask --gres=gpu:1 or 2,
# more pend. No GPU is there: 22.05 drops a GPU without a device file (count-only), so
# /dev/null and /dev/zero stand in (task/none constrains no device; a task only sees
# CUDA_VISIBLE_DEVICES).
SLURM_GPUS=2
SLURM_GPU_FILES=(/dev/null /dev/zero)
SLURM_GRES_CONF_FILE=/etc/slurm/gres.conf
SLURM_CLUSTER=clustersweep
SLURM_DB_PASS=clustersweep-test # local throwaway MariaDB, reachable from this host only
SLURM_PACKAGES=(munge slurmctld slurmd slurm-client)
SLURM_ACCT_PACKAGES=(slurmdbd mariadb-server mariadb-client)

# --with-accounting (or CLUSTER_SWEEP_SLURM_ACCOUNTING=1) adds slurmdbd + MariaDB for sacct;
# --without-accounting (=0) removes them. Neither: keep what the running cluster has, so a
# plain up.sh never restarts a cluster that others on the machine are using.
SLURM_ACCOUNTING=${CLUSTER_SWEEP_SLURM_ACCOUNTING:-}

slurm_resolve_accounting() {
  [ -n "$SLURM_ACCOUNTING" ] && return 0
  if grep -q '^AccountingStorageType=accounting_storage/slurmdbd' "$SLURM_CONF_FILE" 2>/dev/null; then
    SLURM_ACCOUNTING=1
  else
    SLURM_ACCOUNTING=0
  fi
}

slurm_logs() {
  show_logs "$LOGS/munged.log" "$LOGS/mariadb.log" "$LOGS/slurmdbd.log" \
    "$LOGS/slurmctld.log" "$LOGS/slurmd.log" "$LOGS/slurm-smoke.log"
}
slurm_fail() { slurm_logs; die "slurm: $*"; }

slurm_install() {
  if [ "$SLURM_ACCOUNTING" = 1 ]; then
    install_packages "${SLURM_PACKAGES[@]}" "${SLURM_ACCT_PACKAGES[@]}"
  else
    install_packages "${SLURM_PACKAGES[@]}"
  fi
}

slurm_conf_text() {
  cat <<EOF
# Written by cluster-sweep test-cluster/up.sh: a throwaway single-node test cluster.
ClusterName=$SLURM_CLUSTER
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$SLURM_DIR/ctld
SlurmdSpoolDir=$SLURM_DIR/d
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$SLURM_DIR/jobcomp.txt
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=100
# Lets the node claim more CPUs than the 2 it has, so arrays run several tasks at once.
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=300
KillWait=5
MailProg=/bin/true
GresTypes=gpu
SlurmctldDebug=info
SlurmdDebug=info
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=8 RealMemory=4000 Feature=$SLURM_FEATURES Gres=gpu:$SLURM_GPUS State=UNKNOWN
PartitionName=$SLURM_PARTITION Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
# A second partition for launcher matching (issue 14): the same node, at most 10 minutes a job.
PartitionName=$SLURM_SHORT_PARTITION Nodes=$HOST Default=NO MaxTime=10 State=UP
EOF
  if [ "$SLURM_ACCOUNTING" = 1 ]; then
    cat <<EOF
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
EOF
  else
    echo "AccountingStorageType=accounting_storage/none"
  fi
}

slurm_gres_conf_text() {
  cat <<EOF
# Written by cluster-sweep test-cluster/up.sh: stand-ins for $SLURM_GPUS GPUs (no GPU is there).
EOF
  local f
  for f in "${SLURM_GPU_FILES[@]}"; do
    echo "NodeName=$HOST Name=gpu File=$f"
  done
}

# Writes file $2 from the output of function $1; returns 0 when it changed.
slurm_write_file() {
  local tmp
  tmp=$SLURM_DIR/$(basename "$2").new
  "$1" >"$tmp"
  if cmp -s "$tmp" "$2"; then
    rm -f "$tmp"
    return 1
  fi
  mv "$tmp" "$2"
  chmod 644 "$2"
  return 0
}

# Writes slurm.conf and gres.conf; returns 0 when either changed (running daemons then need a restart).
slurm_write_conf() {
  mkdir -p /etc/slurm "$SLURM_DIR/ctld" "$SLURM_DIR/d"
  local changed=1
  slurm_write_file slurm_gres_conf_text "$SLURM_GRES_CONF_FILE" && changed=0
  slurm_write_file slurm_conf_text "$SLURM_CONF_FILE" && changed=0
  return $changed
}

munge_start() {
  is_running munged && return 0
  # munged wants its dirs owned by munge and a key that only munge can read.
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge /etc/munge
  if [ ! -s /etc/munge/munge.key ]; then
    say "creating /etc/munge/munge.key"
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  # setpriv execs in place (no fork, unlike su/runuser), so the recorded pid is munged's.
  start_daemon munged setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F
  wait_until 10 munge -n -s "" || { show_logs "$LOGS/munged.log"; die "munged did not come up"; }
}

mariadb_start() {
  is_running mariadb && return 0
  install -d -o mysql -g mysql -m 0755 /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql >>"$LOGS/mariadb.log" 2>&1
  start_daemon mariadb /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1
  wait_until 30 mariadb -e 'select 1' || slurm_fail "MariaDB did not come up"
  mariadb <<EOF >>"$LOGS/mariadb.log" 2>&1 || slurm_fail "could not create the accounting database"
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$SLURM_DB_PASS';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';
EOF
}

slurmdbd_start() {
  is_running slurmdbd && return 0
  umask 077
  cat >/etc/slurm/slurmdbd.conf <<EOF
# Written by cluster-sweep test-cluster/up.sh
AuthType=auth/munge
DbdHost=localhost
SlurmUser=root
PidFile=$SLURM_DIR/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=slurm
StoragePass=$SLURM_DB_PASS
StorageLoc=slurm_acct_db
EOF
  umask 022
  start_daemon slurmdbd /usr/sbin/slurmdbd -D
  wait_until 30 sacctmgr -n list cluster || slurm_fail "slurmdbd did not answer"
  # The controller must find its cluster in the database.
  if ! sacctmgr -n -P list cluster format=cluster | grep -qx "$SLURM_CLUSTER"; then
    sacctmgr -i add cluster "$SLURM_CLUSTER" >>"$LOGS/slurmdbd.log" 2>&1 || slurm_fail "sacctmgr add cluster failed"
  fi
}

# Is the node registered by the slurmd started at or after $1 (epoch seconds) and usable?
slurm_node_ready() {
  local since=$1 line t
  line=$(scontrol -o show node "$HOST" 2>/dev/null) || return 1
  # Until slurmd registers, the controller shows the node state it had saved.
  t=$(sed -n 's/.*SlurmdStartTime=\([^ ]*\).*/\1/p' <<<"$line")
  [ -n "$t" ] && [ "$t" != None ] || return 1
  [ "$(date -d "$t" +%s 2>/dev/null || echo 0)" -ge "$since" ] || return 1
  [ "$(sinfo -h -n "$HOST" -o '%t' | head -1)" != "" ] || return 1
  sinfo -h -n "$HOST" -o '%t' | grep -Eq '^(idle|mix|alloc)$'
}

slurmctld_start() {
  is_running slurmctld && return 0
  start_daemon slurmctld /usr/sbin/slurmctld -D
  wait_until 30 scontrol ping || slurm_fail "slurmctld did not answer 'scontrol ping'"
}

slurmd_start() {
  is_running slurmd && return 0
  local since
  since=$(($(date +%s) - 1))
  start_daemon slurmd /usr/sbin/slurmd -D
  if ! wait_until 30 slurm_node_ready "$since"; then
    # A node left down/drained by an earlier kill: resume it once slurmd has registered.
    scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
    wait_until 15 slurm_node_ready "$since" ||
      slurm_fail "node $HOST not idle: $(sinfo -h -N -o '%N %t %E' 2>&1)"
  fi
}

# A node drained or down from an earlier failure (e.g. "Duplicate jobid" after slurmctld was
# SIGKILLed, or slurmd gone past SlurmdTimeout) would make every test job pend forever.
slurm_heal_node() {
  local st
  st=$(sinfo -h -n "$HOST" -o '%t' 2>/dev/null | head -1)
  case "$st" in
    *drain* | *drng* | *down* | *fail*)
      say "slurm: node $HOST was '$st' ($(sinfo -h -n "$HOST" -o '%E' | head -1)): resuming it"
      scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
      wait_until 15 slurm_node_ready 0 || slurm_fail "node $HOST did not come back: $(sinfo -h -N -o '%N %t %E' 2>&1)"
      ;;
  esac
}

slurm_smoke() {
  timeout 60 srun -N1 -n1 -t 1 -J smoke true >"$LOGS/slurm-smoke.log" 2>&1 || slurm_fail "'srun true' failed"
}

slurm_up() {
  say "slurm: starting"
  slurm_resolve_accounting
  slurm_install
  if slurm_write_conf; then
    # New or changed slurm.conf: both daemons must re-read it.
    if is_running slurmctld || is_running slurmd; then
      say "slurm: slurm.conf changed, restarting daemons"
      stop_daemon slurmd
      stop_daemon slurmctld
    fi
  fi
  munge_start
  if [ "$SLURM_ACCOUNTING" = 1 ]; then
    mariadb_start
    slurmdbd_start
  else
    stop_daemon slurmdbd
    stop_daemon mariadb 30
  fi
  slurmctld_start
  slurmd_start
  slurm_heal_node
  slurm_smoke
  say "slurm: up (node $HOST, partition $SLURM_PARTITION, accounting $([ "$SLURM_ACCOUNTING" = 1 ] && echo slurmdbd || echo off))"
}

slurm_no_jobs() { [ -z "$(squeue -h -o %i 2>/dev/null)" ]; }

slurm_down() {
  say "slurm: stopping"
  # Cancel leftover jobs so no job steps outlive the cluster.
  if is_running slurmctld && scontrol ping >/dev/null 2>&1; then
    scancel --partition="$SLURM_PARTITION" >/dev/null 2>&1 || true
    wait_until 15 slurm_no_jobs || true
  fi
  stop_daemon slurmd
  stop_daemon slurmctld
  stop_daemon slurmdbd
  stop_daemon mariadb 30
  stop_daemon munged
  say "slurm: down"
}
