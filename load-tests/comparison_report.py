#!/usr/bin/env python3
"""Writes docs/comparison.md and docs/comparison-latency.svg from what ./tessera bench left in
load-tests/target/bench: Gatling's statistics (the report's statistics table, parsed by gatling_report),
the fault logs, the memory measurements and redis-benchmark's CSV. Nothing here is typed by hand: run
it again and the document follows the data. Gatling reports are copied next to the document."""
import argparse
import csv
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gatling_report import requests as gatling_rows  # noqa: E402

SCHEMES = ("sticky", "redis", "jwt")
SEED_STICKY_MB = 500      # seed 000: ~500 MB per sticky server for 100k users
SEED_REDIS_MB = 2048      # seed 000: ~2 GB of Redis for 100k users
SEED_GET_US, SEED_CREATE_US = 28.3, 40.8   # seed 004's session store
BARS = {"redis": 1.5, "jwt": 1.2}          # p99 ratio to sticky (issue 8)
KNEE_P99_FLOOR_MS = 50                     # a p99 under this is not a knee, however it compares to the first level


class Run:
    """One Gatling run: its report directory, when, with which settings, and its statistics rows."""

    def __init__(self, results, name):
        with open(os.path.join(results, name + ".run")) as f:
            lines = f.read().splitlines()
        self.name, self.dir, self.date = name, lines[0], lines[1]
        self.settings = lines[2] if len(lines) > 2 else ""
        self.load = lines[3] if len(lines) > 3 else "–"   # 1-minute load average when the run ended
        with open(os.path.join(self.dir, "index.html")) as f:
            self.rows = {n: {k: (int(v) if v.isdigit() else v) for k, v in cells.items()} for n, cells in gatling_rows(f.read())}

    def row(self, name):
        """The statistics row of one request name; a run that never got that request through failed."""
        row = self.rows.get(name)
        if row is None:
            sys.exit("%s has no '%s' requests: the run failed (see load-tests/target/bench/%s.log)" % (
                self.dir, name, self.name))
        return row

    def ko(self, prefix):
        return sum(r["ko"] for n, r in self.rows.items() if n.startswith(prefix) and n != "All Requests")

    def count(self, prefix):
        return sum(r["total"] for n, r in self.rows.items() if n.startswith(prefix) and "Redirect" not in n)


def load(results, name):
    path = os.path.join(results, name + ".run")
    return Run(results, name) if os.path.exists(path) else None


def read_json(results, name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def settings(run):
    return dict(part.lstrip("-D").split("=", 1) for part in run.settings.split() if "=" in part)


def fmt(value, digits=1):
    return "–" if value is None else ("%.*f" % (digits, value))


def scheme_table(results):
    runs = {s: load(results, "scheme-" + s) for s in SCHEMES}
    if not all(runs.values()):
        return None, {}
    steady = float(settings(runs["sticky"]).get("steady.seconds", 60))
    out = {}
    for s, run in runs.items():
        row = run.row("steady: profile")
        out[s] = {"p50": row["p50"], "p95": row["p95"], "p99": row["p99"], "ok": row["ok"],
                  "rps": row["ok"] / steady, "errors": run.ko(""), "run": run}
    return runs, out


def relative(command, docs):
    """A command as a reader types it from the project root, not with this checkout's absolute path."""
    return command.replace(os.path.abspath(os.path.join(docs, "..")) + "/", "./")


def machine_load(results):
    path = os.path.join(results, "machine.load")
    if not os.path.exists(path):
        return "not recorded"
    with open(path) as f:
        return " / ".join(f.read().split()[:3])


def memory(results):
    sticky, redis, jwt = (read_json(results, "memory-%s.json" % s) for s in SCHEMES)
    mem = {}
    if sticky:
        per100k = (sticky["heap_kb_after"] - sticky["heap_kb_before"]) / 1024 * 100000 / sticky["sessions"]
        mem["sticky"] = {"mb": per100k, "n": sticky["sessions"], "raw": sticky,
                         "text": "%.0f MB heap per replica" % per100k}
    if redis:
        per100k = (redis["used_memory_after"] - redis["used_memory_before"]) / 1048576 * 100000 / redis["sessions"]
        mem["redis"] = {"mb": per100k, "n": redis["sessions"], "raw": redis,
                        "text": "%.0f MB of Redis (shared)" % per100k}
    if jwt:
        heap = (jwt["heap_kb_after"] - jwt["heap_kb_before"]) / 1024 * 100000 / jwt["revocations"]
        rds = (jwt["redis_used_after"] - jwt["redis_used_before"]) / 1048576 * 100000 / jwt["revocations"]
        mem["jwt"] = {"mb": 0.0, "n": jwt["revocations"], "raw": jwt, "view_mb": heap, "redis_mb": rds,
                      "text": "0 per signed-in user; %.0f MB heap per replica and %.0f MB Redis per 100k revocations" % (heap, rds)}
    return mem


def floor(results):
    path = os.path.join(results, "redis-floor.csv")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        rows = {r["test"]: r for r in csv.DictReader(f)}
    return {t: {"p50_us": float(rows[t]["p50_latency_ms"]) * 1000, "avg_us": float(rows[t]["avg_latency_ms"]) * 1000}
            for t in ("SET", "GET") if t in rows}


def svg_chart(data, path):
    """Grouped bars: p50, p95, p99 per scheme, from the steady window of the scheme runs."""
    width, height, left, bottom, top = 640, 320, 60, 40, 40
    top_value = max(max(d["p99"], 1) for d in data.values())
    scale = (height - bottom - top) / top_value
    colours = {"p50": "#7fb3d5", "p95": "#2e86c1", "p99": "#1b4f72"}
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
             '<rect width="100%" height="100%" fill="white"/>',
             '<text x="%d" y="20" font-size="14" font-weight="bold">Profile read latency, steady window (ms)</text>' % left]
    for i in range(5):
        value = top_value * i / 4
        y = height - bottom - value * scale
        parts.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>' % (left, width - 10, y, y))
        parts.append('<text x="%d" y="%.1f" text-anchor="end">%g</text>' % (left - 6, y + 4, round(value, 1)))
    group = (width - left - 10) / len(data)
    for g, (scheme, d) in enumerate(data.items()):
        for b, key in enumerate(("p50", "p95", "p99")):
            x = left + g * group + 20 + b * (group - 40) / 3
            h = d[key] * scale
            parts.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s %s ms</title></rect>'
                         % (x, height - bottom - h, (group - 40) / 3 - 4, h, colours[key], scheme, key, d[key]))
            parts.append('<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>' % (x + ((group - 40) / 3 - 4) / 2, height - bottom - h - 4, d[key]))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle" font-weight="bold">%s</text>' % (left + g * group + group / 2, height - bottom + 18, scheme))
    for i, key in enumerate(("p50", "p95", "p99")):
        parts.append('<rect x="%d" y="28" width="10" height="10" fill="%s"/><text x="%d" y="37">%s</text>' % (width - 200 + i * 60, colours[key], width - 186 + i * 60, key))
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def publish_report(run, docs):
    """Copies a Gatling report's index.html next to the document; js/ and style/ are shared once."""
    target = os.path.join(docs, "comparison", "gatling", run.name)
    assets = os.path.join(docs, "comparison", "gatling", "assets")
    for folder in ("js", "style"):
        if not os.path.isdir(os.path.join(assets, folder)):
            shutil.copytree(os.path.join(run.dir, folder), os.path.join(assets, folder))
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(run.dir, "index.html")) as f:
        page = f.read().replace('src="js/', 'src="../assets/js/').replace('href="style/', 'href="../assets/style/')
    with open(os.path.join(target, "index.html"), "w") as f:
        f.write(page)
    return "comparison/gatling/%s/index.html" % run.name


def offered_rate(name):
    return float(name.split(" at ")[1].split("/s")[0])


def knee(run):
    """The first level from which every higher level is bent too: one slow second is noise, a knee lasts."""
    levels = sorted(((offered_rate(n), r) for n, r in run.rows.items() if n.startswith("level ") and "Redirect" not in n),
                    key=lambda level: level[0])
    seconds = float(settings(run).get("level.seconds", 10))
    table, base_p99 = [], None
    for offered, r in levels:
        achieved = r["ok"] / seconds
        ko = r["ko"] / max(r["total"], 1)
        base_p99 = base_p99 or max(r["p99"], 1)
        bent = ko > 0.01 or achieved < 0.9 * offered or r["p99"] > max(3 * base_p99, KNEE_P99_FLOOR_MS)
        table.append((offered, achieved, r["p50"], r["p99"], ko * 100, bent))
    knee_at = None
    for offered, *_, bent in reversed(table):
        if not bent:
            break
        knee_at = offered
    return table, knee_at


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    R, docs = args.results, args.docs
    runs, sch = scheme_table(R)
    if not runs:
        sys.exit("no scheme runs in %s: run ./tessera bench schemes (or all) first" % R)
    mem = memory(R)
    lines = ["# Sticky, Redis or JWT sessions behind nginx: the comparison", "",
             "Generated by `./tessera bench all` (or `./tessera bench report` from the last runs) from Gatling's "
             "statistics, the fault logs and the memory measurements in `load-tests/target/bench/`: edit nothing "
             "by hand. Machine: %s." % args.machine, ""]
    if args.quick:
        lines += ["> **Smoke run (QUICK=1): short phases and smaller fills. These numbers show that the commands "
                  "work, not what the schemes can do.**", ""]
    lines += ["Load on the machine when the last `./tessera bench` command started, before it started anything (1, 5, 15-minute load averages; 2 cores): %s. Each run also shows the 1-minute load when it ended." % machine_load(R), ""]
    load_settings = settings(runs["sticky"])
    lines += ["## Latency, throughput, memory", "",
              "Command: `./tessera bench schemes`, %s. The same open-model load on each scheme through nginx, "
              "one after another: %s new users per second (ramped up over a %s s warm-up), each signs in once "
              "(SSO through the web client; the token endpoint at :8000 for jwt) and reads its profile %s times, "
              "%s ms apart. Latency and throughput are those of the profile reads in the %s s steady window." % (
                  runs["sticky"].date, load_settings.get("rate"), load_settings.get("warmup.seconds"),
                  load_settings.get("reads"), load_settings.get("pause.ms"), load_settings.get("steady.seconds")), "",
              "| scheme | p50 ms | p95 ms | p99 ms | throughput req/s | failed requests | memory for 100k signed-in users | load at the end |",
              "|---|---:|---:|---:|---:|---:|---|---:|"]
    for s in SCHEMES:
        d = sch[s]
        lines.append("| %s | %d | %d | %d | %.1f | %d | %s | %s |" % (s, d["p50"], d["p95"], d["p99"], d["rps"], d["errors"],
                                                                    mem.get(s, {}).get("text", "(run ./tessera bench memory)"),
                                                                    d["run"].load))
    lines += [""]
    for s, bar in BARS.items():
        ratio = sch[s]["p99"] / max(sch["sticky"]["p99"], 1)
        lines.append("- %s p99 / sticky p99 = **%.2f** (bar ≤ %.1f: %s)" % (s, ratio, bar, "met" if ratio <= bar else "MISSED"))
    svg_chart({s: sch[s] for s in SCHEMES}, os.path.join(docs, "comparison-latency.svg"))
    lines += ["", "![latency per scheme](comparison-latency.svg)", "",
              "Gatling reports: " + ", ".join("[%s](%s)" % (s, publish_report(sch[s]["run"], docs)) for s in SCHEMES), ""]
    lines += feature_table(R) + fault_table(R, docs) + memory_section(R, mem) + capacity_section(R, docs) + sso_section(R, docs)
    with open(os.path.join(docs, "comparison.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s" % os.path.join(docs, "comparison.md"))
    update_readme(os.path.join(docs, "..", "README.md"), sch, mem, fault_results(R), args.quick)


def update_readme(readme, sch, mem, faults, quick):
    """The README's headline table, between its comparison markers, from the same data."""
    kill = faults.get("kill")
    rows = ["Measured by `./tessera bench all` (%s%s; details, faults and capacity in "
            "[docs/comparison.md](docs/comparison.md)):" % (sch["sticky"]["run"].date,
                                                            ", smoke run: short phases" if quick else ""), "",
            "| scheme | p50 ms | p95 ms | p99 ms | req/s | memory for 100k users | kill -9 one of 3 replicas |",
            "|---|---:|---:|---:|---:|---|---|"]
    for s in SCHEMES:
        d = sch[s]
        outcome = "(run bench faults)"
        if kill:
            run, log = kill
            f = log["schemes"][s]
            outcome = "%d failed, %d of %d users logged out" % (run.ko(s + ":"), f["users_logged_out"], f["active_at_fault"])
        rows.append("| %s | %d | %d | %d | %.0f | %s | %s |" % (s, d["p50"], d["p95"], d["p99"], d["rps"],
                                                          mem.get(s, {}).get("text", "–"), outcome))
    with open(readme) as f:
        text = f.read()
    start, end = "<!-- comparison:start -->", "<!-- comparison:end -->"
    if start not in text or end not in text:
        sys.exit("README.md has no comparison markers")
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    with open(readme, "w") as f:
        f.write(head + start + "\n" + "\n".join(rows) + "\n" + end + tail)


def fault_results(R):
    out = {}
    for fault in ("kill", "redis", "rolling"):
        run, log = load(R, "fault-" + fault), read_json(R, "fault-%s.json" % fault)
        if run and log:
            out[fault] = (run, log)
    return out


def feature_table(R):
    faults = fault_results(R)
    crash = {}
    if "kill" in faults:
        run, log = faults["kill"]
        for s in SCHEMES:
            lost, ko = log["schemes"][s]["users_logged_out"], run.ko(s + ":")
            crash[s] = "yes (%d failed, %d logged out)" % (ko, lost) if lost == 0 and ko == 0 else \
                "no: %d of %d active users logged out, %d failed requests" % (lost, log["schemes"][s]["active_at_fault"], ko)
    return ["## Features", "",
            "| | sticky | redis | jwt |", "|---|---|---|---|",
            "| sessions shared across servers | no: each replica's heap | yes: Redis | yes: nothing to share (the token) |",
            "| survives a replica crash (measured, `bench faults`) | %s | %s | %s |" % tuple(crash.get(s, "(run bench faults)") for s in SCHEMES),
            "| active logout | yes, at the replica holding the session; SSO back-channel logout cannot reach it (one registered URI, three heaps) | yes: delete the Redis hash; back-channel logout through nginx reaches any replica | yes: denylist + revoked-before marks fed to every replica's view (≤ 1 s) |",
            "| horizontal scaling | a new replica takes only new sessions; removing one logs its users out | add replicas freely; Redis is the shared limit | add replicas freely |",
            "| external dependency | none for reads (the auth server for sign-in and refresh) | Redis for every request | Redis for the revocation feed (fails closed after 10 s of silence) |",
            ""]


def fault_table(R, docs):
    faults = fault_results(R)
    if not faults:
        return ["## Faults under load", "", "(run `./tessera bench faults`)", ""]
    what = {"kill": "kill -9 one replica of each scheme", "redis": "stop Redis, start it again (empty) after a pause",
            "rolling": "rolling restart of every replica, one per scheme at a time"}
    lines = ["## Faults under load", "",
             "Command: `./tessera bench faults`. The three schemes run at once, each with new users arriving at the "
             "same rate; the fault starts %s s in. *Failed requests*: Gatling KOs (5xx, refused, timed out) of that "
             "scheme. *Users logged out*: users whose session was gone (401) and who had to sign in again, of those "
             "active when the fault began. *Sessions lost*: sign-ins those 401s forced. *Time to recover*: from the "
             "fault's start to the scheme's last failure or logout." % settings(next(iter(faults.values()))[0]).get("fault.at", "?"), "",
             "| fault | scheme | failed requests | of which after the fault: reads / sign-ins | users logged out (active at the fault) | sessions lost | time to recover | report |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for fault, (run, log) in faults.items():
        link = publish_report(run, docs)
        for s in SCHEMES:
            f = log["schemes"][s]
            lines.append("| %s (%s, load %s) | %s | %d | %d / %d | %d (%d) | %d | %.1f s | [Gatling](%s) |" % (
                fault, run.date, run.load, s, run.ko(s + ":"), f["failed_reads"], f.get("failed_sign_ins", 0), f["users_logged_out"],
                f["active_at_fault"], f["logouts"], f["recovery_seconds"], link))
    lines += ["", "Reading the table: a failed sign-in is a user who could not sign in at all (the auth server's codes and "
              "SSO sessions need Redis; the web clients' pending logins travel sealed in a cookie, so a login in flight "
              "survives a killed replica). While "
              "every replica of a scheme answers 503 (Redis away), nginx passes the 503 and its Retry-After on (it no "
              "longer counts a 503 as a replica failure: nginx/README.md; runs before that show 502s). A user who "
              "must sign in again but still has an SSO session at the auth server gets a new session without a "
              "password. The rolling restart lasts longer than a user, so more users can be logged out than were "
              "active when it began.", "", "Fault commands: " + "; ".join("*%s*: %s (`%s`)" % (f, what[f], relative(faults[f][1]["command"], docs).replace("|", "\\|")[:160])
                                                  for f in faults), ""]
    if "kill" in faults:
        run, log = faults["kill"]
        k = log["schemes"]
        share = k["sticky"]["users_logged_out"] / max(k["sticky"]["active_at_fault"], 1)
        lines += ["In plain words: when one of three replicas dies, the sticky scheme loses the sessions that lived "
                  "on it — **%d of %d active users (%.0f%%) were logged out** and signed in again on a survivor; the "
                  "redis scheme had %d failed requests and %d users logged out, the jwt scheme %d and %d: nginx "
                  "sent their requests to the surviving replicas." % (
                      k["sticky"]["users_logged_out"], k["sticky"]["active_at_fault"], share * 100,
                      run.ko("redis:"), k["redis"]["users_logged_out"], run.ko("jwt:"), k["jwt"]["users_logged_out"]), ""]
    return lines


def memory_section(R, mem):
    lines = ["## Memory for 100k signed-in users, and the Redis floor", ""]
    if not mem:
        return lines + ["(run `./tessera bench memory`)", ""]
    date = open(os.path.join(R, "memory.date")).read().strip() if os.path.exists(os.path.join(R, "memory.date")) else "?"
    lines += ["Command: `./tessera bench memory`, %s. Each store is filled through the real code "
              "(`POST /debug/sessions/fill`, dev profile only) with sessions shaped like a real sign-in's: its roles, "
              "an ID token, CSRF and refresh token of the same lengths, a new user, device and random values each." % date, ""]
    if "sticky" in mem:
        m = mem["sticky"]
        lines.append("- **sticky**: %d sessions in %s's heap: %.1f MB → %.1f MB live heap after a full GC, **%.0f MB per 100k** "
                     "(%.0f bytes a session); seed 000 expected ~%d MB: **%.1f× less**." % (
                         m["n"], m["raw"]["replica"], m["raw"]["heap_kb_before"] / 1024, m["raw"]["heap_kb_after"] / 1024,
                         m["mb"], m["mb"] * 1048576 / 100000, SEED_STICKY_MB, SEED_STICKY_MB / max(m["mb"], 0.1)))
    if "redis" in mem:
        m = mem["redis"]
        lines.append("- **redis**: %d sessions: `used_memory` +%.1f MB, **%.0f MB per 100k** (%s hash, %d bytes for one by "
                     "`MEMORY USAGE`, plus its back-channel index); seed 000 expected ~2 GB: **%.0f× less**." % (
                         m["n"], (m["raw"]["used_memory_after"] - m["raw"]["used_memory_before"]) / 1048576, m["mb"],
                         m["raw"]["encoding"], m["raw"]["one_session_bytes"], SEED_REDIS_MB / max(m["mb"], 0.1)))
    if "jwt" in mem:
        m = mem["jwt"]
        lines.append("- **jwt**: a signed-in user costs the resource servers nothing (the token travels with each "
                     "request). What they keep is the revocation view: %d admin revocations through the real path "
                     "(outbox → Redis → stream → every replica) added **%.1f MB of heap per replica per 100k** and %.1f MB "
                     "of Redis per 100k (denylist keys and stream entries), until the revoked tokens expire." % (
                         m["n"], m["view_mb"], m["redis_mb"]))
    lines += ["", "Why so much less than the seed: a session keeps only what this client uses (ids, name, roles, "
              "login time, SSO device, CSRF token, ID token for the logout hint, refresh token, access-token expiry) "
              "and not the access token (~800 bytes) it never sends anywhere; Redis keeps it as one hash per session."]
    fl = floor(R)
    redis_fill = mem.get("redis", {}).get("raw", {}).get("fill")
    if fl and redis_fill:
        create, get = redis_fill["create_us"], redis_fill["get_us"]
        lines += ["", "Session store against the floor, same Redis, same run: `redis-benchmark -t set,get -c 1 -P 1` "
                  "(one connection, no pipelining) against the web client's store during the fill (µs):", "",
                  "| operation | store p50 | store mean | store p99 | raw Redis p50 | ratio (p50) | seed 004 |",
                  "|---|---:|---:|---:|---:|---:|---:|",
                  "| get (HGETALL + PEXPIRE, pipelined) | %.1f | %.1f | %.1f | %.1f (GET) | %.2f | %.1f |" % (
                      get["p50"], get["mean"], get["p99"], fl["GET"]["p50_us"], get["p50"] / fl["GET"]["p50_us"], SEED_GET_US),
                  "| create (HSET + PEXPIRE + SADD + PEXPIRE, pipelined) | %.1f | %.1f | %.1f | %.1f (SET) | %.2f | %.1f |" % (
                      create["p50"], create["mean"], create["p99"], fl["SET"]["p50_us"], create["p50"] / fl["SET"]["p50_us"],
                      SEED_CREATE_US)]
    return lines + [""]


def capacity_section(R, docs):
    lines = ["## Capacity: where each scheme bends", ""]
    found = False
    for s in SCHEMES:
        run = load(R, "capacity-" + s)
        if not run:
            continue
        found = True
        table, at = knee(run)
        lines += ["**%s** (%s, load %s at the end, [Gatling](%s)): %s" % (s, run.date, run.load, publish_report(run, docs),
                                                   "the knee is at **%.0f req/s** offered" % at if at else
                                                   "no knee up to %.0f req/s offered" % table[-1][0]), "",
                  "| offered req/s | achieved req/s | p50 ms | p99 ms | errors % | |", "|---:|---:|---:|---:|---:|---|"]
        for offered, achieved, p50, p99, ko, bent in table:
            lines.append("| %.0f | %.0f | %d | %d | %.2f | %s |" % (offered, achieved, p50, p99, ko, "bent" if bent else ""))
        lines.append("")
    if not found:
        return lines + ["(run `./tessera bench capacity`)", ""]
    intro = ["Command: `./tessera bench capacity`: per scheme, a pool of signed-in users, then profile reads at a "
             "stepped arrival rate. A level is *bent* when errors pass 1 %%, the achieved rate falls under 90 %% of the "
             "offered one, or its p99 is over 3× the first level's and over %d ms; the knee is the first level from which "
             "every higher level is bent. The load generator shares the 2 cores with nginx and the replicas, so the knee "
             "is this machine's, not one replica's." % KNEE_P99_FLOOR_MS, ""]
    return lines[:2] + intro + lines[2:]


def sso_section(R, docs):
    run = load(R, "sso")
    if not run:
        return ["## Single sign-on", "", "(run `./tessera bench sso`)", ""]
    row = run.row("docs: sign-in without password")
    return ["## Single sign-on", "",
            "Command: `./tessera bench sso`, %s ([Gatling](%s)): users sign in with a password at mail (redis scheme), "
            "then open docs: %d signed in at docs without a password, %d failed; p50 %d ms, p99 %d ms for the whole "
            "redirect chain (docs → /oauth/authorize → docs /callback → docs)." % (
                run.date, publish_report(run, docs), row["ok"], row["ko"], row["p50"], row["p99"]), ""]


if __name__ == "__main__":
    main()
