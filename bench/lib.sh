# Shell shared by the benchmarks that run the WAR on Payara Micro (bench/run, bench/hot/run.sh).
# Sourced, under `set -euo pipefail`. The caller sets `here` (bench/), `root` (the repository) and
# `out` (the run's folder) before using these; for a server also `port`, `run_dir` (its working
# folder, the H2 data under it), `password` and `server_env` (an array of NAME=value settings of
# its own), `jdbc` (empty: H2) and `db_kind`/`db` (PostgreSQL); for wrk `threads` and `conns`.

say() { printf '\n== %s\n' "$*" >&2; }
need() { command -v "$1" > /dev/null || { echo "Needs $1 ($2)" >&2; exit 1; }; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Builds the WAR and the tools unless SKIP_BUILD=1, then sets war, suite_cp, payara_version, micro
# (Payara Micro, the parent pom's version, copied from the local Maven repository) and revision.
bench_build() {
  war="$root/web-module/target/tribune.war"
  suite_cp="$here/suite/target/suite-bench.jar:$here/suite/target/lib/*"
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "Building the WAR and the benchmark tools (mvn -B -q -Pbench -DskipTests package)"
    (cd "$root" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true package)
  fi
  [ -f "$war" ] && [ -f "$here/suite/target/suite-bench.jar" ] \
    || { echo "Build first (mvn -Pbench -DskipTests package) or drop SKIP_BUILD" >&2; exit 1; }
  payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$root/pom.xml" | head -1)
  micro="$here/target/payara-micro-$payara_version.jar"
  if [ ! -f "$micro" ]; then
    mkdir -p "$here/target"
    local cached="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
    if [ -f "$cached" ]; then
      cp "$cached" "$micro"
    else
      (cd "$here/target" && mvn -B -q dependency:copy \
        -Dartifact="fish.payara.extras:payara-micro:$payara_version" -DoutputDirectory="$here/target")
    fi
  fi
  revision=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . 2> /dev/null || echo "+changes")
}

# A fresh PostgreSQL database named $db (dropped first); sets jdbc.
bench_postgres_db() {
  need createdb "apt-get install -y postgresql-client"
  export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
  jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
  [ -n "${PGPASSWORD:-}" ] && jdbc="$jdbc&password=$PGPASSWORD"
  say "Fresh database $db on $PGHOST:$PGPORT"
  dropdb --if-exists "$db"
  createdb "$db"
}

server_pid=
bg_pids=()

# Starts Payara Micro as production would (settings by environment only: the data folder, the
# database, the administrator's password, 127.0.0.1 as a trusted proxy, then server_env); $1: log
# name. Sets start_seconds to the time from launch to the first 200 of the home page.
start_server() {
  local t0 code
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  (cd "$run_dir" && exec env TRIBUNE_ADMIN_PASSWORD="$password" TRIBUNE_DATA_DIR="$run_dir/data" \
    TRIBUNE_PROXY_TRUSTED=127.0.0.1 ${jdbc:+TRIBUNE_DB_URL="$jdbc"} "${server_env[@]}" \
    java ${JAVA_OPTS--Xmx256m -XX:+UseSerialGC} -jar "$micro" --nocluster --disablephonehome --port "$port" \
      --contextroot / --deploy "$war" > "$out/payara-$1.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/" || true)
    if [ "$code" = 200 ]; then
      start_seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
      say "Up: first 200 after $start_seconds s"
      return 0
    fi
    kill -0 "$server_pid" 2> /dev/null || { echo "Payara Micro exited: see $out/payara-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "No 200 from / after 240 s: see $out/payara-$1.log" >&2
  exit 1
}

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2> /dev/null || break; sleep 1; done
    kill -0 "$server_pid" 2> /dev/null && kill -9 "$server_pid"
    wait "$server_pid" 2> /dev/null || true
  fi
  server_pid=
}

# The end of a run (called from the caller's EXIT trap): the background jobs in bg_pids, the server,
# then the data folder and the database unless KEEP=1.
bench_cleanup() {
  local p
  for p in "${bg_pids[@]}"; do kill "$p" 2> /dev/null || true; done
  stop_server
  if [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$run_dir"
    if [ "${db_kind:-h2}" = postgres ]; then dropdb --if-exists "$db" 2> /dev/null || true; fi
  else
    echo "Kept: $run_dir${jdbc:+ and database $db}" >&2
  fi
}

# The measuring phases hold /tmp/tribune-bench.lock, shared with the other benchmarks of the
# machine (bench_lock_open once, then lock NAME / unlock NAME around each phase); the load average
# goes to $out/load-before.txt and load-after.txt.
bench_lock_open() { exec 9>> /tmp/tribune-bench.lock; }
lock() {
  flock -n 9 || { say "Waiting for /tmp/tribune-bench.lock (another benchmark is measuring)"; flock 9; }
  echo "$1 $(loadavg)" >> "$out/load-before.txt"
}
unlock() {
  echo "$1 $(loadavg)" >> "$out/load-after.txt"
  flock -u 9
}

# $1 name, $2 base URL, $3 paths, $4 seconds, $5 output (JSON) or empty, $6 a Cookie header or empty.
run_wrk() {
  local cookie=()
  [ -n "${6:-}" ] && cookie=(-H "Cookie: $6")
  WRK_PATHS="$3" WRK_OUT="$5" wrk -t"$threads" -c"$conns" -d"$4"s --timeout 10s \
    -s "$here/wrk/paths.lua" -H 'Accept-Encoding: gzip' "${cookie[@]}" "$2" > "$out/wrk-$1.txt" 2>&1
}
