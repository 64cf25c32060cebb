# The Redis of `./tessera up --ha`, sourced by ./tessera: a primary, a replica and three sentinels, each a
# process this launcher starts and stops (never the shared Redis on 6379). Sentinel is Debian's redis-server
# binary in sentinel mode (the redis-sentinel package ships the same binary under another name and a system
# service on 26379, which this does not want). docs/reliability.md, "Redis with Sentinel".
#
# Every node loads the components' users from an ACL file made from redis/users.acl at start: users are not
# replicated, and a node brought back after a crash must have them before its first client. Components
# connect through the sentinels (redis-sentinel://…#tessera) and follow a failover by themselves.

: "${TESSERA_HA_REDIS_PORTS:=6381 6382}"
: "${TESSERA_SENTINEL_PORTS:=26381 26382 26383}"
: "${TESSERA_SENTINEL_MASTER:=tessera}"
: "${TESSERA_SENTINEL_DOWN_AFTER_MS:=2000}"
HA_STATE="$STATE/redis-ha"

# HA is on from `up --ha` until `down` (the marker file), or for one command with TESSERA_HA=1.
ha_on() { [ -n "${TESSERA_HA:-}" ] || [ -f "$STATE/ha" ]; }

# node_ping PORT: a Redis (or sentinel) answers there; false too when redis-cli is not installed yet.
node_ping() { command -v redis-cli >/dev/null && [ "$(redis-cli -p "$1" ping 2>/dev/null)" = "PONG" ]; }

# The primary's port as the sentinels see it; fails when no sentinel answers.
ha_primary_port() {
  local sentinel port
  for sentinel in $TESSERA_SENTINEL_PORTS; do
    port="$(redis-cli --raw -p "$sentinel" SENTINEL get-master-addr-by-name "$TESSERA_SENTINEL_MASTER" 2>/dev/null | sed -n 2p)"
    [ -n "$port" ] && { echo "$port"; return 0; }
  done
  return 1
}

# The URI a component connects with as USER (password PASSWORD): through every sentinel, to the primary.
ha_redis_uri() {
  local hosts="" port
  for port in $TESSERA_SENTINEL_PORTS; do hosts="$hosts${hosts:+,}127.0.0.1:$port"; done
  echo "redis-sentinel://$1:$2@$hosts/0#$TESSERA_SENTINEL_MASTER"
}

# The users of redis/users.acl in Redis's ACL file format, and the default user as the dev administrator.
write_ha_acl_file() {
  local name password rules
  {
    echo "user default on nopass ~* &* +@all"
    redis_user_lines | while read -r name password rules; do echo "user $name on >$password $rules"; done
  } > "$HA_STATE/users.acl"
}

# start_ha_node PORT [PRIMARY_PORT]: a data node, a replica of PRIMARY_PORT when given; no persistence.
start_ha_node() {
  local port="$1" primary="${2:-}"
  log "starting Redis :$port${primary:+ (replica of :$primary)}"
  # shellcheck disable=SC2046
  redis-server --daemonize yes --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$HA_STATE" \
    --dbfilename "dump-$port.rdb" --aclfile "$HA_STATE/users.acl" --pidfile "$STATE/redis-$port.pid" \
    --logfile "$LOGS/redis-$port.log" $([ -n "$primary" ] && echo "--replicaof 127.0.0.1 $primary")
  for _ in $(seq 1 50); do node_ping "$port" && return 0; sleep 0.1; done
  die "Redis :$port did not start; see $LOGS/redis-$port.log"
}

start_sentinel() {
  local port="$1" primary="$2" config="$HA_STATE/sentinel-$1.conf"
  log "starting sentinel :$port (watching :$primary)"
  # Sentinel rewrites its file as it learns the topology: written fresh only for a sentinel that is not running.
  cat > "$config" <<CONF
port $port
bind 127.0.0.1
daemonize yes
pidfile $STATE/sentinel-$port.pid
logfile $LOGS/sentinel-$port.log
dir $HA_STATE
sentinel monitor $TESSERA_SENTINEL_MASTER 127.0.0.1 $primary 2
sentinel down-after-milliseconds $TESSERA_SENTINEL_MASTER $TESSERA_SENTINEL_DOWN_AFTER_MS
sentinel failover-timeout $TESSERA_SENTINEL_MASTER 10000
sentinel parallel-syncs $TESSERA_SENTINEL_MASTER 1
CONF
  redis-server "$config" --sentinel
  for _ in $(seq 1 50); do node_ping "$port" && return 0; sleep 0.1; done
  die "sentinel :$port did not start; see $LOGS/sentinel-$port.log"
}

# The primary to build around: the sentinels' when they run. A primary they still name but that is dead is
# not started again (it would come back empty and its replica would copy the emptiness): wait for the
# failover instead, and start it empty only when no node at all is left.
ha_current_primary() {
  local primary port
  primary="$(ha_primary_port || true)"
  [ -n "$primary" ] || { nth "$TESSERA_HA_REDIS_PORTS" 1; return 0; }
  node_ping "$primary" && { echo "$primary"; return 0; }
  for port in $TESSERA_HA_REDIS_PORTS; do
    if [ "$port" != "$primary" ] && node_ping "$port"; then
      log "the primary :$primary is down; waiting for the sentinels to promote :$port" >&2
      for _ in $(seq 1 300); do
        primary="$(ha_primary_port || true)"
        [ -n "$primary" ] && node_ping "$primary" && { echo "$primary"; return 0; }
        sleep 0.1
      done
      die "the sentinels promoted no replica in 30 s (see $LOGS/sentinel-*.log)"
    fi
  done
  echo "$primary"
}

ha_settled() {
  local primary="$1" replicas sentinel
  replicas=$(($(count "$TESSERA_HA_REDIS_PORTS") - 1))
  redis-cli -p "$primary" INFO replication 2>/dev/null | grep -q "^connected_slaves:$replicas" || return 1
  for sentinel in $TESSERA_SENTINEL_PORTS; do
    redis-cli --raw -p "$sentinel" SENTINEL master "$TESSERA_SENTINEL_MASTER" 2>/dev/null |
      grep -A1 -x num-other-sentinels | tail -n 1 | grep -qx "$(($(count "$TESSERA_SENTINEL_PORTS") - 1))" || return 1
  done
}

ensure_redis_ha() {
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$HA_STATE"
  write_ha_acl_file
  local primary port
  primary="$(ha_current_primary)"
  node_ping "$primary" || start_ha_node "$primary"
  for port in $TESSERA_HA_REDIS_PORTS; do
    [ "$port" = "$primary" ] || node_ping "$port" || start_ha_node "$port" "$primary"
  done
  for port in $TESSERA_SENTINEL_PORTS; do node_ping "$port" || start_sentinel "$port" "$primary"; done
  for _ in $(seq 1 300); do ha_settled "$primary" && return 0; sleep 0.1; done
  die "the replicas and sentinels did not settle around :$primary in 30 s (see $LOGS/redis-*.log, $LOGS/sentinel-*.log)"
}

# Sentinels first, so none of them fails over while the nodes stop.
stop_redis_ha() {
  local f
  for f in "$STATE"/sentinel-*.pid "$STATE"/redis-[0-9]*.pid; do
    [ -e "$f" ] && stop_pidfile "$f"
  done
  rm -rf "$HA_STATE" "$STATE/ha"
}

ha_status_rows() {
  local fmt="$1" port pid role
  for port in $TESSERA_HA_REDIS_PORTS; do
    pid="$(cat "$STATE/redis-$port.pid" 2>/dev/null || true)"
    role="$(redis-cli --raw -p "$port" ROLE 2>/dev/null | head -n 1)"
    # shellcheck disable=SC2059
    printf "$fmt" "redis-$port" "${pid:--}" "$port" "${role:-down}" "$([ -n "$pid" ] && rss_mb "$pid" || echo -)"
  done
  for port in $TESSERA_SENTINEL_PORTS; do
    pid="$(cat "$STATE/sentinel-$port.pid" 2>/dev/null || true)"
    # shellcheck disable=SC2059
    printf "$fmt" "sentinel-$port" "${pid:--}" "$port" "$(node_ping "$port" && echo up || echo down)" \
      "$([ -n "$pid" ] && rss_mb "$pid" || echo -)"
  done
}
