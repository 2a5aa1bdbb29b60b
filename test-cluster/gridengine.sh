# shellcheck shell=bash
# Single-node Grid Engine 8.1.9 from Debian's packages, daemons run in the foreground. Sourced.

SGE_PACKAGES=(gridengine-master gridengine-exec gridengine-client)
SGE_COMMON=$SGE_ROOT/$SGE_CELL/common
SGE_SPOOL=/var/spool/gridengine
SGE_DIR=$STATE/gridengine
SGE_QUEUE=all.q
SGE_SLOTS=4

sge_logs() {
  show_logs "$LOGS/sge_qmaster.log" "$SGE_SPOOL/qmaster/messages" \
    "$LOGS/sge_execd.log" "$SGE_SPOOL"/execd/*/messages "$LOGS/sge-config.log" "$LOGS/sge-smoke.log"
}
sge_fail() { sge_logs; die "gridengine: $*"; }

# The package leaves act_qmaster empty (or as debconf answered) and knows nothing of
# loopback naming: "vm" resolves to 127.0.0.1, which resolves back to "localhost".
sge_write_cell() {
  [ -d "$SGE_COMMON" ] || die "gridengine: $SGE_COMMON missing (package configuration skipped?)"
  # Grid Engine refuses hosts whose name does not resolve (some containers lack the entry).
  if ! getent hosts "$HOST" >/dev/null; then
    say "gridengine: adding '127.0.0.1 $HOST' to /etc/hosts (hostname did not resolve)"
    echo "127.0.0.1 $HOST" >>/etc/hosts
  fi
  echo "$HOST" >"$SGE_COMMON/act_qmaster"
  echo "$HOST localhost" >"$SGE_COMMON/host_aliases"
  chown sgeadmin:sgeadmin "$SGE_COMMON/act_qmaster" "$SGE_COMMON/host_aliases"
  mkdir -p "$SGE_DIR"
  # qconf -m*/-a* edit a temp file with $EDITOR: this editor sets the "key value" lines
  # given in $QCONF_SET, so configuration needs no interactive editor.
  cat >"$SGE_DIR/qconf-editor.sh" <<'EOF'
#!/bin/sh
f=$1
# Join "\"-continued lines first so a long value (reporting_params) is one line to replace.
awk '{ if (sub(/\\$/, "")) { printf "%s", $0 } else { print } }' "$f" >"$f.joined" && mv "$f.joined" "$f"
printf '%s\n' "$QCONF_SET" | while read -r k v; do
  [ -n "$k" ] || continue
  if grep -q "^$k[[:space:]]" "$f"; then
    sed -i "s|^$k[[:space:]].*|$k $v|" "$f"
  else
    echo "$k $v" >>"$f"
  fi
done
EOF
  chmod 755 "$SGE_DIR/qconf-editor.sh"
}

# qconf_set OPTION [NAME] <<< "key value" lines: run qconf OPTION (like -mconf, -aq) with
# the editor above. Output goes to the config log; qconf says "not modified" with rc 1 at times.
qconf_set() {
  local set
  set=$(cat)
  echo "== qconf $*" >>"$LOGS/sge-config.log"
  QCONF_SET=$set EDITOR=$SGE_DIR/qconf-editor.sh qconf "$@" >>"$LOGS/sge-config.log" 2>&1
}

sge_configure() {
  qconf_set -mconf global <<EOF || sge_fail "global configuration failed"
min_uid 0
min_gid 0
shell_start_mode unix_behavior
load_report_time 00:00:05
max_unheard 00:00:30
reporting_params accounting=true reporting=false flush_time=00:00:01 joblog=false sharelog=00:00:00
EOF
  qconf_set -msconf <<EOF || true
schedule_interval 0:0:1
flush_submit_sec 1
flush_finish_sec 1
EOF
  qconf -ssconf | grep -q '^schedule_interval *0:0:1' || sge_fail "scheduler configuration failed"
  qconf -sh 2>/dev/null | grep -qx "$HOST" || qconf -ah "$HOST" >>"$LOGS/sge-config.log" 2>&1
  qconf -ss 2>/dev/null | grep -qx "$HOST" || qconf -as "$HOST" >>"$LOGS/sge-config.log" 2>&1
  if ! qconf -sel 2>/dev/null | grep -qx "$HOST"; then
    qconf_set -ae <<<"hostname $HOST" || sge_fail "adding exec host $HOST failed"
  fi
  if ! qconf -spl 2>/dev/null | grep -qx smp; then
    qconf -Ap /usr/share/gridengine/util/resources/pe/smp >>"$LOGS/sge-config.log" 2>&1 || sge_fail "adding PE smp failed"
  fi
  local queue="qname $SGE_QUEUE
hostlist $HOST
slots $SGE_SLOTS
pe_list smp
shell /bin/bash
load_thresholds NONE
shell_start_mode unix_behavior
tmpdir /tmp"
  if qconf -sql 2>/dev/null | grep -qx "$SGE_QUEUE"; then
    qconf_set -mq "$SGE_QUEUE" <<<"$queue" || true
  else
    qconf_set -aq <<<"$queue" || sge_fail "adding queue $SGE_QUEUE failed"
  fi
  qconf -sq "$SGE_QUEUE" | grep -q "^slots *$SGE_SLOTS\$" || sge_fail "queue $SGE_QUEUE not configured"
}

sge_qmaster_start() {
  is_running sge_qmaster && return 0
  sge_write_cell
  SGE_ND=true start_daemon sge_qmaster /usr/sbin/sge_qmaster
  wait_until 30 qconf -sh || sge_fail "sge_qmaster did not answer 'qconf -sh'"
}

sge_execd_start() {
  is_running sge_execd && return 0
  SGE_ND=true start_daemon sge_execd /usr/sbin/sge_execd
  # The queue instance loses its "u" (unknown) state once execd reported load.
  wait_until 30 sge_execd_ready || sge_fail "sge_execd did not report to the qmaster"
}

sge_execd_ready() {
  local st
  st=$(qstat -f -q "$SGE_QUEUE@$HOST" 2>/dev/null | awk -v q="$SGE_QUEUE@$HOST" '$1 == q { print $6 }')
  [ -n "$(qstat -f -q "$SGE_QUEUE@$HOST" 2>/dev/null | awk -v q="$SGE_QUEUE@$HOST" '$1 == q')" ] || return 1
  case "$st" in *u*) return 1 ;; esac
  return 0
}

sge_smoke() {
  (cd /tmp && timeout 60 qsub -sync y -b y -N smoke -o /dev/null -e /dev/null true) \
    >"$LOGS/sge-smoke.log" 2>&1 || sge_fail "'qsub -sync y -b y true' failed"
}

sge_up() {
  say "gridengine: starting"
  install_packages "${SGE_PACKAGES[@]}"
  local fresh=0
  is_running sge_qmaster || fresh=1
  sge_qmaster_start
  # Configuration needs a running qmaster; apply it whenever we started one (cheap, idempotent).
  [ $fresh = 1 ] && sge_configure
  sge_execd_start
  sge_smoke
  say "gridengine: up (host $HOST, queue $SGE_QUEUE with $SGE_SLOTS slots, PE smp)"
}

# Ask a daemon to shut down via qconf, then make sure the recorded pid is gone.
sge_stop_execd() {
  # -kej also kills running jobs: down.sh must leave nothing behind. ctl.sh uses -ke.
  local how=${1:--kej} pid
  if pid=$(daemon_pid sge_execd) && is_running sge_qmaster; then
    qconf "$how" "$HOST" >/dev/null 2>&1 || true
    wait_until 15 not_running sge_execd && say "stopped sge_execd (pid $pid, qconf $how)"
  fi
  stop_daemon sge_execd
}

sge_stop_qmaster() {
  local pid
  if pid=$(daemon_pid sge_qmaster); then
    # qmaster takes about 8 s to shut down cleanly; SIGKILL risks its BerkeleyDB spool.
    qconf -km >/dev/null 2>&1 || true
    wait_until 20 not_running sge_qmaster && say "stopped sge_qmaster (pid $pid, qconf -km)"
  fi
  stop_daemon sge_qmaster 20
}

sge_down() {
  say "gridengine: stopping"
  sge_stop_execd -kej
  sge_stop_qmaster
  say "gridengine: down"
}
