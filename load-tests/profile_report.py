#!/usr/bin/env python3
"""docs/benchmarks/profile.md from async-profiler's collapsed stacks (bench-profile.sh): per load, the
share of CPU samples whose stack passes through each part of the system, and the hottest leaf frames."""
import collections
import os
import re
import sys

OUT, TARGET = sys.argv[1], sys.argv[2]
LOADS = [("client_credentials", "auth server, POST /oauth/token client_credentials"),
         ("refresh", "auth server, POST /oauth/token refresh_token (rotation, one chain per connection)"),
         ("password", "auth server, POST /oauth/token password (argon2id)"),
         ("api-ping", "orders-api, GET /api/ping (no token)"),
         ("api-profile", "orders-api, GET /api/profile (bearer token, verified-token cache)")]
# A sample counts for a part when any frame of its stack matches (parts overlap: signing runs inside a handler).
# Only parts that do work of their own are listed: wrappers (the router, Reactor, Micrometer's timers around a
# grant) would count nearly every sample; they appear in the self-time table instead.
PARTS = [("JWT signing", r"JWSSigner|ECDSASigner|RSASSASigner|SignedJWT\.sign|Signature\.sign|EvpSignature.*sign"),
         ("JWT verification", r"JWSVerifier|ECDSAVerifier|RSASSAVerifier|Signature\.verify|EvpSignature.*verify"),
         ("argon2id", r"[Aa]rgon2"),
         ("PostgreSQL (JDBC driver, pool)", r"org[/.]postgresql|com[/.]zaxxer"),
         ("Redis (Lettuce)", r"io[/.]lettuce"),
         ("JSON (serde, Jackson)", r"io[/.]micronaut[/.]serde|com[/.]fasterxml[/.]jackson"),
         ("micronaut-security (filter, rules, token validation)", r"io[/.]micronaut[/.]security"),
         ("Logging", r"ch[/.]qos[/.]logback|org[/.]slf4j"),
         ("GC", r"G1|GCTaskThread|ConcurrentGCThread|WorkerThread::run|ParallelCleanup"),
         ("JIT compiler", r"CompileBroker|C2Compiler|C1Compiler|Compilation::")]
# Self time: each sample goes to the owner of its leaf frame (the first pattern that matches), so these add up.
OWNERS = [("Tessera", r"^dev[/.]tessera"), ("Netty", r"^io[/.]netty"), ("Micronaut", r"^io[/.]micronaut"),
          ("Reactor", r"^reactor[/.]"), ("Nimbus JOSE", r"^com[/.]nimbusds"), ("Corretto crypto (native)", r"amazon|libamazonCorretto|AWS|aws_lc"),
          ("PostgreSQL driver", r"^org[/.]postgresql"), ("Lettuce", r"^io[/.]lettuce"), ("Jackson", r"^com[/.]fasterxml"),
          ("JDK (java.*, sun.*, jdk.*)", r"^(java|javax|sun|jdk|com[/.]sun)[/.]"),
          ("argon2 (native or BouncyCastle)", r"argon2|Argon2|org[/.]bouncycastle|blake2|fill_segment|fill_block"),
          ("libc and kernel (socket reads and writes, polling, futexes)",
           r"^(_|libc|pthread|epoll|poll|read|write|send|recv|syscall|memcpy|memset|clock_gettime|\[vdso\])"),
          ("JVM (GC, JIT, runtime, call stubs)", r"::|^G1|^Compile|^Interpreter|^JVM_|^Unsafe_|itable stub|vtable stub|^\[")]

def read(name):
    stacks = collections.Counter()
    path = os.path.join(OUT, name + ".collapsed")
    if not os.path.exists(path):
        return stacks
    for line in open(path):
        frames, _, count = line.rstrip("\n").rpartition(" ")
        if frames and count.isdigit():
            stacks[frames] += int(count)
    return stacks


def rps(name):
    text = open(os.path.join(OUT, name)).read()
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))


def meta():
    values = {}
    for line in open(os.path.join(OUT, "meta.tsv")):
        key, _, value = line.rstrip("\n").partition("\t")
        values[key] = value
    return values


m = meta()
lines = ["# Where the CPU goes: flame graphs of the token loads and the API", "",
         "Command: `./tessera bench profile`  ",
         "Machine: %s  " % m["machine"],
         "Run: %s, commit %s; %s  " % (m["date"], m["rev"], m["settings"]),
         "Each load: a warm-up, then async-profiler samples the server's CPU (every thread, including GC and JIT) "
         "while wrk runs. The flame graphs are the same samples: open them in a browser.", ""]
shares = {}
for load, what in LOADS:
    stacks = read(load)
    total = sum(stacks.values())
    if total == 0:
        continue
    row = {}
    for part, pattern in PARTS:
        regex = re.compile(pattern)
        row[part] = sum(n for frames, n in stacks.items() if any(regex.search(f) for f in frames.split(";"))) / total
    shares[load] = (what, total, row)

lines += ["| part of the stack | " + " | ".join(load for load in shares) + " |",
          "|---|" + "---:|" * len(shares)]
lines.append("| req/s while profiled | " + " | ".join("%.0f" % rps(load) for load in shares) + " |")
lines.append("| CPU samples | " + " | ".join("%d" % shares[load][1] for load in shares) + " |")
for part, _ in PARTS:
    lines.append("| %s | " % part + " | ".join("%.1f %%" % (100 * shares[load][2][part]) for load in shares) + " |")
lines += ["", "A sample counts for every part its stack passes through, so a column does not add up to 100 %.", "",
          "Self time (the leaf frame of each sample, by owner; these add up to 100 %):", "",
          "| owner of the leaf frame | " + " | ".join(load for load in shares) + " |",
          "|---|" + "---:|" * len(shares)]
owner_shares = {}
for load in shares:
    counts = collections.Counter()
    for frames, n in read(load).items():
        leaf = frames.split(";")[-1]
        counts[next((owner for owner, pattern in OWNERS if re.search(pattern, leaf)), "other")] += n
    owner_shares[load] = counts
for owner in [o for o, _ in OWNERS] + ["other"]:
    lines.append("| %s | " % owner + " | ".join("%.1f %%" % (100.0 * owner_shares[load][owner] / shares[load][1])
                                              for load in shares) + " |")
lines.append("")

for load, (what, total, _) in shares.items():
    leaves = collections.Counter()
    for frames, n in read(load).items():
        leaves[frames.split(";")[-1]] += n
    lines += ["## %s" % load, "", "%s. [Flame graph](flame-%s.html). Hottest leaf frames (self time):" % (what, load), "",
              "| frame | share |", "|---|---:|"]
    for frame, n in leaves.most_common(12):
        lines.append("| `%s` | %.1f %% |" % (frame.replace("|", "\\|")[:110], 100.0 * n / total))
    lines.append("")
# The reading of the numbers is written by hand under "## Findings" and kept when the tables are regenerated.
findings = ""
if os.path.exists(TARGET):
    previous = open(TARGET).read()
    if "\n## Findings" in previous:
        findings = previous[previous.index("\n## Findings") + 1:]
open(TARGET, "w").write("\n".join(lines) + "\n" + findings)
print("\n".join(lines[:len(PARTS) + len(OWNERS) + 22]))
