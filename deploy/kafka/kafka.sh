#!/usr/bin/env bash
# Local single-node Apache Kafka 3.9 broker (KRaft, broker+controller in one JVM) on 127.0.0.1.
#
#   deploy/kafka/kafka.sh start|stop|status|restart|reset
#
# The broker runs from jars resolved by Maven (deploy/kafka/pom.xml -> ~/.m2) with the java found via
# JAVA_HOME or PATH. No Kafka tarball and no Docker are needed. See deploy/kafka/README.md.
#
# Environment (defaults in brackets):
#   KAFKA_PORT             client (PLAINTEXT) port                       [9092]
#   KAFKA_CONTROLLER_PORT  KRaft controller port                         [9093]
#   KAFKA_SASL_PORT        SASL/SCRAM client port, ACLs enforced         [KAFKA_PORT + 2]
#   KAFKA_DATA_DIR         data, logs, pid file, cached classpath        [<repo root>/.data/kafka]
#   KAFKA_HEAP             JVM heap flags                                [-Xms256m -Xmx512m]
#   KAFKA_PARTITIONS       num.partitions for new topics                 [6]
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer      [90]
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL  [30]
#   KAFKA_JVM_OPTS         extra JVM flags appended to the defaults      []
#   MVN                    maven executable                              [mvn]
set -Eeuo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/../.." && pwd -P)
POM="$SCRIPT_DIR/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/log4j.properties"

HOST=127.0.0.1
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_SASL_PORT=${KAFKA_SASL_PORT:-$((KAFKA_PORT + 2))}
# One SCRAM-SHA-512 user per service, as the KafkaUsers of deploy/k8s; local passwords are
# `<user>-local` (libs/testing localKafkaCredentials). Their ACLs are granted by whoever starts the
# services over SASL (libs/messaging grantServiceAcls), for the topic prefix in use.
SCRAM_USERS=(seleksi-registration seleksi-screening seleksi-skb seleksi-interview seleksi-placement)
KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}
KAFKA_HEAP=${KAFKA_HEAP:--Xms256m -Xmx512m}
KAFKA_PARTITIONS=${KAFKA_PARTITIONS:-6}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:-}
MVN=${MVN:-mvn}

# Make the data dir absolute (it is baked into server.properties and the process command line).
case $KAFKA_DATA_DIR in
  /*) ;;
  *) KAFKA_DATA_DIR="$PWD/$KAFKA_DATA_DIR" ;;
esac
KAFKA_DATA_DIR=${KAFKA_DATA_DIR%/}

DATA="$KAFKA_DATA_DIR"
CACHE_DIR="$DATA/.cache"          # survives `reset` (cached Maven classpath)
LOCK_FILE="$DATA/.lock"           # survives `reset`
MARKER="$DATA/.seleksi-kafka"     # proves the directory is ours before `reset` deletes anything
PID_FILE="$DATA/kafka.pid"
PROPS="$DATA/server.properties"
CLUSTER_ID_FILE="$DATA/cluster.id"
LOG_DIRS="$DATA/data"             # Kafka log.dirs (topic partitions + __cluster_metadata)
LOGS="$DATA/logs"                 # kafka.logs.dir (server.log, state-change.log) + kafka.out
OUT="$LOGS/kafka.out"             # JVM stdout/stderr
SERVER_LOG="$LOGS/server.log"
STARTED_MARKER="Kafka Server started"   # logged by kafka.server.KafkaRaftServer when startup completes

trap 'printf "[kafka] ERROR: unexpected failure at %s line %s: %s\n" "${BASH_SOURCE[0]}" "$LINENO" "$BASH_COMMAND" >&2' ERR

log() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
is_uint "$KAFKA_PORT" || die "KAFKA_PORT must be a number (got '$KAFKA_PORT')"
is_uint "$KAFKA_CONTROLLER_PORT" || die "KAFKA_CONTROLLER_PORT must be a number (got '$KAFKA_CONTROLLER_PORT')"
is_uint "$KAFKA_PARTITIONS" && ((KAFKA_PARTITIONS > 0)) || die "KAFKA_PARTITIONS must be a positive number (got '$KAFKA_PARTITIONS')"
is_uint "$KAFKA_START_TIMEOUT" || die "KAFKA_START_TIMEOUT must be a number of seconds"
is_uint "$KAFKA_STOP_TIMEOUT" || die "KAFKA_STOP_TIMEOUT must be a number of seconds"
is_uint "$KAFKA_SASL_PORT" || die "KAFKA_SASL_PORT must be a number (got '$KAFKA_SASL_PORT')"
[[ $KAFKA_PORT != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
[[ $KAFKA_SASL_PORT != "$KAFKA_PORT" && $KAFKA_SASL_PORT != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_SASL_PORT must differ from the other two ports"

# ---------------------------------------------------------------------------------------------------------------
# small helpers

now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME//[.,]/}
    echo $((10#$t / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}

# elapsed_s START_MS -> "12.3"
elapsed_s() {
  local d=$(($(now_ms) - $1))
  printf '%d.%d' $((d / 1000)) $((d % 1000 / 100))
}

TIMEOUT_BIN=$(command -v timeout || command -v gtimeout || true)
with_timeout() { # with_timeout SECONDS cmd...
  local secs=$1
  shift
  if [[ -n $TIMEOUT_BIN ]]; then "$TIMEOUT_BIN" "$secs" "$@"; else "$@"; fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

file_size() { if [[ -f $1 ]]; then wc -c <"$1" | tr -d ' '; else echo 0; fi; }

# TCP connect succeeds (something is listening).
port_open() {
  with_timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$1" 2>/dev/null
}

# Real Kafka round trip: send an ApiVersions v0 request (correlation id 0x534b) and expect a response with the same
# correlation id and error_code 0. This only succeeds once the broker is actually processing requests.
broker_answers() {
  local port=${1:-$KAFKA_PORT} hex
  hex=$(with_timeout 5 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x53\x4b\xff\xff" >&3
      head -c 10 <&3 | od -An -tx1 | tr -d " \n"
    ' "$HOST" "$port" 2>/dev/null) || return 1
  [[ ${hex:8:12} == 0000534b0000 ]]
}

# Client port of the broker that is running from this data dir (from the server.properties it was started with).
running_port() {
  local line
  line=$(grep -E '^listeners=' "$PROPS" 2>/dev/null) || { echo "$KAFKA_PORT"; return 0; }
  line=${line#*PLAINTEXT://}
  line=${line%%,*}
  line=${line##*:}
  if is_uint "$line"; then echo "$line"; else echo "$KAFKA_PORT"; fi
}

# Process exists and is not a zombie (an unreaped zombie still passes `kill -0`).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $st != Z* ]]
}

# Is PID a live kafka.Kafka JVM started with *this* data dir's server.properties?
is_our_kafka() {
  local pid=$1
  is_uint "$pid" || return 1
  alive "$pid" || return 1
  ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "kafka.Kafka $PROPS"
}

# Prints the broker pid if it is running (pid file first, then a scan of java processes in case the pid file was lost).
running_pid() {
  local pid
  if [[ -f $PID_FILE ]]; then
    pid=$(<"$PID_FILE") || true
    if is_our_kafka "$pid"; then
      echo "$pid"
      return 0
    fi
  fi
  if command -v pgrep >/dev/null 2>&1; then
    for pid in $(pgrep -x java 2>/dev/null || true); do
      if is_our_kafka "$pid"; then
        [[ -d $DATA ]] && echo "$pid" >"$PID_FILE"
        echo "$pid"
        return 0
      fi
    done
  fi
  return 1
}

print_log_tail() {
  local offset=${1:-0}
  if [[ -s $SERVER_LOG ]]; then
    echo "----- $SERVER_LOG (tail) -----" >&2
    tail -c +$((offset + 1)) "$SERVER_LOG" 2>/dev/null | tail -n 40 >&2 || true
  fi
  if [[ -s $OUT ]]; then
    echo "----- $OUT (tail) -----" >&2
    tail -n 20 "$OUT" >&2 || true
  fi
  echo "------------------------------" >&2
}

find_java() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    JAVA="$JAVA_HOME/bin/java"
  else
    JAVA=$(command -v java) || die "java not found (install a JDK 17 or set JAVA_HOME)"
  fi
  local version major
  version=$("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
  major=${version%%.*}
  [[ $major == 1 ]] && major=$(echo "$version" | cut -d. -f2)
  if is_uint "${major:-x}" && ((major < 11)); then
    die "Kafka 3.9 needs Java 11+ (17 recommended); $JAVA is version $version"
  fi
}

ensure_data_dir() {
  mkdir -p "$DATA" "$CACHE_DIR" "$LOGS" "$LOG_DIRS"
  [[ -f $MARKER ]] || echo "local Kafka data dir managed by deploy/kafka/kafka.sh (safe to delete)" >"$MARKER"
  # keep broker data out of git even if the repo's .gitignore does not cover the data dir
  [[ -f $DATA/.gitignore ]] || echo '*' >"$DATA/.gitignore"
}

# Serialize start/stop/restart/reset for the same data dir (e.g. parallel test targets). No-op without flock.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "timed out waiting for another kafka.sh on $DATA (lock $LOCK_FILE)"
}

# ---------------------------------------------------------------------------------------------------------------
# classpath (Maven), config, storage format

resolve_classpath() {
  local key cache tmp jar ok=1
  key=$(sha256_of "$POM")
  cache="$CACHE_DIR/classpath-$key.txt"
  if [[ -s $cache ]]; then
    local -a jars
    IFS=':' read -r -a jars <"$cache" || true # no trailing newline => read returns 1
    for jar in "${jars[@]}"; do
      [[ -f $jar ]] || { ok=0; break; }
    done
    if ((ok)); then
      CLASSPATH_VALUE=$(<"$cache")
      return 0
    fi
    log "cached classpath refers to missing jars; re-resolving"
  fi
  command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found"
  log "resolving Kafka jars with Maven (a fresh ~/.m2 downloads ~70 MB)..."
  local t0
  t0=$(now_ms)
  tmp="$cache.tmp.$$"
  if ! "$MVN" -B -q -f "$POM" dependency:build-classpath \
    -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime -Dstyle.color=never >"$CACHE_DIR/mvn.log" 2>&1 </dev/null; then
    rm -f "$tmp"
    tail -n 40 "$CACHE_DIR/mvn.log" >&2 || true
    die "maven could not resolve the classpath (full output: $CACHE_DIR/mvn.log)"
  fi
  [[ -s $tmp ]] || die "maven produced an empty classpath (see $CACHE_DIR/mvn.log)"
  rm -f "$CACHE_DIR"/classpath-*.txt
  mv -f "$tmp" "$cache"
  CLASSPATH_VALUE=$(<"$cache")
  log "classpath resolved in $(elapsed_s "$t0")s ($(tr ':' '\n' <"$cache" | wc -l | tr -d ' ') jars)"
}

write_server_properties() {
  local tmp="$PROPS.tmp.$$"
  cat >"$tmp" <<EOF
# GENERATED by deploy/kafka/kafka.sh on every start - edit the script (or its env vars), not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,SASL_PLAINTEXT://$HOST:$KAFKA_SASL_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT,SASL_PLAINTEXT://$HOST:$KAFKA_SASL_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT

# The SASL listener authenticates the services' SCRAM users and the StandardAuthorizer enforces their
# ACLs, as in production (deploy/k8s). The PLAINTEXT listener (loopback only) is the operator's and the
# test harness's: its anonymous principal is a super user, like the controller's.
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
allow.everyone.if.no.acl.found=false

log.dirs=$LOG_DIRS
num.partitions=$KAFKA_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=false
delete.topic.enable=true
# Tests join consumer groups all the time: do not wait 3 s for more members before the first rebalance.
group.initial.rebalance.delay.ms=0

# Small footprint / short retention: this broker is for development and tests only.
log.retention.hours=24
log.retention.bytes=268435456
log.segment.bytes=67108864
log.retention.check.interval.ms=60000
log.cleaner.dedupe.buffer.size=16777216
num.network.threads=3
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF
  mv -f "$tmp" "$PROPS"
}

new_cluster_id() {
  # Same shape as org.apache.kafka.common.Uuid.randomUuid().toString(): 16 random bytes, base64url, no padding,
  # and not starting with '-' (would look like a CLI flag).
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ ${#id} == 22 && $id != -* ]] && break
  done
  echo "$id"
}

format_storage_if_needed() {
  if [[ -f $LOG_DIRS/meta.properties ]]; then
    return 0
  fi
  local cluster_id
  if [[ -s $CLUSTER_ID_FILE ]]; then
    cluster_id=$(<"$CLUSTER_ID_FILE")
  else
    cluster_id=$(new_cluster_id)
    echo "$cluster_id" >"$CLUSTER_ID_FILE"
  fi
  log "formatting KRaft storage in $LOG_DIRS (cluster id $cluster_id)"
  local -a scram=() user
  for user in "${SCRAM_USERS[@]}"; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$user-local]"); done
  # Static quorum (controller.quorum.voters) => plain `format`; --standalone is only for the dynamic quorum
  # (controller.quorum.bootstrap.servers) and is rejected when controller.quorum.voters is set.
  if ! "$JAVA" -Xmx256m -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j.configuration="file:$LOG4J_CONFIG" \
    -cp "$CLASSPATH_VALUE" kafka.tools.StorageTool format \
    --cluster-id "$cluster_id" --config "$PROPS" --ignore-formatted "${scram[@]}" >>"$LOGS/storage-format.log" 2>&1 </dev/null; then
    tail -n 30 "$LOGS/storage-format.log" >&2 || true
    die "kafka.tools.StorageTool format failed (see $LOGS/storage-format.log)"
  fi
  touch "$DATA/.scram-users"
}

# A data dir formatted before the SCRAM users existed gets them once, through the running broker.
ensure_scram_users() {
  [[ -f $DATA/.scram-users ]] && return 0
  log "adding the services' SCRAM users to an existing data dir"
  local user
  for user in "${SCRAM_USERS[@]}"; do
    if ! "$JAVA" -Xmx128m -Djava.awt.headless=true -Dlog4j.configuration="file:$LOG4J_CONFIG" -Dkafka.logs.dir="$LOGS" \
      -cp "$CLASSPATH_VALUE" kafka.admin.ConfigCommand --bootstrap-server "$HOST:$KAFKA_PORT" --alter \
      --add-config "SCRAM-SHA-512=[password=$user-local]" --entity-type users --entity-name "$user" >>"$LOGS/scram-users.log" 2>&1 </dev/null; then
      tail -n 20 "$LOGS/scram-users.log" >&2 || true
      die "could not add SCRAM user $user (see $LOGS/scram-users.log)"
    fi
  done
  touch "$DATA/.scram-users"
}

# ---------------------------------------------------------------------------------------------------------------
# commands

# wait_ready PID LOG_OFFSET T0 -> 0 when the broker answers and has logged its startup message.
wait_ready() {
  local pid=$1 offset=$2 t0=$3
  local deadline=$(($(now_ms) + KAFKA_START_TIMEOUT * 1000))
  local logged=0
  while :; do
    # grep reads to the end (no -q): with pipefail, `grep -q` leaving early would kill tail with SIGPIPE
    # whenever more than a pipe buffer of log follows the marker (a broker with thousands of partitions),
    # and the marker would never count as seen.
    if ((!logged)) && tail -c +$((offset + 1)) "$SERVER_LOG" 2>/dev/null | grep -F "$STARTED_MARKER" >/dev/null; then
      logged=1
    fi
    if ((logged)) && broker_answers; then
      return 0
    fi
    if ! is_our_kafka "$pid"; then
      # setsid/nohup may have changed the pid we recorded; re-discover before declaring it dead
      if pid=$(running_pid); then
        echo "$pid" >"$PID_FILE"
      else
        rm -f "$PID_FILE"
        print_log_tail "$offset"
        die "broker process exited during startup after $(elapsed_s "$t0")s (logs: $LOGS)"
      fi
    fi
    if (($(now_ms) >= deadline)); then
      print_log_tail "$offset"
      log "broker did not answer on $HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s; stopping it"
      do_stop >/dev/null || true
      die "startup timed out after ${KAFKA_START_TIMEOUT}s (logs: $LOGS)"
    fi
    sleep 0.2
  done
}

do_start() {
  local t0 pid offset
  t0=$(now_ms)
  if pid=$(running_pid); then
    local actual
    actual=$(running_port)
    if [[ $actual != "$KAFKA_PORT" ]]; then
      die "already running pid $pid on $HOST:$actual, but KAFKA_PORT=$KAFKA_PORT was requested (use 'restart' to apply)"
    fi
    if broker_answers; then
      log "already running pid $pid on $HOST:$KAFKA_PORT"
      return 0
    fi
    log "pid $pid is running but not answering yet; waiting up to ${KAFKA_START_TIMEOUT}s"
    wait_ready "$pid" 0 "$t0"
    log "running pid $pid on $HOST:$KAFKA_PORT (became ready after $(elapsed_s "$t0")s)"
    return 0
  fi
  rm -f "$PID_FILE"

  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KAFKA_SASL_PORT"; do
    if port_open "$port"; then
      die "port $HOST:$port is already in use by another process (another Kafka? set KAFKA_PORT/KAFKA_CONTROLLER_PORT)"
    fi
  done

  find_java
  resolve_classpath
  write_server_properties
  format_storage_if_needed

  local -a heap jvm_extra jvm_opts
  read -r -a heap <<<"$KAFKA_HEAP"
  read -r -a jvm_extra <<<"$KAFKA_JVM_OPTS"
  jvm_opts=(
    "${heap[@]}"
    -server
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent
    -XX:MaxInlineLevel=15
    -Djava.awt.headless=true
    -Dkafka.logs.dir="$LOGS"
    -Dlog4j.configuration="file:$LOG4J_CONFIG"
    ${jvm_extra[@]+"${jvm_extra[@]}"}
  )

  offset=$(file_size "$SERVER_LOG")
  printf '\n===== %s kafka.sh start (port %s) =====\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$KAFKA_PORT" >>"$OUT"
  local -a detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  # fd 9 (the flock) must not leak into the long-running JVM.
  nohup ${detach[@]+"${detach[@]}"} "$JAVA" "${jvm_opts[@]}" -cp "$CLASSPATH_VALUE" kafka.Kafka "$PROPS" \
    >>"$OUT" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  log "launched pid $pid; waiting for $HOST:$KAFKA_PORT (timeout ${KAFKA_START_TIMEOUT}s)"

  wait_ready "$pid" "$offset" "$t0"
  pid=$(running_pid || echo "$pid")
  ensure_scram_users
  log "started in $(elapsed_s "$t0")s: running pid $pid on $HOST:$KAFKA_PORT, SASL/SCRAM on $HOST:$KAFKA_SASL_PORT (data: $DATA)"
}

do_stop() {
  local pid t0
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  t0=$(now_ms)
  log "stopping pid $pid (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((t0 + KAFKA_STOP_TIMEOUT * 1000))
  while alive "$pid"; do
    if (($(now_ms) >= deadline)); then
      log "still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      local i
      for i in $(seq 1 50); do
        alive "$pid" || break
        sleep 0.1
      done
      break
    fi
    sleep 0.2
  done
  if alive "$pid"; then die "pid $pid did not exit"; fi
  rm -f "$PID_FILE"
  log "stopped in $(elapsed_s "$t0")s"
}

do_status() {
  local pid port
  if pid=$(running_pid); then
    port=$(running_port)
    if broker_answers "$port"; then
      echo "running pid $pid on $HOST:$port"
      if [[ $port != "$KAFKA_PORT" ]]; then
        log "note: it was started with port $port, not KAFKA_PORT=$KAFKA_PORT (use 'restart' to apply)" >&2
      fi
      return 0
    fi
    echo "pid $pid is alive but not answering on $HOST:$port (starting up or unhealthy; logs: $LOGS)"
    return 1
  fi
  if port_open "$KAFKA_PORT"; then
    echo "not running (from $DATA), but $HOST:$KAFKA_PORT is in use by another process"
  else
    echo "not running"
  fi
  return 1
}

do_reset() {
  do_stop
  if [[ ! -d $DATA ]]; then
    log "nothing to reset ($DATA does not exist)"
    return 0
  fi
  if [[ ! -f $MARKER ]] && [[ -n $(ls -A "$DATA" 2>/dev/null | grep -vxF -e .lock -e .cache -e .gitignore) ]]; then
    die "refusing to wipe $DATA: it was not created by kafka.sh (no $(basename "$MARKER") marker)"
  fi
  find "$DATA" -mindepth 1 -maxdepth 1 ! -name .cache ! -name .lock ! -name .gitignore -exec rm -rf {} +
  log "reset: deleted broker data and logs in $DATA (kept the cached classpath)"
}

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd=${1:-}
  case $cmd in
    start)
      ensure_data_dir
      take_lock
      do_start
      ;;
    stop)
      if [[ -d $DATA ]]; then take_lock; fi
      do_stop
      ;;
    restart)
      ensure_data_dir
      take_lock
      do_stop
      do_start
      ;;
    status)
      do_status || exit 1
      ;;
    reset)
      if [[ -d $DATA ]]; then take_lock; fi
      do_reset
      ;;
    -h | --help | help)
      usage
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
