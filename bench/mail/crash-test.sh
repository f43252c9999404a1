#!/usr/bin/env bash
# Crash test for mailbox intake (issue 3): with MAILS mails waiting in a real IMAP server
# (Dovecot, ../shared/bench/dovecot), the hub is killed with SIGKILL at random moments during
# intake, KILLS times, and restarted. Afterwards there must be exactly one ticket per distinct
# mail and every mail must be flagged seen. Exit status 0 when both hold.
#
# usage: bench/mail/crash-test.sh [MAILS] [KILLS]      (from the project root; needs root for Dovecot)
# env:   HUB_CRASH_DB_SERVER  JDBC URL of a PostgreSQL server (default: the machine's, 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/../.."
mails=${1:-2000}
kills=${2:-5}
shared=$(realpath ../shared/bench/dovecot)
work=$(mktemp -d /tmp/hub-crash.XXXXXX)
port=${PORT:-10143}
db="hub_crash_$(date +%s)"
server=${HUB_CRASH_DB_SERVER:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

[ -f target/support-hub.jar ] || ./mvnw -B -q package -DskipTests
chmod 755 "$work"

cleanup() {
  [ -n "${hub_pid:-}" ] && kill -9 "$hub_pid" 2>/dev/null || true
  [ -f "$work/dovecot/run/master.pid" ] && kill "$(cat "$work/dovecot/run/master.pid")" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
}
trap cleanup EXIT

log "starting Dovecot on 127.0.0.1:$port and filling $mails mails"
PORT=$port "$shared/start.sh" "$work/dovecot" support >/dev/null
su vmail -s /bin/bash -c "python3 $shared/fill_maildir.py $work/dovecot/home/support/Maildir $mails" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "create database $db" postgres

export HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" HUB_DB_USERNAME=postgres
export HUB_HTTP_PORT=0 HUB_MGMT_PORT=0
export MAILBOX_PROTOCOL=imap MAILBOX_HOST=127.0.0.1 MAILBOX_PORT=$port MAILBOX_USERNAME=support MAILBOX_PASSWORD=secret
export MAILBOX_ADDRESS=support@example.com MAILBOX_POLL_INTERVAL=PT0.5S
export SMTP_ENABLED=false SMTP_HOST=localhost SMTP_FROM_ADDRESS=support@example.com
export SALESFORCE_ENABLED=false SLACK_ENABLED=false

count() { psql -h 127.0.0.1 -U postgres -Atc "$1" "$db"; }
unseen() {
  python3 - "$port" <<'PY'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1])); m.login("support", "secret")
print(m.status("INBOX", "(UNSEEN MESSAGES)")[1][0].decode())
PY
}

for round in $(seq 1 "$kills"); do
  java -jar target/support-hub.jar run > "$work/hub-$round.log" 2>&1 &
  hub_pid=$!
  # wait until this run has committed something, then kill at a random moment within ~2 s
  before=$(count "select count(*) from ticket" 2>/dev/null || echo 0)
  for _ in $(seq 200); do
    now=$(count "select count(*) from ticket" 2>/dev/null || echo 0)
    [ "$now" -gt "$before" ] && break
    kill -0 "$hub_pid" 2>/dev/null || { log "hub exited early; see $work/hub-$round.log"; exit 1; }
    sleep 0.1
  done
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  sleep "$((RANDOM % 2))"
  kill -9 "$hub_pid"; wait "$hub_pid" 2>/dev/null || true; hub_pid=
  log "kill $round: $(count "select count(*) from ticket") tickets so far; $(unseen)"
done

log "restarting the hub to drain the rest"
java -jar target/support-hub.jar run > "$work/hub-final.log" 2>&1 &
hub_pid=$!
for _ in $(seq 600); do
  [ "$(count "select count(*) from mail_message")" -ge "$mails" ] && [[ "$(unseen)" == *"UNSEEN 0"* ]] && break
  sleep 0.5
done
kill -TERM "$hub_pid"; wait "$hub_pid" 2>/dev/null || true; hub_pid=

tickets=$(count "select count(*) from ticket")
distinct=$(count "select count(distinct message_key) from mail_message")
records=$(count "select count(*) from mail_message")
status=$(unseen)
log "mails $mails, tickets $tickets, distinct recorded mails $distinct, mail records $records, mailbox $status"
if [ "$tickets" -eq "$mails" ] && [ "$distinct" -eq "$mails" ] && [ "$records" -eq "$mails" ] && [[ "$status" == *"UNSEEN 0"* ]]; then
  log "PASS: exactly one ticket per mail after $kills kills, every mail flagged seen"
else
  log "FAIL (logs in $work)"; trap - EXIT; exit 1
fi
