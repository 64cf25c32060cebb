#!/usr/bin/env bash
# ./tessera bench argon2: JMH, one argon2id hash with BouncyCastle (pure Java) and with Debian's libargon2
# (argon2-jvm), at equal parameters: Tessera's default and Keycloak 26's default. Writes docs/benchmarks/argon2.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dpkg -s libargon2-1 >/dev/null 2>&1 || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq libargon2-1 >/dev/null; }
cd "$ROOT/load-tests"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:$(cat target/cp.txt)"
java -cp "$CP" org.openjdk.jmh.Main Argon2Benchmark -f "${FORKS:-1}" -wi "${WARMUPS:-2}" -w 3s \
  -i "${ITERATIONS:-5}" -r 3s -t 1 -rf json -rff target/jmh-argon2.json
python3 - "$ROOT/docs/benchmarks/argon2.md" "${FORKS:-1}" "${WARMUPS:-2}" "${ITERATIONS:-5}" <<'PY'
import json, subprocess, sys
target, forks, warmups, iterations = sys.argv[1:5]
by = {}
for r in json.load(open("target/jmh-argon2.json")):
    by[(r["params"]["cost"], r["params"]["implementation"])] = (float(r["primaryMetric"]["score"]), float(r["primaryMetric"]["scoreError"]))
machine = subprocess.run("echo \"$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), "
                         "$(java -version 2>&1 | head -n 1), libargon2-1 $(dpkg-query -W -f='${Version}' libargon2-1)\"",
                         shell=True, capture_output=True, text=True).stdout.strip()
date = subprocess.run(["date", "-u", "+%Y-%m-%d %H:%M UTC"], capture_output=True, text=True).stdout.strip()
lines = ["# argon2id: pure Java against native (JMH)", "",
         "Command: `./tessera bench argon2`  # FORKS=%s WARMUPS=%s ITERATIONS=%s (3 s each)  " % (forks, warmups, iterations),
         "Date: %s  " % date, "Machine: %s, 1 thread  " % machine,
         "One argon2id hash (RFC 9106, version 0x13, 32 bytes, 16-byte salt) of a 10-character password. "
         "BouncyCastle (1.78.1 here) is what Tessera used before; Keycloak 26 computes argon2 with BouncyCastle too (its Argon2PasswordHashProvider). libargon2 is Debian's, through "
         "argon2-jvm 2.12 (JNA). Both produce the same bytes (checked before measuring).", "",
         "| parameters | whose default | BouncyCastle hashes/s | ± | libargon2 hashes/s | ± | native / Java | ms per hash, native |",
         "|---|---|---:|---:|---:|---:|---:|---:|"]
owner = {"m=19456,t=2,p=1": "Tessera (OWASP minimum)", "m=7168,t=5,p=1": "Keycloak 26"}
for cost in ("m=19456,t=2,p=1", "m=7168,t=5,p=1"):
    j, je = by[(cost, "BouncyCastle")]; n, ne = by[(cost, "libargon2")]
    lines.append("| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f× | %.1f |" % (cost, owner[cost], j, je, n, ne, n / j, 1000 / n))
open(target, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
