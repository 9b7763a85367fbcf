#!/usr/bin/env python3
"""kill -9 of the service during an index rebuild and during catch-up (issue 10's acceptance).

Starts the packaged service on an embedded database of its own, then:

1. catch-up: creates papers (titles from the judged queries' words, so they move the rankings)
   and kills the JVM with SIGKILL right after the last write answered, before the change follower
   is likely to have committed; restarts on the same directories;
2. rebuild: deletes the index, starts, kills the JVM with SIGKILL a moment after the rebuild has
   begun, restarts.

After each restart it records the top 10 of every judged query (src/bench/search-eval/queries.tsv,
keyword mode) and compares them with the top 10s of a fresh rebuild of the same database (index
deleted, service started again). Prints per case how many of the 117 queries differ: 0 is the
acceptance.

    ./mvnw package -DskipTests && python3 src/bench/index_crash.py
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.environ.get("JAR", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar"))
WORK = os.environ.get("WORK", "/var/tmp/mlmd-kb-index-crash")
PORT = int(os.environ.get("APP_PORT", "18470"))
KEY = "index-crash-admin-key-0123456789"
DATA = os.path.join(WORK, "data")
INDEX = os.path.join(WORK, "index")
QUERIES = os.path.join(ROOT, "src", "bench", "search-eval", "queries.tsv")


def queries():
    with open(QUERIES) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [r[2] for r in rows if len(r) >= 3]


def start():
    log = open(os.path.join(WORK, "app.log"), "a")
    env = dict(os.environ, KB_HTTP_PORT=str(PORT), KB_EMBEDDED_DB_DATA_DIR=DATA,
               KB_SEARCH_INDEX_DIR=INDEX, KB_ADMIN_KEY=KEY, KB_SEARCH_SEMANTIC_ENABLED="false")
    return subprocess.Popen(["java", "-Xmx512m", "-jar", JAR], env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + KEY,
                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError:
        return 0, b""


def wait_ready(proc, limit=300):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"service exited; see {WORK}/app.log")
        if call("GET", "/q/health/ready")[0] == 200:
            return
        time.sleep(0.5)
    sys.exit(f"service not ready; see {WORK}/app.log")


def log_size():
    return os.path.getsize(os.path.join(WORK, "app.log"))


def wait_for_log(text, since, limit=300):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with open(os.path.join(WORK, "app.log")) as f:
            f.seek(since)
            if text in f.read():
                return True
        time.sleep(0.05)
    return False


def kill9(proc):
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(120)


def top10s(qs):
    out = []
    for q in qs:
        path = "/api/v1/search?" + urllib.parse.urlencode(
            {"q": q, "type": "paper", "limit": 10, "mode": "keyword"})
        status, body = call("GET", path)
        out.append([h["id"] for h in json.loads(body)["items"]] if status == 200 else status)
    return out


def fresh_rebuild(qs):
    shutil.rmtree(INDEX, ignore_errors=True)
    proc = start()
    wait_ready(proc)
    tops = top10s(qs)
    stop(proc)
    return tops


def differing(a, b):
    return sum(1 for x, y in zip(a, b) if x != y)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    qs = queries()
    results = []

    proc = start()
    wait_ready(proc)
    words = " ".join(qs).split()
    for i in range(200):
        title = " ".join(words[(i * 7 + k) % len(words)] for k in range(6))
        status, _ = call("POST", "/api/v1/papers", {
            "title": f"Crash probe {i}: {title}", "year": 2025, "entry_type": "article",
            "authors": ["Probe, Crash"]})
        if status != 201:
            sys.exit(f"POST /papers answered {status}")
    kill9(proc)
    proc = start()
    wait_ready(proc)
    after_catch_up = top10s(qs)
    stop(proc)
    fresh = fresh_rebuild(qs)
    results.append(("kill -9 after 200 writes, restart (catch-up)",
                    differing(after_catch_up, fresh)))

    shutil.rmtree(INDEX, ignore_errors=True)
    since = log_size()
    proc = start()
    began = wait_for_log("Rebuilding the search index", since)
    time.sleep(1.0)
    finished = wait_for_log("Search index rebuilt", since, limit=0)
    kill9(proc)
    proc = start()
    wait_ready(proc)
    after_rebuild = top10s(qs)
    stop(proc)
    label = "kill -9 1 s into a rebuild, restart" + (
        "" if began and not finished else " (the rebuild had finished first: not a mid-rebuild kill)")
    results.append((label, differing(after_rebuild, fresh)))

    print(f"{len(qs)} judged queries, keyword mode, top 10 compared with a fresh rebuild\n")
    print("| case | queries whose top 10 differs |")
    print("| --- | ---: |")
    for case, n in results:
        print(f"| {case} | {n} |")


if __name__ == "__main__":
    main()
