#!/usr/bin/env bash
# Relevance bench: scores the service's paper search and a stock Lucene BM25 baseline on the judged
# set of this directory and prints one table (category x metric x engine). See README.md.
#
#   src/bench/search-eval/run.sh                      # packages and starts the jar, scores, stops it
#   URL=http://localhost:8080 src/bench/search-eval/run.sh   # scores a service that already runs
#   ENDPOINT=papers src/bench/search-eval/run.sh      # /api/v1/papers?q= instead of /api/v1/search
#   src/bench/search-eval/run.sh --per-query          # also one line per query
#   MODES=keyword,semantic,hybrid src/bench/search-eval/run.sh   # one column per search mode
set -euo pipefail
cd "$(dirname "$0")/../../.."

URL=${URL:-}
ENDPOINT=${ENDPOINT:-search}
MODES=${MODES:-}
PORT=${PORT:-18231}
DATA_DIR=${DATA_DIR:-/var/tmp/mlmd-kb-search-eval/data-bench}
CLASSPATH_FILE=target/search-eval.classpath

if [ -z "$URL" ]; then
  # Always rebuild: scoring a stale jar would report another engine's figures.
  ./mvnw -B -q package -DskipTests
else
  ./mvnw -B -q test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

if [ -z "$URL" ]; then
  mkdir -p "$(dirname "$DATA_DIR")"
  log=target/search-eval-server.log
  KB_HTTP_PORT=$PORT KB_EMBEDDED_DB_DATA_DIR=$DATA_DIR \
    java -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  server_pid=$!
  URL=http://127.0.0.1:$PORT
  for _ in $(seq 1 180); do
    if curl -fsS "$URL/q/health/ready" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the service did not start; see $log" >&2
      exit 1
    fi
    sleep 1
  done
  curl -fsS "$URL/q/health/ready" >/dev/null || { echo "not ready after 180 s; see $log" >&2; exit 1; }
fi

if [ -n "$MODES" ]; then
  # Semantic and hybrid need every item embedded (in the background after the first start).
  for _ in $(seq 1 600); do
    state=$(curl -fsS "$URL/api/v1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["search"]["semantic"]; print(s["state"], s["items_pending"])' || true)
    [ "$state" = "ready 0" ] && break
    sleep 1
  done
  echo "search by meaning: $state (state, items pending)"
  set -- --modes "$MODES" "$@"
fi

java -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" \
  org.mlmdkb.search.eval.SearchEvalMain --url "$URL" --endpoint "$ENDPOINT" "$@"
