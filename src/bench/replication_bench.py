#!/usr/bin/env python3
"""Figures for replicated reads (issue #12), on the cluster of src/bench/cluster.sh.

  src/bench/cluster.sh start && src/bench/replication_bench.py [throughput] [lag] [failover] [primary]

throughput: the read mix (read_mix.lua, wrk) on an instance reading from the replica vs a third
            instance, started here, that reads from the primary only.
lag:        replica replay lag (pg_stat_replication) while a burst of writes goes through the
            balancer.
failover:   a FAILOVER_S read load through the balancer; the replica is stopped after 10 s and
            started again halfway: non-2xx count, time until both instances read from the
            primary, and until both are back on the replica.
primary:    the primary stopped: a read and a write through the balancer, then the primary
            started again and the write repeated.
Needs wrk, psql and curl. Ports and directories as in cluster.sh (same environment variables).
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLUSTER = os.path.join(HERE, "cluster.sh")
DIR = os.environ.get("CLUSTER_DIR", "/var/tmp/mlmd-kb-cluster")
PRIMARY_PORT = int(os.environ.get("PRIMARY_PORT", 55450))
LB = "http://127.0.0.1:%s" % os.environ.get("LB_PORT", 18500)
APPS = ["http://127.0.0.1:%s" % os.environ.get("APP1_PORT", 18501),
        "http://127.0.0.1:%s" % os.environ.get("APP2_PORT", 18502)]
APP3_PORT = int(os.environ.get("APP3_PORT", 18503))
DURATION = int(os.environ.get("DURATION", 20))
CONNS = int(os.environ.get("CONNS", 16))
WRITES = int(os.environ.get("WRITES", 400))
FAILOVER_S = int(os.environ.get("FAILOVER_S", 60))
JAR = os.environ.get("JAR", os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))


def admin_key():
    with open(os.path.join(DIR, "admin-key")) as f:
        return f.read().strip()


def http(method, url, body=None, key=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data:
        req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def readiness(app):
    try:
        _, _, body = http("GET", app + "/q/health/ready")
        # By name: the order of health checks is not fixed (the search index reports too).
        checks = json.loads(body)["checks"]
        return next(c["data"] for c in checks if c["name"] == "Database")
    except Exception:  # noqa: BLE001 - an instance between states answers nothing useful
        return {}


def wrk(url, seconds):
    run = subprocess.run(
        # A generous timeout: on a shared machine a slow answer is not a failed one.
        ["wrk", "-t2", "-c%d" % CONNS, "-d%ds" % seconds, "--timeout", "30s", "--latency", "-s",
         os.path.join(HERE, "read_mix.lua"), url],
        check=True, capture_output=True, text=True)
    out = run.stdout
    for line in run.stderr.splitlines():
        if line.startswith("NON2XX"):
            print("  " + line)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "requests": total,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": errors.group(1) if errors else "none"}


def db_password():
    with open(os.path.join(DIR, "db-password")) as f:
        return f.read().strip()


def throughput():
    env = dict(os.environ, KB_HTTP_PORT=str(APP3_PORT),
               KB_DB_URL="jdbc:postgresql://127.0.0.1:%d/postgres" % PRIMARY_PORT,
               KB_DB_USER="kb", KB_DB_PASSWORD=db_password(), KB_ADMIN_KEY=admin_key(),
               KB_SEARCH_INDEX_DIR=os.path.join(DIR, "app3-search"))
    env.pop("KB_DB_READ_URL", None)
    log = open(os.path.join(DIR, "app3.log"), "w")
    app3 = subprocess.Popen(["java", "-Xmx384m", "-jar", JAR], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        url3 = "http://127.0.0.1:%d" % APP3_PORT
        for _ in range(240):
            if readiness(url3):
                break
            time.sleep(1)
        for url in (APPS[0], url3):  # warm up both JVMs and pools alike
            wrk(url, 5)
        on_replica = wrk(APPS[0], DURATION)
        on_primary = wrk(url3, DURATION)
        on_replica_again = wrk(APPS[0], DURATION)
    finally:
        app3.terminate()
        app3.wait(30)
    print("read mix, %d connections, %d s each (instance 1 -> replica, instance 3 -> primary):"
          % (CONNS, DURATION))
    for name, r in (("replica", on_replica), ("primary", on_primary),
                    ("replica (again)", on_replica_again)):
        print("  reads on %-16s %8.1f req/s  p50 %-8s p99 %-8s non-2xx %d" %
              (name, r["rps"], r["p50"], r["p99"], r["non_2xx"]))


def replication_lag():
    row = subprocess.run(
        ["psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(PRIMARY_PORT), "-U", "kb", "-d",
         "postgres", "-c",
         "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0),"
         " coalesce(max(extract(epoch FROM replay_lag)) * 1000, 0) FROM pg_stat_replication"],
        capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=db_password())
    ).stdout.strip()
    lag_bytes, lag_ms = row.split("|")
    return float(lag_bytes), float(lag_ms)


def lag():
    key = admin_key()
    stamp = int(time.time())
    samples = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            samples.append(replication_lag() + (readiness(APPS[0]).get("replica_lag_ms", -1),))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(
            lambda i: http("POST", LB + "/api/v1/tags",
                           {"slug": "bench-%d-%d" % (stamp, i), "label": "Bench %d" % i},
                           key)[0],
            range(WRITES)))
    elapsed = time.time() - started
    time.sleep(1)
    done.set()
    sampler.join()
    ok = statuses.count(201)
    by_bytes = sorted(s[0] for s in samples)
    by_ms = sorted(s[1] for s in samples)
    seen = sorted(s[2] for s in samples if s[2] >= 0)
    print("write burst: %d tag creations through the balancer, 8 at a time: %d x 201 in %.1f s"
          " (%.0f writes/s)" % (WRITES, ok, elapsed, ok / elapsed))
    print("  replay lag from pg_stat_replication, %d samples every 100 ms: max %.1f ms, p95 %.1f ms;"
          " max %d bytes of WAL behind" % (len(samples), by_ms[-1],
                                           by_ms[int(len(by_ms) * .95)], by_bytes[-1]))
    if seen:
        print("  lag seen by instance 1's monitor (readiness replica_lag_ms): max %d ms" % seen[-1])


def wait_for(condition, timeout=60):
    start = time.time()
    while time.time() - start < timeout:
        if condition():
            return time.time() - start
        time.sleep(0.05)
    return None


def failover():
    result = {}
    load = threading.Thread(target=lambda: result.update(wrk(LB, FAILOVER_S)))
    load.start()
    time.sleep(10)
    subprocess.run([CLUSTER, "stop-replica"], check=True)
    down = wait_for(lambda: all(readiness(a).get("reads_on") not in ("replica", None)
                                for a in APPS))
    time.sleep(max(0, FAILOVER_S / 2 - 10 - (down or 0)))
    subprocess.run([CLUSTER, "start-replica"], check=True)
    back = wait_for(lambda: all(readiness(a).get("reads_on") == "replica" for a in APPS), 90)
    load.join()
    print("failover: %d s read load through the balancer, replica stopped at 10 s, started at"
          " %d s" % (FAILOVER_S, FAILOVER_S // 2))
    print("  %d requests, %.1f req/s, non-2xx %d, socket errors %s" % (
        result["requests"], result["rps"], result["non_2xx"], result["socket_errors"]))
    print("  reads left the replica on both instances %s after the stop returned" %
          ("%.2f s" % down if down is not None else "NOT within 60 s"))
    print("  reads back on the replica on both instances %s after the start returned" %
          ("%.2f s" % back if back is not None else "NOT within 90 s"))


def primary():
    key = admin_key()
    subprocess.run([CLUSTER, "stop-primary"], check=True)
    try:
        time.sleep(2)
        read = http("GET", LB + "/api/v1/papers?limit=5")
        write = http("POST", LB + "/api/v1/tags", {"slug": "primary-down-%d" % time.time(),
                                                    "label": "Primary down"}, key)
        print("primary stopped: read %d; write %d %s Retry-After=%s" % (
            read[0], write[0], write[1].get("content-type"), write[1].get("retry-after")))
    finally:
        subprocess.run([CLUSTER, "start-primary"], check=True)
    took = wait_for(lambda: http("POST", LB + "/api/v1/tags",
                                 {"slug": "primary-back-%d" % (time.time() * 1000),
                                  "label": "Primary back"}, key)[0] == 201, 60)
    print("primary started again: first successful write %s later, nothing restarted" %
          ("%.2f s" % took if took is not None else "NOT within 60 s"))


if __name__ == "__main__":
    steps = sys.argv[1:] or ["throughput", "lag", "failover", "primary"]
    for step in steps:
        {"throughput": throughput, "lag": lag, "failover": failover, "primary": primary}[step]()
