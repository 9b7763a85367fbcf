#!/usr/bin/env python3
"""POST /papers and PATCH /papers/{id} at 1 and 32 clients, next to their floor: pgbench running
the statements the service sent for one such write (captured from the database server's log), at
the same number of connections.

Needs a running service (BASE_URL, ADMIN_KEY) on a database this script can reach with psql as a
superuser (PSQL, a psql command line) and whose server log it can read (PG_LOG), e.g. the bench
service on run.sh's database, started as imports.py's docstring shows:

    BASE_URL=http://127.0.0.1:18096 ADMIN_KEY=... PG_LOG=/var/tmp/mlmd-kb-bench/postgres.log \
      PSQL="psql -X -q -h 127.0.0.1 -p 55440 -U kb -d bench" python3 src/bench/write_load.py

Each client has its own connection and writes its own papers, so the 32 clients contend for the
cores, the connection pool and the index thread, not for one row. The service's figures include
what a client sees (HTTP, JSON, the key check, the transaction, the answer); the floor replays the
same statements with the same literals but for a fresh DOI and title per transaction (a POST) or
the client's own paper (a PATCH, plus one look-up of that paper by DOI). The floor's papers are
indexed by the running service's change follower meanwhile, as the service's own writes are.
Every paper this script made (through the service and through pgbench) is deleted at the end,
with its history.
"""
import http.client
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

from capture_sql import executed  # this directory's log reader: run.sh's floors use it too

BASE_URL = os.environ["BASE_URL"]
ADMIN_KEY = os.environ["ADMIN_KEY"]
PG_LOG = os.environ["PG_LOG"]
PSQL = shlex.split(os.environ["PSQL"])
CLIENTS = [int(n) for n in os.environ.get("CLIENTS", "1,32").split(",")]
DURATION = float(os.environ.get("DURATION", "10"))
WARMUP = float(os.environ.get("WARMUP", "3"))
PGBENCH = os.environ.get("PGBENCH", "pgbench")
SCRIPTS_DIR = os.environ.get("SCRIPTS_DIR")  # keeps the floor's pgbench scripts for reading
RUN = uuid.uuid4().hex[:8]
DOI_PREFIX = f"10.5555/load-{RUN}-"


def connection_options():
    """pgbench's connection options from the psql command line (-h, -p, -U, -d)."""
    out, args = [], PSQL[1:]
    for i, a in enumerate(args):
        if a in ("-h", "-p", "-U") and i + 1 < len(args):
            out += [a, args[i + 1]]
        elif a == "-d" and i + 1 < len(args):
            out += [args[i + 1]]
    return out


PSQL_DB = connection_options()


def psql(sql):
    return subprocess.run(PSQL + ["-Atc", sql], check=True, capture_output=True, text=True).stdout


class Client:
    def __init__(self):
        url = urllib.parse.urlparse(BASE_URL)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def call(self, method, path, body, headers=None, content_type="application/json"):
        h = {"Authorization": "Bearer " + ADMIN_KEY, "Content-Type": content_type}
        h.update(headers or {})
        start = time.perf_counter()
        self.conn.request(method, path, body=json.dumps(body), headers=h)
        response = self.conn.getresponse()
        data = response.read()
        return response.status, response.getheader("ETag"), data, time.perf_counter() - start


def paper(tag):
    return {"entry_type": "article", "title": f"Load paper {RUN} {tag}", "year": 2024,
            "doi": DOI_PREFIX + str(tag), "authors": ["Ada Lovelace", "Alan Turing"]}


def post(client, tag):
    status, etag, data, t = client.call("POST", "/api/v1/papers", paper(tag))
    if status != 201:
        sys.exit(f"POST: expected 201, got {status}: {data[:300]!r}")
    return json.loads(data)["id"], etag, t


def patch(client, pid, etag, venue):
    status, etag, data, t = client.call("PATCH", f"/api/v1/papers/{pid}", {"venue": venue},
                                        {"If-Match": etag}, "application/merge-patch+json")
    if status != 200:
        sys.exit(f"PATCH: expected 200, got {status}: {data[:300]!r}")
    return etag, t


def service_load(kind, clients):
    """Each client writes for WARMUP + DURATION seconds; latencies after the warm-up count."""
    start = time.time()
    measure_from, stop = start + WARMUP, start + WARMUP + DURATION
    latencies, lock = [], threading.Lock()

    def client_loop(c):
        client, mine, i = Client(), [], 0
        if kind == "PATCH":  # the client's own papers, made before the clock starts
            mine = [list(post(client, f"{kind}-{clients}-{c}-{k}")[:2]) for k in range(4)]
        while time.time() < stop:
            if kind == "POST":
                t = post(client, f"{kind}-{clients}-{c}-{i}")[2]
            else:
                entry = mine[i % len(mine)]
                entry[1], t = patch(client, entry[0], entry[1], f"Load venue {i}")
            if time.time() >= measure_from:
                with lock:
                    latencies.append(t)
            i += 1

    threads = [threading.Thread(target=client_loop, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summary(latencies)


def summary(seconds):
    ms = sorted(s * 1000 for s in seconds)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    return pick(0.5), pick(0.99), len(ms) / DURATION


def captured_transactions():
    """The statements of one POST and one PATCH, by the backend that ran each transaction."""
    before = os.path.getsize(PG_LOG)
    psql("ALTER SYSTEM SET log_min_duration_statement = 0")
    psql("SELECT pg_reload_conf()")
    time.sleep(0.5)
    client = Client()
    pid, etag, _ = post(client, "captured")
    patch(client, pid, etag, "Captured venue")
    time.sleep(0.5)
    psql("ALTER SYSTEM RESET log_min_duration_statement")
    psql("SELECT pg_reload_conf()")
    with open(PG_LOG, encoding="utf-8", errors="replace") as f:
        f.seek(before)
        log = f.read()
    statements = executed(log)
    doi, title = DOI_PREFIX + "captured", f"Load paper {RUN} captured"
    post_tx = transaction(statements, lambda s: s.startswith("INSERT INTO paper ") and doi in s)
    patch_tx = transaction(statements, lambda s: s.startswith("UPDATE paper SET") and doi in s)
    return pid, doi, title, post_tx, patch_tx


def transaction(statements, is_key):
    """The API key check before it and the statements from BEGIN to COMMIT, all on the backend
    that ran the statement is_key picks (a connection in a transaction serves nobody else)."""
    at = next(i for i, (_, s) in enumerate(statements) if is_key(s))
    pid = statements[at][0]
    same = [(i, s) for i, (p, s) in enumerate(statements) if p == pid]
    begin = max(i for i, s in same if i < at and s == "BEGIN")
    commit = min(i for i, s in same if i > at and s == "COMMIT")
    key_check = max(i for i, s in same if i < begin and "FROM api_key" in s)
    body = [s for i, s in same if begin < i < commit]
    return [statements[key_check][1], "BEGIN"] + body + ["COMMIT"]


def floor_scripts(pid, doi, title, post_tx, patch_tx):
    """The captured statements with a fresh paper per POST and the client's paper per PATCH."""
    fresh_doi = f"10.5555/floor-{RUN}-:client_id-:n"
    fresh_title = f"Floor paper {RUN} :client_id :n"
    post_lines = ["\\set n random(1, 2000000000)"]
    after_insert = False
    for s in post_tx:
        s = s.replace(doi, fresh_doi).replace(title, fresh_title)
        if s.startswith("INSERT INTO paper "):
            post_lines.append(s + " \\gset new_")  # RETURNING id: the new paper's id as :new_id
            after_insert = True
            continue
        if after_insert:
            s = re.sub(rf"\b{pid}\b", ":new_id", s)
        post_lines.append(s + ";")
    own_doi, own_title = f"10.5555/floor-{RUN}-own-:client_id", f"Floor paper {RUN} own :client_id"
    patch_lines = [f"SELECT id AS own_id FROM paper WHERE doi = '{own_doi}' \\gset"]
    for s in patch_tx:
        s = s.replace(doi, own_doi).replace(title, own_title)
        patch_lines.append(re.sub(rf"\b{pid}\b", ":own_id", s) + ";")
    return "\n".join(post_lines) + "\n", "\n".join(patch_lines) + "\n"


def pgbench(script, clients):
    db = PSQL_DB
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "floor.sql")
        with open(path, "w") as f:
            f.write(script)
        if WARMUP:
            subprocess.run([PGBENCH, *db, "-n", "-c", str(clients), "-j", str(min(clients, 2)),
                            "-T", str(max(1, int(WARMUP))), "-f", path], check=True,
                           capture_output=True, text=True)
        done = subprocess.run([PGBENCH, *db, "-n", "-c", str(clients), "-j", str(min(clients, 2)),
                               "-T", str(int(DURATION)), "-l", "-f", path], cwd=d, check=True,
                              capture_output=True, text=True)
        failed = re.search(r"number of failed transactions: (\d+)", done.stdout)
        if failed is None or failed.group(1) != "0":
            sys.exit("pgbench transactions failed:\n" + done.stdout + done.stderr)
        latencies = []
        for name in os.listdir(d):
            if name.startswith("pgbench_log"):
                for line in open(os.path.join(d, name)):
                    parts = line.split()
                    if len(parts) >= 3:
                        latencies.append(int(parts[2]) / 1e6)
        return summary(latencies)


def clean_up():
    psql(f"""
        DELETE FROM change_history WHERE collection = 'papers' AND item_id IN (
            SELECT id FROM paper WHERE doi LIKE '10.5555/load-{RUN}-%'
                                    OR doi LIKE '10.5555/floor-{RUN}-%');
        DELETE FROM paper WHERE doi LIKE '10.5555/load-{RUN}-%' OR doi LIKE '10.5555/floor-{RUN}-%';
    """)


def main():
    print(f"POST and PATCH /papers against {BASE_URL}: {DURATION:.0f} s per row after "
          f"{WARMUP:.0f} s of warm-up; p50 / p99 in ms")
    try:
        pid, doi, title, post_tx, patch_tx = captured_transactions()
        print(f"captured: POST {len(post_tx)} statements, PATCH {len(patch_tx)} "
              f"(API key check, BEGIN ... COMMIT)")
        post_floor, patch_floor = floor_scripts(pid, doi, title, post_tx, patch_tx)
        if SCRIPTS_DIR:
            for name, script in (("post", post_floor), ("patch", patch_floor)):
                with open(os.path.join(SCRIPTS_DIR, f"write-floor-{name}.sql"), "w") as f:
                    f.write(script)
        # The floor's own papers for its PATCHes, one per connection.
        psql("INSERT INTO paper (entry_type, title, year, doi) SELECT 'article', "
             f"'Floor paper {RUN} own ' || c, 2024, '10.5555/floor-{RUN}-own-' || c "
             f"FROM generate_series(0, {max(CLIENTS) - 1}) c")
        print(f"{'request':<8} {'clients':>7} {'service p50 / p99':>20} {'req/s':>7} "
              f"{'pgbench p50 / p99':>20} {'tps':>7} {'ratio':>6}")
        for kind, script in (("POST", post_floor), ("PATCH", patch_floor)):
            for clients in CLIENTS:
                s50, s99, srate = service_load(kind, clients)
                f50, f99, frate = pgbench(script, clients)
                print(f"{kind:<8} {clients:>7} {s50:>9.2f} / {s99:>8.2f} {srate:>7.0f} "
                      f"{f50:>9.2f} / {f99:>8.2f} {frate:>7.0f} {srate / frate:>6.2f}")
    finally:
        clean_up()


if __name__ == "__main__":
    main()
