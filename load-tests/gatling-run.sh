# Sourced by the scripts that run Gatling against the topology (bench-sessions.sh, chaos.sh), after they
# read `./tessera env`: how a simulation is run and where its report is found, in one place.

# The topology's addresses, as the simulations read them (Scheme, Flows).
TOPOLOGY_URLS=(-Dauth.url="http://127.0.0.1:$NGINX_AUTH_PORT" -Dsticky.url="http://127.0.0.1:$NGINX_STICKY_PORT"
  -Dredis.url="http://127.0.0.1:$NGINX_REDIS_PORT" -Djwt.url="http://127.0.0.1:$NGINX_JWT_PORT"
  -Ddocs.url="http://127.0.0.1:${DOCS_PORT:-8201}" -Dsticky.cookie="$STICKY_COOKIE" -Dredis.cookie="${MAIL_CLIENT_ID}_session")

gatling_reports() { ls -d "$ROOT"/load-tests/target/gatling/*/ 2>/dev/null | sort || true; }

# run_gatling LOG CLASS [-Dprop=value...]: one simulation (CLASS under dev.tessera.load), Maven's output in LOG.
# Sets GATLING_REPORT (the report directory it wrote) and GATLING_EXIT (not 0: its assertions failed); dies
# when it wrote no report at all.
run_gatling() {
  local log="$1" class="$2" before
  shift 2
  before="$(gatling_reports)"
  GATLING_EXIT=0
  (cd "$ROOT/load-tests" && mvn -B -q gatling:test -Dgatling.simulationClass="dev.tessera.load.$class" "$@") > "$log" 2>&1 ||
    GATLING_EXIT=$?
  GATLING_REPORT="$(comm -13 <(echo "$before") <(gatling_reports) | tail -n 1)"
  GATLING_REPORT="${GATLING_REPORT%/}"
  [ -n "$GATLING_REPORT" ] || { tail -n 30 "$log"; die "$class wrote no report (exit $GATLING_EXIT); see $log"; }
}
