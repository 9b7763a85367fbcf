#!/usr/bin/env python3
"""Import throughput benchmark: CSV result imports of 1,000 / 10,000 / 100,000 rows and a BibTeX file.

Starts the packaged service (target/quarkus-app, or APP_DIR) with -Xmx512m on its own embedded
PostgreSQL, or uses a running one given by BASE_URL and ADMIN_KEY. Usage, from the repository root
after ./mvnw package -DskipTests:

    python3 src/bench/imports.py
    IMPORT_ROWS=1000,5000 BIBTEX=../shared/data/doctor-archive/babel.bib python3 src/bench/imports.py

Against run.sh's bench database (1,005,293 results): start the service on it as run.sh's
start_app does, adding KB_ADMIN_KEY (run.sh sets none), and let CLEAN_UP_WITH (a psql command line
for that database) delete each size's rows again before the next:

    BASE_URL=http://127.0.0.1:18090 ADMIN_KEY=<that key> IMPORT_ROWS=100000 SHAPES=few BIBTEX=none \
      CLEAN_UP_WITH="psql -X -q -h 127.0.0.1 -p 55440 -U kb -d bench" python3 src/bench/imports.py

For each size it sends a CSV of rows that are new to the corpus (a split of their own, on a seeded
method, dataset and subset), then the same file again, which must store nothing. SHAPES says how the
rows spread over leaderboard fingerprints: `few` puts them on 10 fingerprints (n_train 1,000 to
1,009; a release of one benchmark looks like this), `each` gives every row a fingerprint of its own
(n_train 1 to N; the worst case for the board counts, one count row per result). Times are wall
clock for one request on one connection, including reading the report; "answer began" is when the
status line arrived, which the service sends once the import has committed. The peak RSS of the
service (VmHWM) is printed after each size when the script started it.
"""
import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse
import uuid

IMPORT_ROWS = [int(n) for n in os.environ.get("IMPORT_ROWS", "1000,10000,100000").split(",")]
SHAPES = os.environ.get("SHAPES", "few,each").split(",")
PORT = int(os.environ.get("APP_PORT", "18091"))
APP_DIR = os.environ.get("APP_DIR", "target/quarkus-app")
DATA_DIR = os.environ.get("BENCH_DATA_DIR", "/var/tmp/mlmd-kb-imports/data-bench")
HEAP = os.environ.get("HEAP", "512m")
JVM_OPTS = os.environ.get("JVM_OPTS", "").split()
ADMIN_KEY = os.environ.get("ADMIN_KEY", "bench-admin-key-" + uuid.uuid4().hex)
BASE_URL = os.environ.get("BASE_URL")
# ITEMS=problems or none asks for a report without the created rows (the summary counts them all).
ITEMS = os.environ.get("ITEMS", "all")
CLEAN_UP_WITH = os.environ.get("CLEAN_UP_WITH", "").split()
IMPORT_PATH = "/api/v1/imports?items=" + ITEMS
BIBTEX = os.environ.get(
    "BIBTEX",
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "doctor-archive",
                 "babel.bib"))


def start_service():
    env = dict(os.environ)
    env.update(
        QUARKUS_HTTP_HOST="127.0.0.1",
        QUARKUS_HTTP_PORT=str(PORT),
        KB_HTTP_PORT=str(PORT),
        KB_ADMIN_KEY=ADMIN_KEY,
        KB_EMBEDDED_DB_DATA_DIR=DATA_DIR,
    )
    os.makedirs(DATA_DIR, exist_ok=True)
    log = open(os.path.join(os.path.dirname(DATA_DIR), "bench-app.log"), "w")
    proc = subprocess.Popen(
        ["java", f"-Xmx{HEAP}", *JVM_OPTS, "-jar", os.path.join(APP_DIR, "quarkus-run.jar")],
        env=env, stdout=log, stderr=log)
    for _ in range(240):
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            c.request("GET", "/api/v1")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            pass
        if proc.poll() is not None:
            sys.exit(f"service exited with {proc.returncode}; see {log.name}")
        time.sleep(1)
    proc.kill()
    sys.exit(f"service did not start; see {log.name}")


def call(base, path, body, content_type):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    start = time.perf_counter()
    conn.request("POST", path, body=body, headers={
        "Authorization": "Bearer " + ADMIN_KEY, "Content-Type": content_type})
    response = conn.getresponse()
    # The status line and headers go out once the import has committed, with the report's first
    # bytes; the rest of the time is the report travelling and this client decoding it (Python's
    # chunked decoding reads 60 MB in about 0.4 s on this machine).
    answered = time.perf_counter() - start
    data = response.read()
    elapsed = time.perf_counter() - start
    conn.close()
    return response.status, data, elapsed, answered


COLUMNS = ["method", "dataset", "subset", "task", "target", "metric", "value", "unit", "basis",
           "split", "n_train", "repository", "path", "location"]


def csv_body(run, rows, shape):
    lines = [",".join(COLUMNS)]
    for i in range(rows):
        n_train = 1000 + i % 10 if shape == "few" else 1 + i
        lines.append(",".join([
            "painn", "3bpa", "test-600k", "energy-forces", "forces", "MAE", f"{1 + i / 1000:g}",
            "meV/A", "per-atom", f"bench-{run}", str(n_train), "https://example.org/bench",
            "bench.csv", f"row {i}"]))
    return ("\n".join(lines) + "\n").encode()


def clean_up(split):
    """Deletes a run's rows with their change history, then VACUUM and CHECKPOINT, so that neither
    the rows (on the board later runs import to), their history (5 M orphaned history rows once
    had autovacuum running in the middle of imports) nor a checkpoint of their WAL lands in the next
    run's time. Needs a role that may CHECKPOINT (run.sh's kb is a superuser)."""
    rows = f"SELECT id FROM benchmark_result WHERE split = '{split}'"
    subprocess.run(CLEAN_UP_WITH + [
        "-c", f"DELETE FROM change_history WHERE collection = 'results' AND item_id IN ({rows})",
        "-c", f"DELETE FROM benchmark_result_history WHERE id IN ({rows})",
        "-c", f"DELETE FROM benchmark_result WHERE split = '{split}'",
        "-c", "VACUUM benchmark_result", "-c", "VACUUM benchmark_result_history",
        "-c", "VACUUM change_history", "-c", "CHECKPOINT"], check=True, stdout=subprocess.DEVNULL)


def peak_rss_mib(proc):
    if proc is None:
        return None
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def summary_of(status, data):
    if status != 200:
        return f"HTTP {status}: {data[:160]!r}"
    s = json.loads(data)["summary"]
    return f"created {s['created']}, updated {s['updated']}, skipped {s['skipped']}, " \
           f"rejected {s['rejected']}"


def main():
    proc = None
    base = BASE_URL
    if base is None:
        proc = start_service()
        base = f"http://127.0.0.1:{PORT}"
    try:
        load = os.getloadavg()
        print(f"mlmd-kb imports against {base} ({APP_DIR}, -Xmx{HEAP}); load average "
              f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        print()
        print("| rows | fingerprints | body | first import | answer began | rows/s | second import | report | peak RSS | outcome (first; second) |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        run = uuid.uuid4().hex[:8]
        for shape in SHAPES:
            for rows in IMPORT_ROWS:
                tag = f"{run}-{shape}-{rows}"
                body = csv_body(tag, rows, shape)
                s1, d1, t1, a1 = call(base, IMPORT_PATH, body, "text/csv")
                s2, d2, t2, _ = call(base, IMPORT_PATH, body, "text/csv")
                rss = peak_rss_mib(proc)
                print(f"| {rows:,} | {shape} | {len(body) / 1e6:.1f} MB | {t1:.2f} s | {a1:.2f} s | "
                      f"{rows / t1 if s1 == 200 else 0:,.0f} | {t2:.2f} s | {len(d1) / 1e6:.1f} MB | "
                      f"{'' if rss is None else f'{rss:.0f} MiB'} | "
                      f"{summary_of(s1, d1)}; {summary_of(s2, d2)} |", flush=True)
                if CLEAN_UP_WITH:
                    clean_up(f"bench-{tag}")  # the split csv_body gives the rows
        if os.path.exists(BIBTEX):
            with open(BIBTEX, "rb") as f:
                bib = f.read()
            entries = bib.count(b"\n@") + (1 if bib.startswith(b"@") else 0)
            print()
            for dry in ("true", "false"):
                s, d, t, _ = call(base, f"/api/v1/imports?dry_run={dry}&partial=true", bib,
                               "application/x-bibtex")
                print(f"BibTeX {os.path.basename(BIBTEX)} ({entries:,} @-blocks, "
                      f"{len(bib) / 1e6:.2f} MB), dry_run={dry}: {t:.2f} s, "
                      f"{entries / t:,.0f} blocks/s; {summary_of(s, d)}", flush=True)
        load = os.getloadavg()
        print(f"\nload average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(60)


if __name__ == "__main__":
    main()
