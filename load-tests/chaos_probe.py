#!/usr/bin/env python3
"""What a fault must not lose, checked from outside over HTTP (./tessera chaos, load-tests/chaos.sh).

prepare: before the fault, makes revocations (access tokens revoked directly, and access tokens whose
refresh token was revoked: a device-client mark), keeps refresh tokens that stay unused (families), and
counts the accounts; writes them to a JSON file.
verify: after the fault, every revoked token must be refused by every resource-server replica and by
introspection, every kept refresh token must still rotate, and the accounts must all be there. A
revocation may take a moment to reach a replica that restarted: each gets --settle seconds to be refused
before it counts as lost. Prints and writes the counts.

usage: chaos_probe.py prepare FILE --auth URL --apis URL,URL --accounts-sql CMD
       chaos_probe.py verify FILE --auth URL --apis URL,URL --accounts-sql CMD [--settle S]"""
import argparse
import base64
import json
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

PER_KIND = 5


def call(url, data=None, headers=None, basic=None):
    """(status, parsed JSON or None); status 0 when nothing answered."""
    headers = dict(headers or {})
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        text, status = error.read(), error.code
    except OSError:
        return 0, None
    try:
        return status, json.loads(text)
    except ValueError:
        return status, None


def login(auth):
    status, body = call(auth + "/oauth/token", {"grant_type": "password", "username": "alice", "password": "alice-pass"},
                        basic="cli:cli-secret")
    if status != 200:
        raise SystemExit("login failed before the fault: %d %s" % (status, body))
    return body


def revoke(auth, token):
    status, body = call(auth + "/oauth/revoke", {"token": token}, basic="cli:cli-secret")
    if status != 200:
        raise SystemExit("revocation failed before the fault: %d %s" % (status, body))


def accounts(command):
    return int(subprocess.check_output(command, shell=True, text=True).strip())


def prepare(args):
    revoked = []
    for _ in range(PER_KIND):
        tokens = login(args.auth)
        revoke(args.auth, tokens["access_token"])
        revoked.append(tokens["access_token"])
    for _ in range(PER_KIND):
        tokens = login(args.auth)
        revoke(args.auth, tokens["refresh_token"])  # RFC 7009 §2.1: the grant's access tokens go with it
        revoked.append(tokens["access_token"])
    families = [login(args.auth)["refresh_token"] for _ in range(PER_KIND)]
    for token in revoked:  # settled before the fault: the fault is what is measured
        wait_refused(args, token, 10)
    state = {"revoked": revoked, "families": families, "accounts": accounts(args.accounts_sql)}
    with open(args.file, "w") as f:
        json.dump(state, f)


def refused_everywhere(args, token):
    for api in args.apis.split(","):
        status, _ = call(api + "/api/profile", headers={"Authorization": "Bearer " + token})
        if status != 401:
            return False
    status, body = call(args.auth + "/oauth/introspect", {"token": token}, basic="orders-api:orders-api-secret")
    return status == 200 and body is not None and body.get("active") is False


def wait_refused(args, token, seconds):
    deadline = time.time() + seconds
    while True:
        if refused_everywhere(args, token):
            return True
        if time.time() > deadline:
            return False
        time.sleep(0.5)


def rotates(auth, refresh_token, seconds):
    """A kept family is lost only when the server refuses it (400); a failing server gets time to come back."""
    deadline = time.time() + seconds
    while True:
        status, _ = call(auth + "/oauth/token", {"grant_type": "refresh_token", "refresh_token": refresh_token},
                         basic="cli:cli-secret")
        if status == 200:
            return True
        if status == 400 or time.time() > deadline:
            return False
        time.sleep(0.5)


def verify(args):
    with open(args.file) as f:
        state = json.load(f)
    lost_revocations = sum(1 for token in state["revoked"] if not wait_refused(args, token, args.settle))
    lost_families = sum(1 for token in state["families"] if not rotates(args.auth, token, args.settle))
    now = accounts(args.accounts_sql)
    result = {"revocations": len(state["revoked"]), "revocations_lost": lost_revocations,
              "families": len(state["families"]), "families_lost": lost_families,
              "accounts": state["accounts"], "accounts_lost": max(0, state["accounts"] - now)}
    with open(args.file, "w") as f:
        json.dump(dict(state, result=result), f)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["prepare", "verify"])
    parser.add_argument("file")
    parser.add_argument("--auth", required=True)
    parser.add_argument("--apis", required=True)
    parser.add_argument("--accounts-sql", required=True)
    parser.add_argument("--settle", type=float, default=20)
    args = parser.parse_args()
    prepare(args) if args.action == "prepare" else verify(args)


if __name__ == "__main__":
    main()
