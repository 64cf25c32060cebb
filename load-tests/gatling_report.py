#!/usr/bin/env python3
"""Turns the statistics table of a Gatling report (index.html; Gatling 3.15 no longer writes
stats.json) into a Markdown table: throughput and latency per measured phase, each as a ratio to the
reference phase of the same run. Requests are named '<phase>: <request>'; warm-up and set-up requests
are listed but not compared."""
import argparse
import html
import re
import sys

ROW = re.compile(r'class="ellipsed-name">(?P<name>[^<]+)</span>(?P<cells>.*?)</tr>', re.S)
CELL = re.compile(r'<td class="value [a-z ]*col-(\d+)">([^<]*)</td>')
# Gatling's statistics columns: 2 total, 3 ok, 4 ko, 5 %ko, 6 cnt/s, 7 min, 8 p50, 9 p75, 10 p95, 11 p99, 12 max
COLUMNS = {2: "total", 3: "ok", 4: "ko", 8: "p50", 10: "p95", 11: "p99", 12: "max"}


def requests(report_html):
    for match in ROW.finditer(report_html):
        cells = {COLUMNS[int(c)]: v for c, v in CELL.findall(match.group("cells")) if int(c) in COLUMNS}
        if len(cells) == len(COLUMNS):
            yield html.unescape(match.group("name")).strip(), cells


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report_html")
    parser.add_argument("phase_seconds", type=float)
    parser.add_argument("reference_phase")
    parser.add_argument("--title", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    with open(args.report_html) as f:
        report = f.read()
    rows = []
    for name, s in requests(report):
        if name == "All Requests":
            continue
        phase = name.split(":", 1)[0]
        ok = int(s["ok"])
        rows.append({"name": name, "phase": phase, "ok": ok, "ko": int(s["ko"]), "rps": ok / args.phase_seconds,
                     "p50": s["p50"], "p95": s["p95"], "p99": s["p99"]})
    reference = next((r for r in rows if r["phase"] == args.reference_phase), None)
    if reference is None or reference["rps"] == 0:
        sys.exit("no reference phase '%s' in %s" % (args.reference_phase, args.report_html))
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
