#!/usr/bin/env bash
# ./tessera bench jwt: JMH sign/verify for RS256, ES256, EdDSA; each result as a ratio to parsing the
# same token without checking it (the reference, same run). Writes docs/benchmarks/jwt.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/load-tests"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:$(cat target/cp.txt)"
java -cp "$CP" org.openjdk.jmh.Main JwtSignVerifyBenchmark -f "${FORKS:-1}" -wi "${WARMUPS:-3}" -w 2s \
  -i "${ITERATIONS:-5}" -r 2s -t "${THREADS:-1}" -rf json -rff target/jmh.json
python3 - "$ROOT/docs/benchmarks/jwt.md" <<'PY'
import json, subprocess, sys
results = json.load(open("target/jmh.json"))
by = {}
for r in results:
    alg = r["params"]["algorithm"]
    op = r["benchmark"].rsplit(".", 1)[1]
    by[(alg, op)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
machine = subprocess.run("echo \"$(nproc) cores, $(java -version 2>&1 | head -n 1)\"", shell=True,
                         capture_output=True, text=True).stdout.strip()
lines = ["# JWT sign and verify (JMH)", "",
         "Command: `./tessera bench jwt`  ", "Machine: %s, 1 thread  " % machine,
         "Reference: `parse` (decode the same token without checking its signature), same run.", "",
         "| algorithm | operation | ops/s | ± | ratio to parse |", "|---|---|---:|---:|---:|"]
for alg in ("RS256", "ES256", "EdDSA"):
    ref = by[(alg, "parse")][0]
    for op in ("sign", "verify", "parse"):
        score, err = by[(alg, op)]
        lines.append("| %s | %s | %.0f | %.0f | %.4f |" % (alg, op, score, err, score / ref))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
