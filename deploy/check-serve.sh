#!/usr/bin/env bash
# Checks `make serve` end to end: starts the production stack on a free port with a temporary
# SQLite database (or DATABASE_URL if set), waits for it to answer, kills one web worker with
# SIGKILL, asserts the site answers again within 10 seconds with that worker replaced, and
# stops everything. Exit status 0 on success. Used by the test suite (tests/labplatform/test_serve.py).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
TMP="$(mktemp -d)"
PORT="${PORT:-$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
export PORT HOST=127.0.0.1 WEB_WORKERS=2 SERVE_RUN_DIR="$TMP/run" ENV_FILE="$TMP/none.env"
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY="check-serve-$RANDOM-$RANDOM-$RANDOM-not-for-production"
export REPORTS_ENCRYPTION_KEYS="${REPORTS_ENCRYPTION_KEYS:-$("$PY" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')}"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$TMP/db.sqlite3}" DJANGO_MEDIA_ROOT="$TMP/media"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0
export DJANGO_HSTS_SECONDS=0 SITE_URL="http://127.0.0.1:$PORT"

ctl() { "$PY" -m supervisor.supervisorctl -c "$TMP/run/supervisord.conf" "$@"; }
health() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/salud/" 2>/dev/null; }
cleanup() {
  if [[ -n "${SERVER:-}" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

cd "$ROOT"
"$PY" -m labplatform.production >"$TMP/serve.log" 2>&1 &
SERVER=$!

for _ in $(seq 1 1200); do health && break; kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
health || { echo "make serve did not answer on port $PORT"; cat "$TMP/serve.log"; exit 1; }
echo "serving on port $PORT"

pid_of() { ctl status "web:web-0" | awk '{for (i=1;i<=NF;i++) if ($i=="pid") {gsub(",","",$(i+1)); print $(i+1)}}'; }
OLD="$(pid_of)"
[[ -n "$OLD" ]] || { echo "no pid for web-0"; ctl status || true; exit 1; }
kill -KILL "$OLD"
START=$(date +%s.%N)
BACK=""
while :; do
  NEW="$(pid_of || true)"
  if [[ -n "$NEW" && "$NEW" != "$OLD" ]] && health; then BACK=1; break; fi
  ELAPSED=$(echo "$(date +%s.%N) - $START" | bc)
  (( $(echo "$ELAPSED > 10" | bc) )) && break
  sleep 0.2
done
ELAPSED=$(echo "$(date +%s.%N) - $START" | bc)
[[ -n "$BACK" ]] || { echo "web-0 not back within 10 s"; ctl status || true; exit 1; }
printf 'worker %s killed; replaced by %s and serving again after %.1f s\n' "$OLD" "$NEW" "$ELAPSED"
ctl status
ctl status tasks | grep -q RUNNING && ctl status schedule | grep -q RUNNING
echo "OK"
