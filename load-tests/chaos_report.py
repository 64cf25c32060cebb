#!/usr/bin/env python3
"""Writes the measured section of docs/reliability.md from a ./tessera chaos run (load-tests/chaos.sh):
per fault, Gatling's report (requests, failed, max latency), FaultSimulation's log (5xx, no answer, time
to recover, users logged out, refresh chains refused) and chaos_probe.py's checks (revocations, refresh
families and accounts lost). Only the text between the chaos markers is replaced; nothing is typed by hand.
usage: chaos_report.py RESULTS_DIR docs/reliability.md --faults "a b" --command CMD"""
import argparse
import json
import os
import platform
import re
import time

from gatling_report import requests

BEGIN, END = "<!-- chaos:begin -->", "<!-- chaos:end -->"
WHAT = {
    "auth-replica": "kill -9 one of the two auth-server replicas; back after the pause",
    "api-replica": "kill -9 one of the three orders-API replicas; back after the pause",
    "web-replica": "kill -9 a web replica of each session scheme (mail-2, sticky-2); back after the pause",
    "redis-failover": "kill -9 the Redis primary: Sentinel promotes the replica; the old node returns as a replica",
    "postgres-restart": "restart PostgreSQL (pg_ctl restart -m fast)",
    "redis-flushall": "FLUSHALL on the Redis primary: every key gone",
}


def all_requests(run_dir):
    with open(os.path.join(run_dir, "index.html")) as f:
        for name, cells in requests(f.read()):
            if name == "All Requests":
                return cells
    raise SystemExit("no 'All Requests' row in " + run_dir)


def row(results, fault):
    with open(os.path.join(results, fault + ".run")) as f:
        run_dir = f.read().strip()
    stats = all_requests(run_dir)
    ran = time.strftime("%H:%M", time.gmtime(os.path.getmtime(os.path.join(run_dir, "index.html"))))
    with open(os.path.join(results, fault + ".json")) as f:
        log = json.load(f)
    with open(os.path.join(results, fault + ".probe.json")) as f:
        probe = json.load(f)["result"]
    populations = log["schemes"]
    total = lambda key: sum(p[key] for p in populations.values())
    recovery = max(p["recovery_seconds"] for p in populations.values())
    logged_out = " / ".join("%d of %d" % (populations[s]["users_logged_out"], populations[s]["active_at_fault"])
                            for s in ("sticky", "redis"))
    chains = populations.get("refresh", {}).get("lost_refresh_families", 0)
    families_lost = probe["families_lost"] + chains
    return ("| %s %s | %s | %s | %d | %d | %d | %s | %.1f s | %s | %d of %d | %d (%d kept, %d under load) | %d of %d |" % (
        fault, ran, WHAT.get(fault, ""), stats["total"], int(stats["ko"]), total("server_errors"), total("no_answers"),
        stats["max"], recovery, logged_out, probe["revocations_lost"], probe["revocations"], families_lost,
        probe["families"], chains, probe["accounts_lost"], probe["accounts"]),
        probe["revocations_lost"] + families_lost + probe["accounts_lost"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("document")
    parser.add_argument("--faults", required=True)
    parser.add_argument("--command", required=True)
    args = parser.parse_args()
    rows, losses = [], 0
    for fault in args.faults.split():
        if not os.path.exists(os.path.join(args.results, fault + ".probe.json")):
            continue  # not run yet
        line, lost = row(args.results, fault)
        rows.append(line)
        losses += lost
    with open(os.path.join(args.results, "settings")) as f:
        settings = f.read().strip()
    with open(os.path.join(args.results, "machine.load")) as f:
        load = f.read().strip()
    section = [
        BEGIN,
        "Command: `%s`, %s  " % (args.command, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        "Machine: %s, %d cores, load average before the run %s; settings: %s  " % (
            platform.system(), os.cpu_count(), load, settings),
        "Load per run: FaultSimulation (Gatling) through nginx: users of each session scheme (sticky, redis, jwt) "
        "arriving every second and reading their profile every pause, and refresh chains rotating their refresh "
        "token every pause at `:8000` (two auth replicas). Topology: `./tessera up --ha` (Redis primary, replica, "
        "three sentinels), a private PostgreSQL. *Failed*: Gatling's failed requests (any status it did not "
        "expect, or no answer); a 401 that sends a user to sign in again counts under *logged out*, not as failed. "
        "*Recovered after*: from the fault to the last failed request or logout. Losses are checked over HTTP by "
        "`chaos_probe.py`: 10 revocations made before the fault must be refused by every API replica and by "
        "introspection, 5 refresh tokens kept unused must still rotate, the account count must not drop; a refresh "
        "chain under load that is refused (400) is a family lost too.",
        "",
        "| fault (ran at, UTC) | what | requests | failed | 5xx | no answer | max latency ms | recovered after | logged out: sticky / redis "
        "(of active) | revocations lost | refresh families lost | accounts lost |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ] + rows + [
        "",
        "Losses over all faults: **%d** (revocations, refresh families and accounts must stay at 0)." % losses,
        END,
    ]
    with open(args.document) as f:
        document = f.read()
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(document):
        raise SystemExit("no chaos markers in " + args.document)
    with open(args.document, "w") as f:
        f.write(pattern.sub(lambda m: "\n".join(section), document))
    print("\n".join(section))


if __name__ == "__main__":
    main()
