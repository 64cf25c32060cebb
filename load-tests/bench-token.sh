#!/usr/bin/env bash
# ./tessera bench token: Gatling load on POST /oauth/token against the running auth server, one phase
# per grant, each compared with the reference (an unauthenticated endpoint of the same server) measured
# in the same run. Writes docs/benchmarks/token.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
USERS="${USERS:-32}"
PHASE_SECONDS="${PHASE_SECONDS:-20}"
BASE_URL="${BASE_URL:-http://127.0.0.1:${AUTH_PORT:-9000}}"

curl -fsS -o /dev/null "$BASE_URL/health" || "$ROOT/tessera" up
cd "$ROOT/load-tests"
mvn -B -q gatling:test -Dgatling.simulationClass=dev.tessera.load.TokenEndpointSimulation \
  -Dbase.url="$BASE_URL" -Dusers="$USERS" -Dphase.seconds="$PHASE_SECONDS"
RUN="$(ls -td target/gatling/*/ | head -n 1)"
python3 "$ROOT/load-tests/gatling_report.py" "$RUN/index.html" "$PHASE_SECONDS" "reference" \
  --title "Token endpoint (POST /oauth/token)" \
  --command "./tessera bench token   # USERS=$USERS PHASE_SECONDS=$PHASE_SECONDS" \
  --machine "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)" \
  --output "$ROOT/docs/benchmarks/token.md"
cat "$ROOT/docs/benchmarks/token.md"
