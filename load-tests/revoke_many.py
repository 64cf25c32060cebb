#!/usr/bin/env python3
"""Revokes N random access-token ids through the auth server's admin API (POST /admin/tokens/revoke):
the real path a revocation takes (outbox, Redis denylist, the tessera:revocations stream) to every
resource server's view. ./tessera bench memory uses it to fill the jwt scheme's revocation view.
usage: revoke_many.py AUTH_BASE_URL N [THREADS]"""
import base64
import http.client
import json
import secrets
import sys
import threading
import time
import urllib.parse


def admin_token(base):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    body = urllib.parse.urlencode({"grant_type": "password", "username": "admin", "password": "admin-pass"})
    conn.request("POST", "/oauth/token", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                "Authorization": "Basic " + base64.b64encode(b"cli:cli-secret").decode()})
    response = conn.getresponse()
    if response.status != 200:
        sys.exit("admin login failed: %d %s" % (response.status, response.read()[:200]))
    return json.loads(response.read())["access_token"]


def main():
    base = urllib.parse.urlsplit(sys.argv[1])
    total = int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    state = {"next": 0, "token": admin_token(base), "token_at": time.time(), "errors": 0}
    lock = threading.Lock()

    def take():
        with lock:
            if state["next"] >= total:
                return None
            state["next"] += 1
            if time.time() - state["token_at"] > 180:  # access tokens live 5 minutes
                state["token"], state["token_at"] = admin_token(base), time.time()
            return state["token"]

    def work():
        conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
        while (token := take()) is not None:
            conn.request("POST", "/admin/tokens/revoke", json.dumps({"jti": secrets.token_urlsafe(16)}),
                         {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    state["errors"] += 1

    started = time.time()
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.time() - started
    print("revoked %d in %.1f s (%.0f/s), %d errors" % (total, elapsed, total / elapsed, state["errors"]))
    if state["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
