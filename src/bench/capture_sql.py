"""Turns a PostgreSQL log (log_min_duration_statement = 0) into a pgbench script: every
statement the application executed for the request, its $n parameters replaced by the logged
literals. A page read in one snapshot keeps its transaction (BEGIN READ ONLY, its SET LOCALs,
ROLLBACK): the service sends them for every such request, so the floor does too. Left out: session
settings, the bench's own ALTER SYSTEM, and what the service's background threads ran meanwhile
(the search index following the change sequence, the replica lag check).

write_load.py reads the log through executed() as well."""
import re
import sys

BACKGROUND = ("search_change", "pg_current_wal_lsn", "pg_last_wal_replay_lsn")
# An entry's first line: its time, zone and backend pid (group 1), as log_line_prefix '%m [%p] '.
PREFIX = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* \S+ \[(\d+)\] "


def executed(log):
    """(backend pid, statement) for each statement the log shows executed, in the log's order,
    with its $n parameters replaced by the logged literals and its whitespace folded to one line
    (pgbench wants one line per command)."""
    entries = []  # [pid, entry text, parameters text]
    for e in re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:)", log):  # each entry starts with its time
        d = re.match(PREFIX + r"DETAIL:\s+Parameters: (.*)", e, re.S)
        if d and entries:  # the parameters of the entry logged just before (parse, bind, execute)
            entries[-1][2] = d.group(2)
        else:
            head = re.match(PREFIX, e)
            entries.append([head.group(1) if head else None, e, ""])
    out = []
    for pid, e, detail in entries:
        m = re.search(r"duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)", e, re.S)
        if not m:
            continue
        params = dict(
            (int(k), v) for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail))
        sql = re.sub(r"\$(\d+)\b", lambda x: params.get(int(x.group(1)), x.group(0)),
                     m.group(1).strip())
        out.append((pid, re.sub(r"\s+", " ", sql)))
    return out


def main():
    out = []
    for _, sql in executed(sys.stdin.read()):
        upper = sql.upper()
        session_setting = upper.startswith(("SET ", "SHOW")) and not upper.startswith(
            ("SET LOCAL", "SET TRANSACTION"))
        if session_setting or upper.startswith("ALTER SYSTEM") or "pg_reload_conf" in sql \
                or any(b in sql for b in BACKGROUND):
            continue
        out.append(sql + ";")
    print("\n".join(out))


if __name__ == "__main__":
    main()
