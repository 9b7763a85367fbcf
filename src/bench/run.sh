#!/usr/bin/env bash
# Load test of search, the paper list (filtered, plain, with q), suggest, get-by-id, the
# leaderboard index, one board, stats and the method/dataset pages on a synthetic corpus, against
# pgbench running the very SQL the API issued (captured from the server log) as the floor.
# Usage (from the repository root, after ./mvnw package -DskipTests):
#   src/bench/run.sh            # 100,000 papers, 1,000,000 results, 10 s per measurement
#   PAPERS=20000 RESULTS=200000 DURATION=5 src/bench/run.sh     # a quicker, smaller run
#   ENDPOINTS="search suggest" DURATION=5 src/bench/run.sh      # only some endpoints
#   APP=/path/to/quarkus-app src/bench/run.sh   # measure another build (e.g. the one before a change)
#   ENDPOINTS=get WARMUP=120 PAIRS=5 src/bench/run.sh   # the ratio at 32 once the JIT is done, median of 5 pairs
#   ENDPOINTS="keyword hybrid semantic" src/bench/run.sh   # search modes, a new query per request
# Embeddings of the bench corpus are computed once (minutes at 100,000 papers) and kept in the
# bench database; EMBEDDINGS_CACHE keeps a copy outside it, restored when the corpus is generated
# again (generate.sql is seeded, so the same texts come back and their vectors stay current).
# Needs: wrk (apt-get install wrk), psql + pgbench (postgresql-client), python3, java 17.
# Everything lives under $BENCH_DIR and uses loopback ports only; the database is separate
# from every other one and is reused by later runs (delete $BENCH_DIR to regenerate).
set -euo pipefail

PAPERS=${PAPERS:-100000}
RESULTS=${RESULTS:-1000000}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}                       # seconds of load per endpoint before measuring
# At 32 connections, measure the service and its floor this many times, one after the other, and
# print the medians (the ratio: the median of each pair's). This machine's speed drifts by up to
# 1.7 x from minute to minute, so one pair can miss or meet a ratio by chance; with PAIRS=5 and
# WARMUP=120 the JIT has compiled the request path before the first pair (on two busy cores it
# is still compiling after a minute of load: the paper page rose from 458 to 2,078 req/s).
PAIRS=${PAIRS:-1}
ENDPOINTS=${ENDPOINTS:-search list list_all list_q suggest get boards board asof stats method dataset keyword hybrid semantic}   # or a subset
EMBEDDINGS_CACHE=${EMBEDDINGS_CACHE:-/var/tmp/mlmd-kb-bench-embeddings.copy}
BENCH_DIR=${BENCH_DIR:-/var/tmp/mlmd-kb-bench}
PG_PORT=${PG_PORT:-55440}
APP_PORT=${APP_PORT:-18090}
PG_BIN=${PG_BIN:-$(ls -d /var/tmp/mlmd-kb/postgres-*/bin | head -1)}
PGBENCH=${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP=${APP:-$ROOT/target/quarkus-app}
DATA=$BENCH_DIR/data
PSQL="psql -X -q -h 127.0.0.1 -p $PG_PORT -U kb -d bench"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi

mkdir -p "$BENCH_DIR" && [ "$(id -u)" = 0 ] && chown nobody:nogroup "$BENCH_DIR"
if [ ! -f "$DATA/PG_VERSION" ]; then
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -U kb -A trust >/dev/null
fi
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$BENCH_DIR/postgres.log" -w -o \
  "-p $PG_PORT -k $BENCH_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=100" \
  start >/dev/null
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true
}
trap cleanup EXIT
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U kb -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'bench'" | grep -q 1 \
  || psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U kb -d postgres -c "CREATE DATABASE bench"

start_app() {
  # A copy, so a build running meanwhile cannot swap the jar under the load test.
  rm -rf "$BENCH_DIR/app" && cp -r "$APP" "$BENCH_DIR/app"
  QUARKUS_HTTP_HOST=127.0.0.1 KB_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench" KB_DB_USER=kb \
    KB_HTTP_PORT=$APP_PORT KB_SEARCH_INDEX_DIR="$BENCH_DIR/search-index" \
    java -jar "$BENCH_DIR/app/quarkus-run.jar" >"$BENCH_DIR/app.log" 2>&1 &
  APP_PID=$!
  # Ready means the search index is open (or rebuilt), not only that HTTP answers.
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "application did not start; see $BENCH_DIR/app.log" >&2; exit 1
}

# 1. Schema and the real corpus come from the application itself (Flyway + seed loader).
start_app
# 2. Synthetic corpus, once.
if [ "$($PSQL -tAc "SELECT count(*) FROM paper WHERE seed_key LIKE 'bench:%'")" = 0 ]; then
  echo "generating $PAPERS papers and $RESULTS results ..."
  $PSQL -1 -v papers="$PAPERS" -v results="$RESULTS" -f "$HERE/generate.sql"
  if [ -f "$EMBEDDINGS_CACHE" ]; then
    # Vectors of an earlier generation: those whose text is still the same are current, the
    # service embeds the others. The index is rebuilt below, so no change rows are needed.
    $PSQL -c "ALTER TABLE item_embedding DISABLE TRIGGER item_embedding_search_change" \
      -c "\\copy item_embedding FROM '$EMBEDDINGS_CACHE' (FORMAT binary)" \
      -c "ALTER TABLE item_embedding ENABLE TRIGGER item_embedding_search_change"
    echo "restored $($PSQL -tAc "SELECT count(*) FROM item_embedding") embeddings from $EMBEDDINGS_CACHE"
  fi
  $PSQL -c "VACUUM ANALYZE"
  # The load bypassed the change sequence: rebuild the index from the tables, timed.
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  rm -rf "$BENCH_DIR/search-index"
  start_app
  grep -o 'Search index rebuilt: .*' "$BENCH_DIR/app.log" || true
fi
$PSQL -tAc "SELECT 'corpus: ' || (SELECT count(*) FROM paper) || ' papers, ' || (SELECT count(*) FROM benchmark_result) || ' results'"

# 2b. Embeddings: wait until every item has its vector in the index (search by meaning).
echo "waiting for the embeddings ..."
for _ in $(seq 1 7200); do
  state=$(curl -sf "http://127.0.0.1:$APP_PORT/api/v1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["search"]["semantic"]; print(s["state"], s["items_pending"], s["items_with_vectors"])' || true)
  case "$state" in
    "ready 0 "*) break ;;
    unavailable*|disabled*) echo "search by meaning is $state" >&2; break ;;
  esac
  sleep 2
done
echo "semantic: $state (state, items pending, items with vectors)"
grep -o 'Embedded [0-9]* items in .*' "$BENCH_DIR/app.log" | tail -1 || true
if [ ! -f "$EMBEDDINGS_CACHE" ] && [ "$($PSQL -tAc "SELECT count(*) FROM item_embedding")" -gt 0 ]; then
  $PSQL -c "\\copy item_embedding TO '$EMBEDDINGS_CACHE' (FORMAT binary)"
  echo "embeddings cached in $EMBEDDINGS_CACHE ($(du -h "$EMBEDDINGS_CACHE" | cut -f1))"
fi

BASE="http://127.0.0.1:$APP_PORT"
ID=$($PSQL -tAc "SELECT id FROM paper WHERE seed_key LIKE 'bench:%' ORDER BY id LIMIT 1 OFFSET 5000")
declare -A PATHS=(
  [search]="/api/v1/search?q=equivariant%20potentials"
  [list]="/api/v1/papers?year=2019..2023&tag=neural-networks&has_code=true&limit=20"
  [list_all]="/api/v1/papers?limit=20"
  [list_q]="/api/v1/papers?q=machine%20learning%20potential&mode=keyword&limit=20"
  [suggest]="/api/v1/suggest?q=equi"
  [get]="/api/v1/papers/$ID"
  [boards]="/api/v1/leaderboards"
  [board]="/api/v1/leaderboards/3bpa?target=forces&metric=RMSE"
  [asof]="/api/v1/leaderboards/3bpa?target=forces&metric=RMSE&as_of=2025-12-31"
  [stats]="/api/v1/stats"
  [method]="/api/v1/methods/mace"
  [dataset]="/api/v1/datasets/3bpa"
  # Search modes: wrk sends a new query per request (search_modes.lua); this path is for bytes.
  [keyword]="/api/v1/search?type=paper&limit=10&mode=keyword&q=equivariant%20potentials"
  [hybrid]="/api/v1/search?type=paper&limit=10&mode=hybrid&q=equivariant%20potentials"
  [semantic]="/api/v1/search?type=paper&limit=10&mode=semantic&q=equivariant%20potentials"
)
declare -A MODES=([keyword]=keyword [hybrid]=hybrid [semantic]=semantic)
# Ranked by the Lucene index: their SQL is at most the page's hydration (and the capture also
# catches the warm-up's queue), so pgbench is no floor for them; src/bench/search_floor.sh runs
# the same search in-process instead.
declare -A INDEX_RANKED=([search]=1 [list_q]=1 [suggest]=1)
# Targets of issues #10 (search, list, suggest) and #16 (the rest), p50 at one connection unless said otherwise.
declare -A TARGETS=(
  [search]="p50<=3 p99<=10"
  [list]="p50<=3"
  [list_all]="p50<=3"
  [list_q]="p50<=3 p99<=10"
  [suggest]="p99<=5"
  [get]="api/sql>=0.8@32"
  [boards]="p50<=20"
  [board]="p50<=5 p99<=20"
  [asof]="p50<=5x board"
  [stats]="p50<=5"
  [method]="p50<=5 <=100KB"
  [dataset]="<=100KB"
  [keyword]="-"
  [hybrid]="p99<=25"
  [semantic]="query-embedding-p50<=10"
)

wrk_run() { # name connections -> "p50_ms p99_ms rps"
  if [ -n "${MODES[$1]:-}" ]; then
    (cd "$ROOT" && wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${DURATION}s" --latency -s "$HERE/search_modes.lua" "$BASE" -- "${MODES[$1]}" 2>/dev/null) | grep '^RESULT' | cut -d' ' -f2-
    return
  fi
  wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${DURATION}s" --latency -s "$HERE/report.lua" "$BASE${PATHS[$1]}" 2>/dev/null | grep '^RESULT' | cut -d' ' -f2-
}
# 3. Capture the SQL each endpoint runs, with its parameters, from the server log.
for name in $ENDPOINTS; do
  if [ -n "${MODES[$name]:-}" ] || [ -n "${INDEX_RANKED[$name]:-}" ]; then
    # Served by the index and the model alone; warm both (class loading, first inferences).
    wrk_run "$name" 1 >/dev/null 2>&1 || true
    : >"$BENCH_DIR/$name.sql"
    continue
  fi
  # Warm up every pooled connection, not just one: the JDBC driver server-prepares a statement
  # on its fifth use per connection and PostgreSQL settles on a cached plan after five more, so
  # until then each request pays for planning (several ms for the search statement).
  wrk -t 2 -c 16 -d "${WARMUP}s" "$BASE${PATHS[$name]}" >/dev/null 2>&1 || true
  $PSQL -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.3
  : >"$BENCH_DIR/capture.mark"; before=$(stat -c %s "$BENCH_DIR/postgres.log")
  # A slow endpoint may still be answering the warm-up's queue; wait for this one request.
  curl -s --max-time 120 "$BASE${PATHS[$name]}" >/dev/null || true
  sleep 0.3
  $PSQL -c "ALTER SYSTEM SET log_min_duration_statement = -1" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +"$((before + 1))" "$BENCH_DIR/postgres.log" | python3 "$HERE/capture_sql.py" >"$BENCH_DIR/$name.sql"
done

pgbench_run() { # name clients -> "p50_ms p99_ms tps"
  rm -f "$BENCH_DIR"/pgbench_log.*
  (cd "$BENCH_DIR" && "$PGBENCH" -n -h 127.0.0.1 -p "$PG_PORT" -U kb -M prepared -c "$2" -j "$(( $2 < 2 ? 1 : 2 ))" \
     -T "$DURATION" -l -f "$BENCH_DIR/$1.sql" bench >"$BENCH_DIR/pgbench.out" 2>&1)
  # No log: every transaction failed (see pgbench.out); the row says so instead of stopping here.
  ls "$BENCH_DIR"/pgbench_log.* >/dev/null 2>&1 || { echo "- - 0"; return; }
  python3 "$HERE/pgbench_stats.py" "$BENCH_DIR"/pgbench_log.* "$DURATION"
}

paired_runs() { # name clients -> medians "api_p50 api_p99 api_rps sql_p50 sql_p99 sql_tps ratio"
  local pairs=()
  for _ in $(seq "$PAIRS"); do
    pairs+=("$(wrk_run "$1" "$2") $(pgbench_run "$1" "$2")")
    echo "  $1 at $2, pair ${#pairs[@]}: ${pairs[-1]}" >&2
  done
  printf '%s\n' "${pairs[@]}" | python3 -c '
import statistics, sys
# A pair whose wrk or pgbench run failed ("-" fields, or no wrk line at all) is left out.
rows = [[float(x) for x in line.split()] for line in sys.stdin
        if len(line.split()) == 6 and "-" not in line.split()]
if not rows:
    print("- - 0 - - 0 -"); sys.exit()
med = [statistics.median(col) for col in zip(*rows)]
ratio = statistics.median(r[2] / r[5] for r in rows if r[5])
print(f"{med[0]:.2f} {med[1]:.2f} {med[2]:.0f} {med[3]:.2f} {med[4]:.2f} {med[5]:.0f} {ratio:.2f}")'
}

printf '%-8s %5s | %9s %9s %9s | %9s %9s %9s | %7s | %8s | %s\n' endpoint conns api_p50 api_p99 api_rps sql_p50 sql_p99 sql_tps api/sql bytes target
for name in $ENDPOINTS; do
  bytes=$(curl -sf -o /dev/null -w '%{size_download}' "$BASE${PATHS[$name]}")
  for c in 1 32; do
    if [ "$c" = 32 ] && [ "$PAIRS" -gt 1 ] && [ -s "$BENCH_DIR/$name.sql" ]; then
      read -r ap50 ap99 arps sp50 sp99 stps ratio <<<"$(paired_runs "$name" "$c")"
    elif [ -s "$BENCH_DIR/$name.sql" ]; then
      read -r ap50 ap99 arps <<<"$(wrk_run "$name" "$c")"
      read -r sp50 sp99 stps <<<"$(pgbench_run "$name" "$c")"
      ratio=$(python3 -c "print(f'{float($arps)/float($stps):.2f}' if float($stps) else '-')")
    else
      read -r ap50 ap99 arps <<<"$(wrk_run "$name" "$c")"
      # Served by the Lucene index alone: no SQL to replay (its floor is an in-process run).
      sp50=-; sp99=-; stps=-; ratio=-
    fi
    printf '%-8s %5s | %7sms %7sms %9s | %7sms %7sms %9s | %7s | %8s | %s\n' "$name" "$c" "$ap50" "$ap99" "$arps" "$sp50" "$sp99" "$stps" "$ratio" "$bytes" "${TARGETS[$name]}"
  done
done
echo "targets: issues #10 and #16 (latencies in ms at 1 connection; api/sql is the throughput ratio at 32)"
# Query embedding alone, as the service timed it over the requests above (issue #11: p50 <= 10 ms).
curl -sf "$BASE/q/metrics" | grep -E '^kb_semantic_query_embedding_seconds(\{quantile|_count|_sum)' | sed 's/^/metrics: /' || true
