#!/usr/bin/env bash
# Keyword search against its floor (issue #10): the running service's /search at 1 and 32
# connections (wrk, the judged queries of search-eval/, search_modes.lua) next to the same plan and
# Lucene search run in-process over the service's index directory (SearchFloor: no HTTP, JSON or
# database), and the ratio of their throughputs at 32 (target >= 0.7).
#
# Usage, from the repository root, after ./mvnw package -DskipTests and with the service running:
#   BASE_URL=http://127.0.0.1:8080 INDEX_DIR=/path/to/search-index src/bench/search_floor.sh
# INDEX_DIR is the service's kb.search.index-dir; it is only read. DURATION (s) per run, default 15.
set -euo pipefail
: "${BASE_URL:?the running service, e.g. http://127.0.0.1:8080}"
: "${INDEX_DIR:?the search index directory of the service}"
DURATION="${DURATION:-15}"
QUERIES="src/bench/search-eval/queries.tsv"
URL="$BASE_URL/api/v1/search?type=paper&limit=10"
CP="target/test-classes:target/classes:target/quarkus-app/lib/main/*"

wrk_run() { # connections -> "p50 p99 req/s" in ms, ms, 1/s
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"${DURATION}s" --latency -s src/bench/search_modes.lua \
    "$URL" -- keyword "$QUERIES" | awk '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
      END { printf "%.1f %.1f %.1f\n", p50, p99, rps }'
}

wrk_run 1 >/dev/null # warm-up: JIT and page cache
read -r api_p50 api_p99 api_rps1 < <(wrk_run 1)
read -r _ api32_p99 api_rps32 < <(wrk_run 32)
floor=$(java -cp "$CP" org.mlmdkb.search.SearchFloor "$INDEX_DIR" "$QUERIES" 32 "$DURATION")
floor_p50=$(sed -n 's/.*wall p50 \([0-9.]*\) ms.*/\1/p' <<<"$floor")
floor_p99=$(sed -n 's/.*wall p50 [0-9.]* ms, p99 \([0-9.]*\) ms.*/\1/p' <<<"$floor")
floor_rps=$(sed -n 's/.*threads, [0-9]* s: \([0-9.]*\) requests.*/\1/p' <<<"$floor")
ratio=$(awk -v a="$api_rps32" -v f="$floor_rps" 'BEGIN { printf "%.2f", a / f }')
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| keyword /search, 117 judged queries | p50 at 1 | p99 at 1 | req/s at 1 | req/s at 32 (p99) |"
echo "| --- | --- | --- | --- | --- |"
echo "| service (HTTP) | $api_p50 ms | $api_p99 ms | $api_rps1 | $api_rps32 ($api32_p99 ms) |"
echo "| in-process floor (SearchFloor) | $floor_p50 ms | $floor_p99 ms | — | $floor_rps |"
echo "| ratio at 32 (target >= 0.7) | | | | $ratio |"
