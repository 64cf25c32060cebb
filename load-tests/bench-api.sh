#!/usr/bin/env bash
# ./tessera bench api: wrk on one orders-api replica, authenticated GET /api/profile (signature check +
# local revocation lookup) against the unauthenticated GET /api/ping reference, interleaved in rounds so
# drift hits both alike. Bar (issue 4): profile keeps >= 85% of ping's throughput, p99 within 1.2x.
# Writes docs/benchmarks/api.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AUTH="${AUTH_URL:-http://127.0.0.1:${AUTH_PORT:-9000}}"
API="${API_URL:-http://127.0.0.1:8101}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
curl -fsS -o /dev/null "$API/api/ping" || "$ROOT/tessera" up
token() {
  curl -fsS -u cli:cli-secret -d grant_type=password -d username=alice -d password=alice-pass "$AUTH/oauth/token" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}
OUT="$(mktemp -d)"
run() { # name, url, [header]
  local name="$1" url="$2"; shift 2
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@" "$url" > "$OUT/$name"
}
echo "warming up"
TOKEN="$(token)"
run warm-ping "$API/api/ping"
run warm-profile "$API/api/profile" -H "Authorization: Bearer $TOKEN"
for round in $(seq 1 "$ROUNDS"); do
  TOKEN="$(token)"   # fresh each round: access tokens live 5 minutes
  echo "round $round"
  run "ping-$round" "$API/api/ping"
  run "profile-$round" "$API/api/profile" -H "Authorization: Bearer $TOKEN"
  if grep -q "Non-2xx" "$OUT/profile-$round"; then cat "$OUT/profile-$round"; echo "profile answered errors" >&2; exit 1; fi
done
python3 - "$OUT" "$ROUNDS" "$ROOT/docs/benchmarks/api.md" "$SECONDS_PER_RUN" "$CONNECTIONS" <<'PY'
import re, subprocess, sys
out, rounds, target, secs, conns = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
def read(name):
    text = open("%s/%s" % (out, name)).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    return rps, p50, p99
rows, ratios = [], []
for r in range(1, rounds + 1):
    ping, profile = read("ping-%d" % r), read("profile-%d" % r)
    rows.append((r, ping, profile))
    ratios.append((profile[0] / ping[0], profile[2] / ping[2]))
mean_tp = sum(t for t, _ in ratios) / len(ratios)
mean_p99 = sum(p for _, p in ratios) / len(ratios)
machine = subprocess.run("echo \"$(nproc) cores, $(java -version 2>&1 | head -n 1); load average when the rounds ended: $(cut -d' ' -f1-3 /proc/loadavg)\"", shell=True, capture_output=True, text=True).stdout.strip()
lines = ["# Resource server: authenticated vs unauthenticated request", "",
         "Command: `./tessera bench api`  ",
         "Machine: %s; wrk (1 thread, %s connections, %s s per run) and the replica share the cores  " % (machine, conns, secs),
         "Reference: `GET /api/ping` (no token) on the same replica, interleaved with `GET /api/profile` "
         "(a token verified once, ES256 by default, then the verified-token cache: expiry and local revocation lookup) in each round.", "",
         "| round | ping req/s | ping p50 ms | ping p99 ms | profile req/s | profile p50 ms | profile p99 ms | throughput ratio | p99 ratio |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for (r, ping, profile), (tp, p99) in zip(rows, ratios):
    lines.append("| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.3f | %.3f |" % (r, ping[0], ping[1], ping[2], profile[0], profile[1], profile[2], tp, p99))
verdict_tp = "meets" if mean_tp >= 0.85 else "MISSES"
verdict_p99 = "meets" if mean_p99 <= 1.2 else "MISSES"
lines += ["", "Mean throughput ratio **%.3f** (bar ≥ 0.85: %s); mean p99 ratio **%.3f** (bar ≤ 1.2: %s)." % (mean_tp, verdict_tp, mean_p99, verdict_p99)]
open(target, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
