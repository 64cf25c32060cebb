#!/usr/bin/env bash
# ./tessera bench jwt: JMH sign/verify for RS256, ES256 (JDK providers and Amazon Corretto Crypto Provider)
# and EdDSA (Tink); each result as a ratio to parsing the same token without checking it (the reference,
# same run). Writes docs/benchmarks/jwt.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/load-tests"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:$(cat target/cp.txt)"
java -cp "$CP" org.openjdk.jmh.Main JwtSignVerifyBenchmark -f "${FORKS:-1}" -wi "${WARMUPS:-3}" -w 2s \
  -i "${ITERATIONS:-5}" -r 2s -t "${THREADS:-1}" -rf json -rff target/jmh-jwt.json
python3 - "$ROOT/docs/benchmarks/jwt.md" "${FORKS:-1}" "${WARMUPS:-3}" "${ITERATIONS:-5}" <<'PY'
import json, subprocess, sys
target, forks, warmups, iterations = sys.argv[1:5]
by = {}
for r in json.load(open("target/jmh-jwt.json")):
    by[(r["params"]["variant"], r["benchmark"].rsplit(".", 1)[1])] = (float(r["primaryMetric"]["score"]), float(r["primaryMetric"]["scoreError"]))
machine = subprocess.run("echo \"$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), "
                         "$(java -version 2>&1 | head -n 1)\"", shell=True, capture_output=True, text=True).stdout.strip()
date = subprocess.run(["date", "-u", "+%Y-%m-%d %H:%M UTC"], capture_output=True, text=True).stdout.strip()
variants = ["RS256/JDK", "RS256/ACCP", "ES256/JDK", "ES256/ACCP", "EdDSA/Tink"]
fmt = lambda v: "{:,.0f}".format(v) if v == v else "—"
lines = ["# JWT sign and verify (JMH)", "",
         "Command: `./tessera bench jwt`  # FORKS=%s WARMUPS=%s ITERATIONS=%s (2 s each)  " % (forks, warmups, iterations),
         "Date: %s  " % date, "Machine: %s, 1 thread  " % machine,
         "Reference: `parse` (decode the same token without checking its signature), same run. "
         "ACCP = Amazon Corretto Crypto Provider 2.5.0 set on the Nimbus signer's and verifier's JCA context, as "
         "the auth server and the resource servers use it; Nimbus signs Ed25519 with Tink, outside JCA.", "",
         "| algorithm / provider | sign ops/s | ± | verify ops/s | ± | parse ops/s | sign / parse | verify / parse |",
         "|---|---:|---:|---:|---:|---:|---:|---:|"]
for v in variants:
    s, se = by[(v, "sign")]; ve, vee = by[(v, "verify")]; p = by[(v, "parse")][0]
    lines.append("| %s | %s | %s | %s | %s | %s | %.4f | %.4f |" % (v, fmt(s), fmt(se), fmt(ve), fmt(vee), fmt(p), s / p, ve / p))
lines += ["", "Native over JDK, same run:", "", "| algorithm | sign | verify |", "|---|---:|---:|"]
for alg in ("RS256", "ES256"):
    lines.append("| %s | %.1f× | %.1f× |" % (alg, by[(alg + "/ACCP", "sign")][0] / by[(alg + "/JDK", "sign")][0],
                                          by[(alg + "/ACCP", "verify")][0] / by[(alg + "/JDK", "verify")][0]))
us = lambda v, op: 1e6 / by[(v, op)][0]
lines += ["", "CPU per access token, signed once and verified V times (µs; V = replicas that see it with Tessera's "
          "verified-token cache, or requests made with it for a verifier without one):", "",
          "| algorithm / provider | sign µs | verify µs | V = 1 | V = 3 | V = 10 |", "|---|---:|---:|---:|---:|---:|"]
for v in variants:
    s, ve = us(v, "sign"), us(v, "verify")
    lines.append("| %s | %.1f | %.1f | %.0f | %.0f | %.0f |" % (v, s, ve, s + ve, s + 3 * ve, s + 10 * ve))
open(target, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
