#!/usr/bin/env bash
# ./tessera bench keycloak: Tessera against Keycloak on this machine, in one run. Fetches the Keycloak
# distribution from Maven Central (cached under .tessera/keycloak), starts it in dev mode on free loopback
# ports, creates through its admin REST API a realm with its defaults and one that rotates refresh tokens
# (revokeRefreshToken, refreshTokenMaxReuse 0), each with Tessera's demo client (cli, confidential,
# client_secret_post, direct access grants, service account) and user (alice), warms both JVMs (Keycloak
# twice), then runs the same wrk loads against both, interleaved round by round: client_credentials,
# refresh with rotation (one chain per connection) and password logins. Stops Keycloak and writes
# docs/benchmarks/keycloak.md. Tessera is the running auth server at AUTH_URL (default: ./tessera up's).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/load-tests/bench-keycloak"
KC_VERSION="${KC_VERSION:-26.4.0}"
AUTH="${AUTH_URL:-http://127.0.0.1:${AUTH_PORT:-9000}}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-15}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
CHAINS="${CHAINS:-16}"
TARGET="${TARGET:-$ROOT/docs/benchmarks/keycloak.md}"
CACHE="$ROOT/.tessera/keycloak"
KC_HOME="$CACHE/keycloak-$KC_VERSION"
OUT="$(mktemp -d)"
CLIENT="client_id=cli&client_secret=cli-secret"

log() { printf '\033[1;34m[bench keycloak]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench keycloak]\033[0m %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The JVM options (-X...) of a running process, without system properties (which may hold secrets).
jvm_flags() { [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' '\n' < "/proc/$1/cmdline" | grep -E '^-X' | tr '\n' ' '; true; }
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

for tool in wrk unzip; do
  command -v "$tool" >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq "$tool" >/dev/null; }
done
curl -fsS -o /dev/null "$AUTH/health" || "$ROOT/tessera" up
curl -fsS -o /dev/null "$AUTH/health" || die "Tessera does not answer at $AUTH (set AUTH_URL)"
AUTH_PORT_OF_URL="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).port or 80)' "$AUTH")"

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central into $CACHE"
  mkdir -p "$CACHE"
  (cd "$CACHE" && mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$CACHE")
  unzip -q -o "$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$CACHE"
fi

# Dev mode's defaults, read from conf/keycloak.conf and `kc.sh start-dev --help`: HTTP on 0.0.0.0:8080 (nginx's
# sticky listener here), management on 9000 (Tessera's port), HTTPS 8443, H2 under data/. All moved to free
# loopback ports; data/ removed so every run starts from an empty database.
KC_PORT="$(free_port)"; KC_MGMT_PORT="$(free_port)"; KC_HTTPS_PORT="$(free_port)"
KC="http://127.0.0.1:$KC_PORT"
KC_ADMIN_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
rm -rf "$KC_HOME/data"
log "starting Keycloak $KC_VERSION (start-dev) on $KC"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" setsid "$KC_HOME/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$KC_PORT" --https-port="$KC_HTTPS_PORT" --http-management-port="$KC_MGMT_PORT" \
  > "$OUT/keycloak.log" 2>&1 &
KC_PID=$!
stop_keycloak() {
  if kill -0 "$KC_PID" 2>/dev/null; then
    log "stopping Keycloak (pid $KC_PID)"
    kill "$KC_PID"
    for _ in $(seq 1 100); do kill -0 "$KC_PID" 2>/dev/null || return 0; sleep 0.2; done
    kill -9 "$KC_PID" 2>/dev/null || true
  fi
}
trap stop_keycloak EXIT
for _ in $(seq 1 360); do
  curl -fsS -o /dev/null "$KC/realms/master" 2>/dev/null && break
  kill -0 "$KC_PID" 2>/dev/null || { tail -n 30 "$OUT/keycloak.log" >&2; die "Keycloak exited during start-up"; }
  sleep 0.5
done
curl -fsS -o /dev/null "$KC/realms/master" || die "Keycloak did not answer within 180 s; log: $OUT/keycloak.log"

log "configuring realms bench (defaults) and bench-rotating through the admin REST API"
ADMIN_TOKEN="$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d "password=$KC_ADMIN_PASSWORD" \
  "$KC/realms/master/protocol/openid-connect/token" | json_field access_token)"
admin() { curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }
sed -e 's/REALM/bench/' -e 's/ROTATE/false/' "$HERE/realm.json" | admin -d @- "$KC/admin/realms"
sed -e 's/REALM/bench-rotating/' -e 's/ROTATE/true/' "$HERE/realm.json" | admin -d @- "$KC/admin/realms"
ALICE_ID="$(admin "$KC/admin/realms/bench/users?username=alice&exact=true" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"
admin "$KC/admin/realms/bench/users/$ALICE_ID/credentials" > "$OUT/kc-credentials.json"
admin "$KC/admin/realms/bench-rotating" > "$OUT/kc-rotating-realm.json"

# token endpoint and form of each load, per server
url() { # server load
  case "$1:$2" in
    keycloak:refresh) echo "$KC/realms/bench-rotating/protocol/openid-connect/token" ;;
    keycloak:*) echo "$KC/realms/bench/protocol/openid-connect/token" ;;
    tessera:*) echo "$AUTH/oauth/token" ;;
  esac
}
body() { # load
  case "$1" in
    client_credentials) echo "grant_type=client_credentials&$CLIENT" ;;
    password) echo "grant_type=password&$CLIENT&username=alice&password=alice-pass" ;;
    refresh) echo "grant_type=refresh_token&$CLIENT" ;;
  esac
}
login() { # server -> a fresh refresh token (password grant)
  curl -fsS -d "$(body password)" "$(url "$1" refresh)" | json_field refresh_token
}
for server in keycloak tessera; do
  for load in client_credentials password; do
    curl -fsS -d "$(body "$load")" "$(url "$server" "$load")" > "$OUT/sample-$server-$load.json" \
      || die "$server refused a $load request"
  done
  first="$(login "$server")"
  curl -fsS -d "$(body refresh)&refresh_token=$first" "$(url "$server" refresh)" > "$OUT/sample-$server-refresh.json" \
    || die "$server refused a refresh"
  [ "$server" = keycloak ] && first_keycloak="$first"
done
# Keycloak's rotating realm must refuse a used refresh token. (Tessera rotates always; a used token presented
# again within tessera.tokens.reuse-grace-window, 10 s, gets a sibling, later it revokes the family.)
if curl -fsS -o /dev/null -d "$(body refresh)&refresh_token=$first_keycloak" "$(url keycloak refresh)" 2>/dev/null; then
  die "Keycloak accepted a rotated refresh token again: rotation is not on in realm bench-rotating"
fi

run() { # server load seconds name
  local server="$1" load="$2" seconds="$3" name="$4" file="$OUT/$4"
  if [ "$load" = refresh ]; then
    for _ in $(seq 1 "$CHAINS"); do login "$server"; done > "$OUT/$name.tokens"
    WRK_TOKENS="$OUT/$name.tokens" WRK_BODY="$(body refresh)" wrk -t"$CHAINS" -c"$CHAINS" -d"${seconds}s" --timeout 10s \
      --latency -s "$HERE/refresh.lua" "$(url "$server" refresh)" > "$file"
  else
    WRK_BODY="$(body "$load")" wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$HERE/form.lua" \
      "$(url "$server" "$load")" > "$file"
  fi
  if grep -q "Non-2xx" "$file" || grep -Eq "Broken chains' failed requests: [1-9]" "$file"; then
    cat "$file" >&2
    die "$server answered errors under the $load load ($name)"
  fi
  printf '  %-34s %s req/s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$file")"
}
LOADS="client_credentials refresh password"
log "warming up: Tessera one round, Keycloak two (${WARMUP_SECONDS} s per load)"
for load in $LOADS; do run tessera "$load" "$WARMUP_SECONDS" "warmup-tessera-$load"; done
for pass in 1 2; do for load in $LOADS; do run keycloak "$load" "$WARMUP_SECONDS" "warmup$pass-keycloak-$load"; done; done
uptime > "$OUT/load-average"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round of $ROUNDS (${SECONDS_PER_RUN} s per run)"
  if [ $((round % 2)) -eq 1 ]; then order="keycloak tessera"; else order="tessera keycloak"; fi
  for load in $LOADS; do
    for server in $order; do run "$server" "$load" "$SECONDS_PER_RUN" "$load-$server-$round"; done
  done
done
KC_JVM_FLAGS="$(jvm_flags "$KC_PID")"
stop_keycloak

{
  printf 'kc_version\t%s\n' "$(cat "$KC_HOME/version.txt" 2>/dev/null | head -n 1)"
  printf 'kc_jvm\t%s\n' "$KC_JVM_FLAGS"
  printf 'tessera_jvm\t%s\n' "$(jvm_flags "$(listener_pid "$AUTH_PORT_OF_URL")")"
  printf 'tessera_rev\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- auth-server || echo ' (with local changes)')"
  printf 'tessera_metrics\t%s\n' "$(curl -fsS -H "Authorization: Bearer ${TESSERA_METRICS_SCRAPE_TOKEN:-dev-metrics-scrape-token}" "$AUTH/metrics" \
    | grep '^tessera_crypto_provider' | tr '\n' ' ')"
  printf 'tessera_hash\t%s\n' "$(PGPASSWORD="${TESSERA_DB_PASSWORD:-tessera}" psql -h "${TESSERA_PG_HOST:-127.0.0.1}" \
    -p "${TESSERA_PG_PORT:-5432}" -U "${TESSERA_DB_USER:-tessera}" -d "${TESSERA_DB_NAME:-tessera}" -tAc \
    "SELECT password_hash FROM users WHERE username = 'alice'" 2>/dev/null | cut -d'$' -f1-4)"
  printf 'machine\t%s cores (%s), %s GiB, %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(free -g | awk '/Mem:/ {print $2}')" "$(java -version 2>&1 | head -n 1)"
  printf 'load_average\t%s\n' "$(sed 's/.*load average/load average/' "$OUT/load-average")"
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'wrk\t%s\n' "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  printf 'settings\tAUTH_URL=%s ROUNDS=%s SECONDS_PER_RUN=%s WARMUP_SECONDS=%s CONNECTIONS=%s CHAINS=%s\n' \
    "$AUTH" "$ROUNDS" "$SECONDS_PER_RUN" "$WARMUP_SECONDS" "$CONNECTIONS" "$CHAINS"
} > "$OUT/meta.tsv"
python3 "$HERE/report.py" "$OUT" "$ROUNDS" "$TARGET"
log "wrote $TARGET (raw wrk output in $OUT)"
