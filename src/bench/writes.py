#!/usr/bin/env python3
"""Curation write benchmark: single-item writes and bulk result imports, reported as medians.

Starts the packaged service (target/quarkus-app) on its own embedded PostgreSQL, or uses a running
one given by BASE_URL and ADMIN_KEY. Usage, from the repository root after ./mvnw package
-DskipTests:

    python3 src/bench/writes.py                  # 200 writes per kind, imports of 500 and 2000 rows
    WRITES=50 IMPORT_ROWS=200,1000 python3 src/bench/writes.py
    PAUSE=0.25 WRITES=60 python3 src/bench/writes.py   # each write after the last one's index work

Each figure is the median (and p90) of sequential requests on one connection: the cost of one
write, including its transaction, validation, history entry and ETag; not a throughput test.
"""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

WRITES = int(os.environ.get("WRITES", "200"))
# Seconds between the POSTs and between the PATCHes: with a pause, each write is measured after the
# index work the previous one left (catch-up, refresh, merges, embedding) is done; without, a
# sequential client also measures that work competing for the cores.
PAUSE = float(os.environ.get("PAUSE", "0"))
IMPORT_ROWS = [int(n) for n in os.environ.get("IMPORT_ROWS", "500,2000").split(",")]
PORT = int(os.environ.get("APP_PORT", "18091"))
BENCH_DIR = os.environ.get("BENCH_DIR", "/var/tmp/mlmd-kb-bench-writes")
ADMIN_KEY = os.environ.get("ADMIN_KEY", "bench-admin-key-" + uuid.uuid4().hex)
BASE_URL = os.environ.get("BASE_URL")


def start_service():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    app = os.path.join(BENCH_DIR, "app")
    shutil.rmtree(app, ignore_errors=True)
    shutil.copytree(os.path.join(root, "target", "quarkus-app"), app)
    env = dict(os.environ)
    env.update(
        QUARKUS_HTTP_HOST="127.0.0.1",
        KB_HTTP_PORT=str(PORT),
        KB_ADMIN_KEY=ADMIN_KEY,
        KB_EMBEDDED_DB_DATA_DIR=os.path.join(BENCH_DIR, "data"),
    )
    log = open(os.path.join(BENCH_DIR, "app.log"), "w")
    proc = subprocess.Popen(
        ["java", "-jar", os.path.join(app, "quarkus-run.jar")], env=env, stdout=log, stderr=log
    )
    for _ in range(240):
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            c.request("GET", "/api/v1")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            pass
        time.sleep(1)
    proc.kill()
    sys.exit(f"service did not start; see {BENCH_DIR}/app.log")


class Client:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    def call(self, method, path, body=None, headers=None, content_type="application/json"):
        h = {"Authorization": "Bearer " + ADMIN_KEY}
        if body is not None:
            h["Content-Type"] = content_type
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
        h.update(headers or {})
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=h)
        response = self.conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - start
        return response.status, dict(response.getheaders()), data, elapsed


def expect(status, wanted, data):
    if status != wanted:
        sys.exit(f"expected {wanted}, got {status}: {data[:300]!r}")


def summary(name, seconds):
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[max(0, int(len(ms) * 0.9) - 1)]
    print(f"{name:<44} n={len(ms):<5} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms")


def result_row(run, i):
    return {
        "method": "painn", "dataset": "3bpa", "subset": "test-600k", "task": "energy-forces",
        "target": "forces", "metric": "MAE", "value": 1 + i / 1000, "unit": "meV/A",
        "basis": "per-atom", "split": f"bench-{run}", "n_train": 1 + i,
        "repository": "https://example.org/bench", "path": "bench.csv", "location": f"row {i}",
    }


def main():
    proc = None
    base = BASE_URL
    if base is None:
        os.makedirs(BENCH_DIR, exist_ok=True)
        proc = start_service()
        base = f"http://127.0.0.1:{PORT}"
    try:
        c = Client(base)
        run = uuid.uuid4().hex[:8]
        print(f"mlmd-kb curation writes against {base}, {WRITES} sequential requests per kind")

        created, ids = [], []
        for i in range(WRITES):
            status, headers, data, t = c.call("POST", "/api/v1/papers", {
                "entry_type": "article", "title": f"Bench paper {run} {i}", "year": 2024,
                "doi": f"10.5555/bench-{run}-{i}", "authors": ["Ada Lovelace", "Alan Turing"]})
            expect(status, 201, data)
            created.append(t)
            time.sleep(PAUSE)
            ids.append((json.loads(data)["id"], headers["ETag"]))
        summary("POST /papers", created)

        patched = []
        for i, (pid, etag) in enumerate(ids):
            status, headers, data, t = c.call(
                "PATCH", f"/api/v1/papers/{pid}", {"venue": f"Bench venue {i}"},
                {"If-Match": etag}, "application/merge-patch+json")
            expect(status, 200, data)
            patched.append(t)
            time.sleep(PAUSE)
            ids[i] = (pid, headers["ETag"])
        summary("PATCH /papers/{id} (If-Match)", patched)

        stale = []
        for pid, _ in ids[: min(50, len(ids))]:
            status, _, data, t = c.call(
                "PATCH", f"/api/v1/papers/{pid}", {"venue": "x"}, {"If-Match": '"stale"'},
                "application/merge-patch+json")
            expect(status, 412, data)
            stale.append(t)
        summary("PATCH with a stale ETag (412)", stale)

        results = []
        for i in range(WRITES):
            status, _, data, t = c.call("POST", "/api/v1/results", result_row(run, i))
            expect(status, 201, data)
            results.append(t)
        summary("POST /results", results)

        history = []
        for pid, _ in ids[: min(100, len(ids))]:
            status, _, data, t = c.call("GET", f"/api/v1/papers/{pid}/history")
            expect(status, 200, data)
            history.append(t)
        summary("GET /papers/{id}/history", history)

        for rows in IMPORT_ROWS:
            header = list(result_row(run, 0).keys())
            lines = [",".join(header)]
            for i in range(rows):
                row = result_row(f"{run}-import-{rows}", i)
                lines.append(",".join(str(row[k]) for k in header))
            body = ("\n".join(lines) + "\n").encode()
            for dry in ("true", "false"):
                status, _, data, t = c.call(
                    "POST", f"/api/v1/imports?dry_run={dry}", body, None, "text/csv")
                expect(status, 200, data)
                summary_line = json.loads(data)["summary"]
                print(f"CSV import, {rows:>5} rows, dry_run={dry:<5}        "
                      f"{t:6.2f} s   {rows / t:7.0f} rows/s   {summary_line}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(30)


if __name__ == "__main__":
    main()
