#!/usr/bin/env bash
# Mailbox intake benchmark (issue 3): Dovecot on loopback (../shared/bench/dovecot), the hub running
# from target/support-hub.jar against a fresh database (CRM, SMTP and Slack off), then MAILS mails
# appended in one burst into the Maildir the hub polls. Prints the intake rate, the latency from
# append to commit, and the rate of a bare Jakarta Mail fetch of the same mailbox in the same run.
#
# usage: bench/mail/intake-benchmark.sh [MAILS]          (from the project root; needs root for Dovecot; MAILS 10000)
# env:   PORT (10243)  WORK (a new /tmp/hub-bench.XXXXXX)  HUB_JAVA_OPTS (e.g. a JFR recording)
#        ROUNDS (8: MAILS mails per round; round 1 meets a hub just started, whose JIT compilers then work for some
#        50,000 mails on 2 cores; the later rounds show the hub as it runs for days)
#        MAILBOX_MAX_MESSAGES_PER_POLL, MAILBOX_INTAKE_THREADS (the hub's defaults otherwise)
#        KEEP_DB=1 keeps the run's database (hub_bench_<epoch>) for a look at what intake wrote
set -euo pipefail
cd "$(dirname "$0")/../.."
mails=${1:-10000}
shared=$(realpath ../shared/bench/dovecot)
work=${WORK:-$(mktemp -d /tmp/hub-bench.XXXXXX)}
port=${PORT:-10243}
db="hub_bench_$(date +%s)"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

[ -f target/support-hub.jar ] || ./mvnw -B -q package -DskipTests
mkdir -p "$work"; chmod 755 "$work"

cleanup() {
  [ -n "${hub_pid:-}" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
  if [ -f "$work/dovecot/run/master.pid" ]; then
    dovecot_pid=$(cat "$work/dovecot/run/master.pid")
    kill "$dovecot_pid" 2>/dev/null || true
    # the port is free only once it has exited: a run started right after this one needs it
    for _ in $(seq 50); do kill -0 "$dovecot_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ "${KEEP_DB:-0}" = 1 ]; then log "kept the database $db"
  else psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true; fi
  rm -rf "$work/dovecot/home"   # the mails (about 3 KB each); the hub's and Dovecot's logs stay in $work
}
trap cleanup EXIT

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
log "starting Dovecot on 127.0.0.1:$port in $work"
# Dovecot keeps the start script's output open as a daemon: send it to a file, not to whoever reads ours
PORT=$port "$shared/start.sh" "$work/dovecot" support > "$work/dovecot-start.log" 2>&1 \
  || { log "Dovecot did not start: $(tail -3 "$work/dovecot-start.log")"; exit 1; }
maildir="$work/dovecot/home/support/Maildir"
mkdir -p "$maildir"/{new,cur,tmp}; chown -R vmail:vmail "$maildir"
psql -h 127.0.0.1 -U postgres -qc "create database $db" postgres

export HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" HUB_DB_USERNAME=postgres
export HUB_HTTP_PORT=0 HUB_MGMT_PORT=0
export MAILBOX_PROTOCOL=imap MAILBOX_HOST=127.0.0.1 MAILBOX_PORT=$port MAILBOX_USERNAME=support MAILBOX_PASSWORD=secret
export MAILBOX_ADDRESS=support@example.com MAILBOX_POLL_INTERVAL=${MAILBOX_POLL_INTERVAL:-PT1S}
export SMTP_ENABLED=false SMTP_HOST=localhost SMTP_FROM_ADDRESS=support@example.com
export SALESFORCE_ENABLED=false SLACK_ENABLED=false

log "starting the hub (log: $work/hub.log)"
# shellcheck disable=SC2086
java ${HUB_JAVA_OPTS:-} -jar target/support-hub.jar run > "$work/hub.log" 2>&1 &
hub_pid=$!
for _ in $(seq 600); do
  grep -q "started in" "$work/hub.log" 2>/dev/null && break
  kill -0 "$hub_pid" 2>/dev/null || { log "hub exited; see $work/hub.log"; exit 1; }
  sleep 0.1
done
sleep 2   # let the first polls of the empty mailbox pass
log "hub running; appending $mails mails"
java -cp "target/lib/*" bench/mail/IntakeBenchmark.java "$maildir" "$mails" "$HUB_DB_URL?user=postgres" "$port" support secret 600 \
  "$hub_pid" "$(cat "$work/dovecot/run/master.pid")"
log "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
