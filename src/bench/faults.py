#!/usr/bin/env python3
"""Replays the database faults of issue 15 against the packaged service, loopback only.

Cases: outage (pg_ctl stop, then start), freeze (SIGSTOP on the postmaster and its backends,
then SIGCONT), two instances at once on one fresh database, a second instance on an
embedded data directory another one owns, and kill -9 of the JVM in the middle of a 5 MB BibTeX
import (restart on the same data directory: the import left nothing, a repeat stores it once). Prints one table: requests, answers by status, the
slowest answer, recovery seconds.

Needs the packaged jar (./mvnw package -DskipTests) and runs as the same user as the service
(root is fine: PostgreSQL then runs as nobody). Every process it starts is stopped at the end.

    python3 src/bench/faults.py [--jar target/quarkus-app/quarkus-run.jar] [--port-base 18430]
                                [--outage-seconds 8] [--freeze-seconds 25]
"""
import argparse
import collections
import json
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
WORK = "/var/tmp/mlmd-kb-faults"
PROBE = "/api/v1/papers?limit=5"
JAR_IN_USE = [JAR]


def get(port, path, timeout=60):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
            r.read()
            return r.status, time.monotonic() - started, dict(r.headers)
    except urllib.error.HTTPError as e:
        e.read()
        return e.code, time.monotonic() - started, dict(e.headers)
    except Exception:  # refused, reset or timed out: the client saw no HTTP answer
        return 0, time.monotonic() - started, {}


class Instance:
    def __init__(self, name, port, env):
        self.name, self.port = name, port
        self.log = open(os.path.join(WORK, f"{name}.log"), "w")
        full = dict(os.environ, KB_HTTP_PORT=str(port), **env)
        self.proc = subprocess.Popen(["java", "-Xmx512m", "-jar", JAR_IN_USE[0]], env=full,
                                     stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, limit=180):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            if get(self.port, "/q/health/ready", timeout=5)[0] == 200:
                return True
            time.sleep(0.5)
        return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


class Load:
    """Clients requesting PROBE in a loop; answers are counted per phase."""

    def __init__(self, port, clients=4):
        self.port, self.phase, self.running = port, "before", True
        self.answers = collections.defaultdict(collections.Counter)
        self.slowest = collections.defaultdict(float)
        self.first_ok_after = {}
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(clients)]
        for t in self.threads:
            t.start()

    def run(self):
        while self.running:
            phase = self.phase
            status, seconds, _ = get(self.port, PROBE)
            with self.lock:
                self.answers[phase][status] += 1
                self.slowest[phase] = max(self.slowest[phase], seconds)
                if status == 200 and phase not in self.first_ok_after:
                    self.first_ok_after[phase] = time.monotonic()
            time.sleep(0.05)

    def stop(self):
        self.running = False
        for t in self.threads:
            t.join(90)


def pg_tools(data_dir):
    binaries = sorted(d for d in os.listdir("/var/tmp/mlmd-kb") if d.startswith("postgres-"))[-1]
    pg_ctl = os.path.join("/var/tmp/mlmd-kb", binaries, "bin", "pg_ctl")
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] \
        if os.geteuid() == 0 else []
    return prefix + [pg_ctl, "-D", data_dir]


def postmaster(data_dir):
    with open(os.path.join(data_dir, "postmaster.pid")) as f:
        lines = f.read().splitlines()
    return int(lines[0]), int(lines[3])


def descendants(pid):
    children = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children[ppid].append(int(entry))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children[p])
    return out


def row(case, load_phase, load, extra="", recovery=None):
    answers = load.answers[load_phase]
    total = sum(answers.values())
    other_5xx = sum(n for s, n in answers.items() if s >= 500 and s != 503)
    no_answer = answers.get(0, 0)
    return (case, total, answers.get(200, 0), answers.get(503, 0), other_5xx, no_answer,
            f"{load.slowest[load_phase]:.2f}",
            "-" if recovery is None else f"{recovery:.2f}", extra)


def outage(a, data_dir, seconds):
    load = Load(a.port)
    time.sleep(3)
    _, port = postmaster(data_dir)
    subprocess.run(pg_tools(data_dir) + ["-m", "fast", "-w", "stop"], check=True,
                   stdout=subprocess.DEVNULL)
    load.phase = "outage"
    time.sleep(seconds)
    status, took, headers = get(a.port, PROBE)
    ready = get(a.port, "/q/health/ready", timeout=10)
    load.phase = "recovery"
    restarted = time.monotonic()
    subprocess.run(pg_tools(data_dir) + ["-l", os.path.join(data_dir, "embedded-postgres.log"),
                                         "-w", "-o", f"-p {port} -h 127.0.0.1 -k ''", "start"],
                   check=True, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while "recovery" not in load.first_ok_after and time.monotonic() < deadline:
        time.sleep(0.1)
    load.stop()
    recovery = load.first_ok_after.get("recovery", float("nan")) - restarted
    note = (f"probe {status} Retry-After={headers.get('Retry-After')} in {took:.2f}s;"
            f" readiness {ready[0]} in {ready[1]:.2f}s")
    return row("outage (pg_ctl stop)", "outage", load, note, recovery)


def freeze(a, data_dir, seconds):
    load = Load(a.port)
    time.sleep(3)
    pid, _ = postmaster(data_dir)
    frozen = descendants(pid)
    for p in frozen:
        os.kill(p, signal.SIGSTOP)
    load.phase = "frozen"
    try:
        time.sleep(seconds)
        ready = get(a.port, "/q/health/ready", timeout=10)
    finally:
        load.phase = "thawed"
        thawed = time.monotonic()
        for p in frozen:
            try:
                os.kill(p, signal.SIGCONT)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + 30
    while "thawed" not in load.first_ok_after and time.monotonic() < deadline:
        time.sleep(0.1)
    load.stop()
    recovery = load.first_ok_after.get("thawed", float("nan")) - thawed
    return row("freeze (SIGSTOP)", "frozen", load,
               f"{len(frozen)} processes stopped; readiness {ready[0]} in {ready[1]:.2f}s",
               recovery)


def two_instances(a, data_dir, port_base):
    with open(os.path.join(data_dir, "kb-credentials.properties")) as f:
        creds = dict(l.strip().split("=", 1) for l in f if "=" in l and not l.startswith("#"))
    _, pg_port = postmaster(data_dir)
    env = dict(os.environ, PGPASSWORD=creds["superuser_password"])
    for sql in ("DROP DATABASE IF EXISTS faults_race WITH (FORCE)",
                "CREATE DATABASE faults_race OWNER kb"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-q",
                        "-c", sql, "postgres"], env=env, check=True)
    shared = {"KB_DB_URL": f"jdbc:postgresql://127.0.0.1:{pg_port}/faults_race",
              "KB_DB_PASSWORD": creds["app_password"], "KB_ADMIN_KEY": ""}
    started = time.monotonic()
    b = Instance("b", port_base + 1, shared)
    c = Instance("c", port_base + 2, shared)
    ready = [b.wait_ready(), c.wait_ready()]
    both_ready = time.monotonic() - started
    answers = collections.Counter(get(i.port, PROBE)[0] for i in (b, c) for _ in range(10))
    env["PGPASSWORD"] = creds["app_password"]
    counts = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "kb", "-At", "-c",
         "SELECT (SELECT count(*) FROM seed_load) || ' ' || (SELECT count(*) FROM paper)"
         " || ' ' || (SELECT count(DISTINCT lower(title)) FROM paper)", "faults_race"],
        env=env, capture_output=True, text=True).stdout.split()
    b.stop()
    c.stop()
    return ("two instances, one fresh DB", sum(answers.values()), answers.get(200, 0),
            answers.get(503, 0), sum(n for s, n in answers.items() if s >= 500 and s != 503),
            answers.get(0, 0), "-", f"{both_ready:.2f}",
            f"ready={ready}; seed loads={counts[0] if counts else '?'};"
            f" papers={counts[1] if counts else '?'} (distinct titles"
            f" {counts[2] if counts else '?'})")


def shared_embedded_dir(data_dir, port_base):
    d = Instance("d", port_base + 3, {"KB_EMBEDDED_DB_DATA_DIR": data_dir})
    try:
        code = d.proc.wait(180)
    except subprocess.TimeoutExpired:
        code = None
    d.stop()
    with open(os.path.join(WORK, "d.log")) as f:
        said = "belongs to another running instance" in f.read()
    return ("2nd instance, same embedded dir", 0, 0, 0, 0, 0, "-", "-",
            f"exit code {code}; clear message: {said}")


def bibtex(run, target_bytes=5_000_000):
    entries, size = [], 0
    while True:
        entry = (f"@article{{kill{run}x{len(entries)},\n  title = {{Kill nine bench {run} entry"
                 f" {len(entries)} on learned interatomic potentials}},\n  year = {{2023}}\n}}\n")
        if size + len(entry) > target_bytes:
            return "".join(entries), len(entries)
        entries.append(entry)
        size += len(entry)


def post_import(port, key, body, timeout=600):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/imports", data=body.encode(), method="POST",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/x-bibtex"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return 0


def stored_total(port, run):
    with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/api/v1/papers?q=%22Kill+nine+bench+{run}%22&limit=1",
            timeout=60) as r:
        return json.loads(r.read())["total"]


def kill_mid_import(port_base, after_seconds=5):
    data_dir = os.path.join(WORK, "data-e")
    key = "faults-bench-admin-key-" + os.urandom(8).hex()
    env = {"KB_EMBEDDED_DB_DATA_DIR": data_dir, "KB_ADMIN_KEY": key,
           "KB_SEARCH_INDEX_DIR": os.path.join(WORK, "data-e-search")}
    run = os.urandom(4).hex()
    body, n = bibtex(run)
    e = Instance("e", port_base + 4, env)
    if not e.wait_ready():
        raise SystemExit(f"instance e did not start; see {WORK}/e.log")
    answers = collections.Counter()
    worker = threading.Thread(target=lambda: answers.update([post_import(e.port, key, body)]))
    worker.start()
    time.sleep(after_seconds)
    os.kill(e.proc.pid, signal.SIGKILL)  # the JVM only: its PostgreSQL lives on, as after a crash
    e.proc.wait()
    worker.join(60)
    e.log.close()
    restarted = time.monotonic()
    e2 = Instance("e2", port_base + 4, env)
    ready = e2.wait_ready()
    recovery = time.monotonic() - restarted
    after_kill = stored_total(e2.port, run) if ready else "?"
    answers.update([post_import(e2.port, key, body)])
    answers.update([post_import(e2.port, key, body)])  # a repeat stores nothing more
    final = stored_total(e2.port, run) if ready else "?"
    e2.stop()
    return ("kill -9 mid-import", sum(answers.values()), answers.get(200, 0),
            answers.get(503, 0), sum(v for s, v in answers.items() if s >= 500 and s != 503),
            answers.get(0, 0), "-", f"{recovery:.2f}",
            f"{n} entries; after the kill {after_kill} stored (0 or {n} is whole);"
            f" after two more imports {final} stored")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=JAR)
    ap.add_argument("--port-base", type=int, default=18430)
    ap.add_argument("--cases", default="outage,freeze,two,shared,kill9",
                    help="comma-separated subset of outage, freeze, two, shared, kill9")
    ap.add_argument("--outage-seconds", type=float, default=8)
    ap.add_argument("--freeze-seconds", type=float, default=25)
    args = ap.parse_args()
    JAR_IN_USE[0] = os.path.abspath(args.jar)
    if not os.path.exists(JAR_IN_USE[0]):
        raise SystemExit(f"{JAR_IN_USE[0]} is missing: run ./mvnw package -DskipTests first")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    os.chmod(WORK, 0o755)
    data_dir = os.path.join(WORK, "data-a")
    a = Instance("a", args.port_base, {"KB_EMBEDDED_DB_DATA_DIR": data_dir, "KB_ADMIN_KEY": ""})
    rows = []
    try:
        if not a.wait_ready():
            raise SystemExit(f"instance a did not start; see {WORK}/a.log")
        cases = args.cases.split(",")
        if "outage" in cases:
            rows.append(outage(a, data_dir, args.outage_seconds))
        if "freeze" in cases:
            rows.append(freeze(a, data_dir, args.freeze_seconds))
        if "two" in cases:
            rows.append(two_instances(a, data_dir, args.port_base))
        if "shared" in cases:
            rows.append(shared_embedded_dir(data_dir, args.port_base))
        if "kill9" in cases:
            rows.append(kill_mid_import(args.port_base))
    finally:
        a.stop()
    header = ("case", "requests", "200", "503", "other 5xx", "no answer", "slowest s",
              "recovery s", "notes")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print(" | ".join(str(v).ljust(w) for v, w in zip(r, widths)))
    with open(os.path.join(WORK, "a.log")) as f:
        log = f.read()
    print(f"\ninstance a log: {len(log)} bytes, {log.count('Database unavailable')} outage lines,"
          f" {log.count('Exception')} lines naming an exception")


if __name__ == "__main__":
    main()
