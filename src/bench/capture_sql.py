"""Turns a PostgreSQL log (log_min_duration_statement = 0) into a pgbench script: every
statement the application executed, its $n parameters replaced by the logged literals."""
import re
import sys

text = sys.stdin.read()
entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", text)
out = []
for i, e in enumerate(entries):
    m = re.search(r"duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)", e, re.S)
    if not m:
        continue
    sql = m.group(1).strip()
    if sql.upper().startswith(("SET ", "SHOW", "BEGIN", "COMMIT", "ALTER SYSTEM", "SELECT PG_RELOAD")) or "pg_reload_conf" in sql:
        continue
    params = {}
    d = re.search(r"DETAIL:\s+Parameters: (.*)", e, re.S)
    if d:
        for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", d.group(1)):
            params[int(k)] = v
    sql = re.sub(r"\$(\d+)\b", lambda x: params.get(int(x.group(1)), x.group(0)), sql)
    sql = re.sub(r"\s+", " ", sql)  # pgbench wants one line per command
    out.append(sql + ";")
print("\n".join(out))
