#!/usr/bin/env bash
# Crash test for mailbox intake (issue 3): with MAILS mails waiting in a real IMAP server
# (Dovecot, ../shared/bench/dovecot), the hub is killed with SIGKILL at random moments during
# intake, KILLS times, and restarted. Afterwards there must be exactly one ticket per distinct
# mail, every mail record must know its UIDVALIDITY and UID, and every mail must be flagged seen.
# Exit status 0 when all hold.
#
# A kill counts only when it hits a hub at work: mail still unseen in the mailbox. With HUBS=2, two
# hub instances share the database and the clustered scheduler: each round kills one of them and
# starts it again, so the mailbox's poll moves between them (one at a time) while both stay up.
#
# usage: bench/mail/crash-test.sh [MAILS] [KILLS]      (from the project root; needs root for Dovecot)
# env:   HUB_CRASH_DB_SERVER  JDBC URL of a PostgreSQL server (default: the machine's, 127.0.0.1:5432)
#        PORT (10143)  HUBS (1)  BATCH (100: mails per batch, so a run holds several commits to hit)
set -euo pipefail
cd "$(dirname "$0")/../.."
mails=${1:-2000}
kills=${2:-5}
hubs=${HUBS:-1}
shared=$(realpath ../shared/bench/dovecot)
work=$(mktemp -d /tmp/hub-crash.XXXXXX)
port=${PORT:-10143}
db="hub_crash_$(date +%s)"
server=${HUB_CRASH_DB_SERVER:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

[ -f target/support-hub.jar ] || ./mvnw -B -q package -DskipTests
chmod 755 "$work"
declare -a pids

keep=
cleanup() {
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
  if [ -f "$work/dovecot/run/master.pid" ]; then
    dovecot_pid=$(cat "$work/dovecot/run/master.pid")
    kill "$dovecot_pid" 2>/dev/null || true
    # the port is free only once it has exited: a run started right after this one needs it
    for _ in $(seq 50); do kill -0 "$dovecot_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -n "$keep" ]; then
    echo "kept for a look: database $db, logs in $work"
  else
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT

log "starting Dovecot on 127.0.0.1:$port and filling $mails mails"
# Dovecot keeps the start script's output open as a daemon: send it to a file, not to whoever reads ours
PORT=$port "$shared/start.sh" "$work/dovecot" support > "$work/dovecot-start.log" 2>&1 \
  || { log "Dovecot did not start: $(tail -3 "$work/dovecot-start.log")"; exit 1; }
su vmail -s /bin/bash -c "python3 $shared/fill_maildir.py $work/dovecot/home/support/Maildir $mails" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "create database $db" postgres

export HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" HUB_DB_USERNAME=postgres
export HUB_HTTP_PORT=0 HUB_MGMT_PORT=0
export MAILBOX_PROTOCOL=imap MAILBOX_HOST=127.0.0.1 MAILBOX_PORT=$port MAILBOX_USERNAME=support MAILBOX_PASSWORD=secret
export MAILBOX_ADDRESS=support@example.com MAILBOX_POLL_INTERVAL=PT0.5S MAILBOX_MAX_MESSAGES_PER_POLL=${BATCH:-100}
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
unseen_count() { unseen | sed -E 's/.*UNSEEN ([0-9]+).*/\1/'; }
start_hub() {  # start_hub SLOT LOGNAME
  java -jar target/support-hub.jar run > "$work/$2.log" 2>&1 &
  pids[$1]=$!
}

for slot in $(seq 1 "$hubs"); do start_hub "$slot" "hub-$slot-start"; done

hits=0
round=0
while [ "$hits" -lt "$kills" ] && [ "$round" -lt $((kills * 3)) ]; do
  round=$((round + 1))
  victim=$(( (RANDOM % hubs) + 1 ))
  if [ "$hubs" -eq 1 ]; then
    # wait until the hub has committed a batch, then kill it at a random moment within 0.2 s (a batch of
    # 100 takes about that long here: the kill lands in a fetch, a preparation, a commit or a STORE)
    victim_log="$work/$(ls -t "$work" | grep "^hub-$victim-" | head -1)"
    for _ in $(seq 600); do
      grep -q "committed together" "$victim_log" 2>/dev/null && break
      [ "$(count "select count(*) from mail_message" 2>/dev/null || echo 0)" -ge "$mails" ] && break
      kill -0 "${pids[$victim]}" 2>/dev/null || { log "hub $victim exited early; see $victim_log"; keep=1; exit 1; }
      sleep 0.05
    done
  else
    # kill the instance that is polling (mailbox_poll.polled_by is pid@host) once it has committed more,
    # so the poll has to move to another one
    before=$(count "select count(*) from ticket" 2>/dev/null || echo 0)
    for _ in $(seq 600); do
      poller=$(count "select split_part(polled_by, '@', 1) from mailbox_poll" 2>/dev/null || true)
      now=$(count "select count(*) from ticket" 2>/dev/null || echo 0)
      for slot in $(seq 1 "$hubs"); do [ "${pids[$slot]}" = "$poller" ] && victim=$slot; done
      [ "${pids[$victim]}" = "$poller" ] && [ "$now" -gt "$before" ] && break
      [ "$now" -ge "$mails" ] && break
      sleep 0.05
    done
  fi
  sleep "0.$((RANDOM % 2))$((RANDOM % 10))"
  kill -9 "${pids[$victim]}"; wait "${pids[$victim]}" 2>/dev/null || true
  left=$(unseen_count)   # mail still unseen after the kill: the hub was working the mailbox off when it died
  if [ "$left" -gt 0 ]; then hits=$((hits + 1)); fi
  log "kill $round (hub $victim of $hubs): $(count "select count(*) from ticket") tickets so far; $(unseen)$([ "$left" -gt 0 ] || echo ' (idle: not counted)')"
  [ "$left" -gt 0 ] || [ "$hits" -ge "$kills" ] || break   # nothing left to interrupt
  start_hub "$victim" "hub-$victim-after-kill-$round"
done
if [ "$hits" -lt "$kills" ]; then
  log "FAIL: only $hits of $kills kills hit the hub during intake (more mails: $0 MAILS KILLS)"; keep=1; exit 1
fi

log "restarting to drain the rest"
for slot in $(seq 1 "$hubs"); do kill -0 "${pids[$slot]:-0}" 2>/dev/null || start_hub "$slot" "hub-$slot-final"; done
for _ in $(seq 600); do
  [ "$(count "select count(*) from mail_message")" -ge "$mails" ] && [[ "$(unseen)" == *"UNSEEN 0"* ]] && break
  sleep 0.5
done
for slot in $(seq 1 "$hubs"); do kill -TERM "${pids[$slot]}" 2>/dev/null || true; wait "${pids[$slot]}" 2>/dev/null || true; pids[$slot]=; done

tickets=$(count "select count(*) from ticket")
distinct=$(count "select count(distinct message_key) from mail_message")
records=$(count "select count(*) from mail_message")
placed=$(count "select count(*) from mail_message where mailbox_name is not null and uidvalidity is not null and uid is not null")
pollers=$(cat "$work"/hub-*.log | grep -c "poll done" || true)
# mails a kill left committed but unflagged, which a later poll recognised by UID and flagged without processing
recovered=$(cat "$work"/hub-*.log | { grep -o "flagged [0-9]* mails seen whose effects had committed" || true; } | awk '{n += $2} END {print n + 0}')
status=$(unseen)
log "mails $mails, tickets $tickets, distinct recorded mails $distinct, mail records $records (with UIDVALIDITY and UID: $placed), mailbox $status"
log "$hits kills during intake in $round rounds, $hubs hub instance(s), $pollers completed polls, $recovered mails committed before a kill and flagged by UID after"
if [ "$tickets" -eq "$mails" ] && [ "$distinct" -eq "$mails" ] && [ "$records" -eq "$mails" ] && [ "$placed" -eq "$mails" ] \
    && [[ "$status" == *"UNSEEN 0"* ]]; then
  log "PASS: exactly one ticket per mail after $hits kills during intake, every mail recorded with its UID and flagged seen"
else
  log "FAIL"; keep=1; exit 1
fi
