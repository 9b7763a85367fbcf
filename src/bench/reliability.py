#!/usr/bin/env python3
"""Replays the fault cases of issue 15 that this branch owns against a running jar on loopback.

Usage: src/bench/reliability.py --base http://127.0.0.1:18311 --admin-key KEY [--pid JVM_PID]

Cases (every loop is bounded; only 127.0.0.1/localhost bases are accepted):
  long-paths   16 concurrent GET /api/v1/papers/<60,000 digits>, while GET /api/v1/papers/100 is
               timed; reports the long answers by status and the normal reads' p50/p99.
  brute-force  wrong keys from one client address until 429; reports when it started.
  racing       32 parallel POSTs of one tag slug; reports answers by status and the tags stored.
  imports      8 concurrent imports of one ~5 MB title-only BibTeX file (fresh titles per run):
               answers by status, papers stored once vs more than once, entries lost, peak RSS.
Prints one table: case, requests, answers by status, duplicates, lost writes, recovery s, peak RSS.
"""
import argparse
import concurrent.futures as cf
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

peak_rss_kib = 0


def rss_kib(pid):
    if not pid:
        return 0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def watch_rss(pid, stop):
    global peak_rss_kib
    while not stop.is_set():
        peak_rss_kib = max(peak_rss_kib, rss_kib(pid))
        time.sleep(0.1)


def request(base, method, path, headers=None, body=None, timeout=60):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        start = time.perf_counter()
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, dict(resp.getheaders()), data, time.perf_counter() - start
    finally:
        conn.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def long_paths(base):
    long_path = "/api/v1/papers/" + "1" * 60_000
    normal, long_answers, long_times = [], {}, []
    stop = threading.Event()

    def attack():
        status, headers, _, took = request(base, "GET", long_path)
        return status, headers.get("Content-Type", ""), took

    def measure():
        while not stop.is_set() and len(normal) < 2000:
            status, _, _, took = request(base, "GET", "/api/v1/papers/100")
            normal.append((status, took))

    for _ in range(20):  # warm-up
        request(base, "GET", "/api/v1/papers/100")
    timer = threading.Thread(target=measure)
    timer.start()
    with cf.ThreadPoolExecutor(16) as pool:
        for _ in range(10):  # 10 waves of 16 concurrent long paths = 160 requests
            for status, ctype, took in pool.map(lambda _: attack(), range(16)):
                key = f"{status} {'problem' if 'problem+json' in ctype else ctype or '-'}"
                long_answers[key] = long_answers.get(key, 0) + 1
                long_times.append(took)
    stop.set()
    timer.join()
    times = [t * 1000 for s, t in normal]
    answers = dict(long_answers)
    for s, _ in normal:
        answers[f"{s} normal"] = answers.get(f"{s} normal", 0) + 1
    note = (f"normal p50 {percentile(times, 50):.1f} ms, p99 {percentile(times, 99):.1f} ms,"
            f" max {max(times):.1f} ms; long p99 {percentile(long_times, 99) * 1000:.1f} ms")
    return sum(answers.values()), answers, "-", "-", "-", note


def brute_force(base, admin_key):
    answers, first_429, retry_after = {}, None, None
    sent = 0
    for i in range(200):
        status, headers, _, _ = request(
            base, "POST", "/api/v1/tags",
            {"Authorization": f"Bearer wrong-{uuid.uuid4()}", "Content-Type": "application/json"},
            json.dumps({"slug": "bf", "label": "bf"}))
        sent += 1
        answers[status] = answers.get(status, 0) + 1
        if status == 429 and first_429 is None:
            first_429, retry_after = i + 1, headers.get("Retry-After")
    status, _, _, _ = request(base, "GET", "/api/v1/papers/100")
    answers[f"{status} anonymous read"] = 1
    note = f"first 429 at guess {first_429}, Retry-After {retry_after} s"
    # Recovery: how long until the address may authenticate again (bounded to 70 s).
    start = time.time()
    recovered = None
    while time.time() - start < 70:
        status, _, _, _ = request(base, "DELETE", "/api/v1/api-keys/no-such-bench-key",
                                  {"Authorization": f"Bearer {admin_key}"})
        if status != 429:
            recovered = time.time() - start
            break
        time.sleep(1)
    return sent + 1, answers, "-", "-", f"{recovered:.1f}" if recovered is not None else ">70", note


def racing(base, admin_key):
    slug = "bench-race-" + uuid.uuid4().hex[:8]
    body = json.dumps({"slug": slug, "label": "Bench race"})

    def create(_):
        return request(base, "POST", "/api/v1/tags",
                       {"Authorization": f"Bearer {admin_key}", "Content-Type": "application/json"},
                       body)[0]

    with cf.ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(create, range(32)))
    answers = {}
    for s in statuses:
        answers[s] = answers.get(s, 0) + 1
    _, _, data, _ = request(base, "GET", "/api/v1/tags")
    stored = sum(1 for t in json.loads(data)["items"] if t["slug"] == slug)
    created = answers.get(201, 0)
    return 32, answers, str(max(0, stored - 1)), str(max(0, created - stored)), "-", \
        f"{stored} tag stored"


def imports(base, admin_key, copies=8, target_bytes=5_000_000):
    run = uuid.uuid4().hex[:8]
    entries = []
    size = 0
    while size < target_bytes:
        i = len(entries)
        # Title-only entries: matched by normalised title + year, the hardest key to race on.
        entry = (f"@article{{bench{run}x{i},\n  title = {{Reliability bench {run} entry {i} on"
                 f" interatomic potentials and their failure modes}},\n  year = {{2024}}\n}}\n")
        if size + len(entry) > target_bytes:
            break
        entries.append(entry)
        size += len(entry)
    body = "".join(entries)
    headers = {"Authorization": f"Bearer {admin_key}", "Content-Type": "application/x-bibtex"}
    started = time.monotonic()
    with cf.ThreadPoolExecutor(copies) as pool:
        results = list(pool.map(
            lambda _: request(base, "POST", "/api/v1/imports", headers, body, timeout=600)[0],
            range(copies)))
    elapsed = time.monotonic() - started
    answers = {}
    for s in results:
        answers[s] = answers.get(s, 0) + 1
    stored = {}
    cursor = None
    while True:
        path = f"/api/v1/papers?q=%22Reliability+bench+{run}%22&limit=100&fields=title"
        if cursor:
            path += "&cursor=" + urllib.parse.quote(cursor)
        _, _, data, _ = request(base, "GET", path)
        page = json.loads(data)
        for item in page["items"]:
            if run in item["title"]:
                stored[item["title"]] = stored.get(item["title"], 0) + 1
        cursor = page.get("next_cursor")
        if not cursor:
            break
    duplicates = sum(n - 1 for n in stored.values() if n > 1)
    lost = len(entries) - len(stored) if answers.get(200, 0) else 0
    return copies, answers, str(duplicates), str(lost), "-", \
        f"{len(entries)} entries, {size / 1e6:.1f} MB each, {len(stored)} papers stored, {elapsed:.0f} s"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18311")
    parser.add_argument("--admin-key", required=True)
    parser.add_argument("--pid", type=int, default=0, help="JVM pid, for peak RSS")
    parser.add_argument("--cases", default="long-paths,racing,brute-force")
    args = parser.parse_args()
    host = urllib.parse.urlsplit(args.base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("loopback only")
    stop = threading.Event()
    threading.Thread(target=watch_rss, args=(args.pid, stop), daemon=True).start()
    cases = {"long-paths": lambda: long_paths(args.base),
             "racing": lambda: racing(args.base, args.admin_key),
             "brute-force": lambda: brute_force(args.base, args.admin_key),
             "imports": lambda: imports(args.base, args.admin_key)}
    rows = []
    for name in args.cases.split(","):
        global peak_rss_kib
        peak_rss_kib = rss_kib(args.pid)
        result = cases[name]()
        rows.append((name,) + result + (f"{peak_rss_kib / 1024:.0f} MiB" if args.pid else "-",))
    stop.set()
    print(f"{'case':<12} {'requests':>8}  {'answers by status':<44} {'dup':>4} {'lost':>4}"
          f" {'recovery s':>10} {'peak RSS':>9}  note")
    for name, n, answers, dup, lost, rec, note, rss in rows:
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(answers.items(), key=str))
        print(f"{name:<12} {n:>8}  {shown:<44} {dup:>4} {lost:>4} {rec:>10} {rss:>9}  {note}")


if __name__ == "__main__":
    main()
