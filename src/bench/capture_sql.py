"""Turns a PostgreSQL log (log_min_duration_statement = 0) into a pgbench script: every
statement the application executed for the request, its $n parameters replaced by the logged
literals. A page read in one snapshot keeps its transaction (BEGIN READ ONLY, its SET LOCALs,
ROLLBACK): the service sends them for every such request, so the floor does too. Left out: session
settings, the bench's own ALTER SYSTEM, and what the service's background threads ran meanwhile
(the search index following the change sequence, the replica lag check)."""
import re
import sys

BACKGROUND = ("search_change", "pg_current_wal_lsn", "pg_last_wal_replay_lsn")
PREFIX = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* \S+ \[\d+\] "
text = sys.stdin.read()
entries = []  # [statement text, parameters text]
for e in re.split(r"\n(?=" + PREFIX + ")", text):
    d = re.match(PREFIX + r"DETAIL:\s+Parameters: (.*)", e, re.S)
    if d and entries:  # the parameters of the statement logged just before
        entries[-1][1] = d.group(1)
    else:
        entries.append([e, ""])
out = []
for e, detail in entries:
    m = re.search(r"duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)", e, re.S)
    if not m:
        continue
    sql = m.group(1).strip()
    upper = sql.upper()
    session_setting = upper.startswith(("SET ", "SHOW")) and not upper.startswith(
        ("SET LOCAL", "SET TRANSACTION"))
    if session_setting or upper.startswith("ALTER SYSTEM") or "pg_reload_conf" in sql \
            or any(b in sql for b in BACKGROUND):
        continue
    params = dict((int(k), v) for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail))
    sql = re.sub(r"\$(\d+)\b", lambda x: params.get(int(x.group(1)), x.group(0)), sql)
    out.append(re.sub(r"\s+", " ", sql) + ";")  # pgbench wants one line per command
print("\n".join(out))
