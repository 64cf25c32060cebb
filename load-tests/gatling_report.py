#!/usr/bin/env python3
"""Turns Gatling's stats.json into a Markdown table: throughput and latency per measured phase, each
as a ratio to the reference phase of the same run. Phases are named '<phase>: <request>'; warm-up and
set-up requests are listed but not compared."""
import argparse
import json
import sys


def requests(stats):
    for entry in stats.get("contents", {}).values():
        if entry.get("type") == "REQUEST":
            yield entry["name"], entry["stats"]
        else:
            yield from requests(entry)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stats_json")
    parser.add_argument("phase_seconds", type=float)
    parser.add_argument("reference_phase")
    parser.add_argument("--title", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    with open(args.stats_json) as f:
        stats = json.load(f)
    rows = []
    for name, s in requests(stats):
        phase = name.split(":", 1)[0]
        ok = s["numberOfRequests"]["ok"]
        ko = s["numberOfRequests"]["ko"]
        rows.append({"name": name, "phase": phase, "ok": ok, "ko": ko, "rps": ok / args.phase_seconds,
                     "p50": s["percentiles1"]["ok"], "p95": s["percentiles3"]["ok"], "p99": s["percentiles4"]["ok"]})
    reference = next((r for r in rows if r["phase"] == args.reference_phase), None)
    if reference is None or reference["rps"] == 0:
        sys.exit("no reference phase '%s' in %s" % (args.reference_phase, args.stats_json))
    lines = ["# " + args.title, "",
             "Command: `%s`  " % args.command,
             "Machine: %s  " % args.machine,
             "Each phase runs alone for %g s; throughput = successful requests / phase length. "
             "Ratios are against the reference phase measured in the same run." % args.phase_seconds, "",
             "| request | ok | errors | req/s | ratio to reference | p50 ms | p95 ms | p99 ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        measured = r["phase"] not in ("warmup", "refresh setup")
        ratio = "%.3f" % (r["rps"] / reference["rps"]) if measured else "(not measured)"
        lines.append("| %s | %d | %d | %.0f | %s | %s | %s | %s |" % (
            r["name"], r["ok"], r["ko"], r["rps"] if measured else 0, ratio, r["p50"], r["p95"], r["p99"]))
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")
    failed = sum(r["ko"] for r in rows)
    if failed:
        sys.exit("%d requests failed; see the Gatling report" % failed)


if __name__ == "__main__":
    main()
