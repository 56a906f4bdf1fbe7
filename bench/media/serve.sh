#!/usr/bin/env bash
# Media benchmark, the server's part (issue 18): serving renditions against nginx serving the same
# files (and Payara behind that nginx as a shared cache, cluster/nginx-cache.conf), then the
# console's library pages at 100 and at 50 000 items. See README.md.
#
#   bench/media/serve.sh                 # build, then both phases on H2 (about 6 minutes)
#   DB=postgres bench/media/serve.sh     # the same on a fresh PostgreSQL database
#   PHASES=serve SKIP_BUILD=1 bench/media/serve.sh
#   WARS="a=/tmp/before.war b=web-module/target/tribune.war" PHASES=serve bench/media/serve.sh
#
# Settings (environment): DB (h2 | postgres), PHASES (serve,library), SKIP_BUILD (0), WARS (label=path
# ...: each WAR serves the same files in turn, an A/B in one run; default current=the built WAR),
# REPEAT (1: how many times the WARs take turns),
# DURATION (20), WARMUP (5), CONNECTIONS (16), THREADS (2), ITEMS (50000), BASELINE_ITEMS (100),
# ROUNDS (200), WARMUP_ROUNDS (20), JAVA_OPTS (-Xmx256m -XX:+UseSerialGC), BENCH_PORT (18410),
# NGINX_PORT (18411; the shared cache on the next port), BENCH_DB (tribune_bench18_media), PGHOST/PGPORT/PGUSER, KEEP (0).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target="$here/target"
db_kind=${DB:-h2}
phases=${PHASES:-serve,library}
duration=${DURATION:-20}
repeat=${REPEAT:-1}
warmup=${WARMUP:-5}
conns=${CONNECTIONS:-16}
threads=${THREADS:-2}
items=${ITEMS:-50000}
baseline_items=${BASELINE_ITEMS:-100}
rounds=${ROUNDS:-200}
warmup_rounds=${WARMUP_ROUNDS:-20}
java_opts=${JAVA_OPTS--Xmx256m -XX:+UseSerialGC}
port=${BENCH_PORT:-18410}
nginx_port=${NGINX_PORT:-18411}
cache_port=$((nginx_port + 1))
db=${BENCH_DB:-tribune_bench18_media}
case "$db" in tribune_bench18_*) ;; *) echo "BENCH_DB must start with tribune_bench18_" >&2; exit 2 ;; esac
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
admin=admin@example.org
password=bench-$RANDOM$RANDOM$RANDOM
base="http://127.0.0.1:$port"

say() { printf '\n== %s\n' "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
command -v nginx > /dev/null || PATH=$PATH:/usr/sbin
for tool in java curl jq wrk nginx; do
  command -v "$tool" > /dev/null || { echo "Needs $tool (apt-get install -y wrk nginx-light jq)" >&2; exit 1; }
done
[ "$db_kind" = h2 ] || [ "$db_kind" = postgres ] || { echo "DB must be h2 or postgres" >&2; exit 2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "Building the WAR and the benchmark (mvn -B -q -Pbench -DskipTests -pl web-module,bench/media -am package)"
  (cd "$root" && mvn -B -q -Pbench -DskipTests -pl web-module,bench/media -am package)
fi
wars=${WARS:-current=$root/web-module/target/tribune.war}
for w in $wars; do [ -f "${w#*=}" ] || { echo "No WAR at ${w#*=}: build first" >&2; exit 1; }; done
first_war=${wars%% *}
cp="$target/media-bench.jar:$target/lib/*"
payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$root/pom.xml" | head -1)
micro="$root/bench/target/payara-micro-$payara_version.jar"
if [ ! -f "$micro" ]; then
  mkdir -p "$root/bench/target"
  cp "$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar" "$micro"
fi
photo="$target/photo-6000x4000.jpg"
[ -f "$photo" ] || java -Xmx1g -cp "$cp" org.tribune.bench.media.MakePhoto "$photo" 6000 4000 24

out="$target/serve-$db_kind-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
ln -sfn "$out" "$target/serve-latest-$db_kind"
run_dir=$(mktemp -d /tmp/tribune-bench18.XXXXXX)
ng=
nginx_pid=
server_pid=
jdbc="jdbc:h2:file:$run_dir/data/tribune"
if [ "$db_kind" = postgres ]; then
  jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER${PGPASSWORD:+&password=$PGPASSWORD}"
  dropdb --if-exists "$db" && createdb "$db"
fi

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2> /dev/null || break; sleep 1; done
    kill -0 "$server_pid" 2> /dev/null && kill -9 "$server_pid"
    wait "$server_pid" 2> /dev/null || true
  fi
  server_pid=
}
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2> /dev/null || true
  stop_server
  [ -n "$ng" ] && rm -rf "$ng"
  if [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$run_dir"
    [ "$db_kind" = postgres ] && { dropdb --if-exists "$db" 2> /dev/null || true; }
  else
    echo "Kept: $run_dir" >&2
  fi
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a WAR ($1: label=path) as production would, as bench/run does, on the run's data.
start_server() {
  local label=${1%%=*} war=${1#*=}
  for _ in $(seq 1 30); do
    curl -s -o /dev/null --max-time 2 "$base/" || break
    sleep 1
  done
  curl -s -o /dev/null --max-time 2 "$base/" && { echo "Port $port is taken (BENCH_PORT)" >&2; exit 1; }
  # shellcheck disable=SC2086
  (cd "$run_dir" && exec env TRIBUNE_ADMIN_PASSWORD="$password" TRIBUNE_DEMO_CONTENT=false \
    TRIBUNE_DATA_DIR="$run_dir/data" ${DB_URL_SET:+TRIBUNE_DB_URL="$jdbc"} \
    java $java_opts -jar "$micro" --nocluster --disablephonehome --port "$port" --contextroot / \
      --deploy "$war" >> "$out/payara-$label.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/" || true)" = 200 ] && return 0
    kill -0 "$server_pid" 2> /dev/null || { echo "Payara Micro exited: see $out/payara-$label.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "No 200 from / after 240 s" >&2
  exit 1
}
[ "$db_kind" = postgres ] && DB_URL_SET=1

exec 9>> /tmp/tribune-bench.lock
lock() {
  flock -n 9 || { say "Waiting for /tmp/tribune-bench.lock (another benchmark is measuring)"; flock 9; }
  echo "$1 nproc $(nproc), load $(loadavg)" | tee -a "$out/load.txt" >&2
}
unlock() {
  echo "$1 done, load $(loadavg)" | tee -a "$out/load.txt" >&2
  flock -u 9
}

# $1 name, $2 base URL, $3 paths, $4 seconds, extra wrk arguments after.
run_wrk() {
  local name=$1 url=$2 paths=$3 seconds=$4
  shift 4
  WRK_PATHS="$paths" WRK_OUT="$out/$name.json" wrk -t"$threads" -c"$conns" -d"$seconds"s \
    --timeout 10s -s "$root/bench/wrk/paths.lua" "$@" "$url" > "$out/wrk-$name.txt" 2>&1
}

say "Server ($db_kind, ${first_war%%=*}); uploading $(basename "$photo") through the console"
start_server "$first_war"
served_by=$first_war
labels=
java -cp "$cp" org.tribune.bench.media.MediaConsole upload "$base" "$admin" "$password" "$photo" > "$out/upload.json"
jq -c '{id, hash, uploadSeconds, renditions}' "$out/upload.json" >&2
r960=$(jq -r '.renditions["960"]' "$out/upload.json")
r320=$(jq -r '.renditions["320"]' "$out/upload.json")
media_paths="$r960 $r320"
etag() { curl -s -o /dev/null -D - "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}'; }

if [[ $phases == *serve* ]]; then
  # nginx: the very files of the store, with the servlet's caching headers.
  ng=$(mktemp -d /tmp/tribune-bench18-nginx.XXXXXX)
  chmod 755 "$ng"
  mkdir -p "$ng/www/media" "$ng/tmp"
  for p in $media_paths; do
    cp "$run_dir/data/media/derived/${p#/media/}" "$ng/www/media/"
    curl -s -o "$ng/payara-copy" "$base$p"
    cmp -s "$ng/payara-copy" "$ng/www$p" || { echo "$p: Payara's bytes differ from the store's" >&2; exit 1; }
  done
  chmod -R a+rX "$ng/www"
  cat > "$ng/nginx.conf" << EOF
worker_processes auto;
pid $ng/nginx.pid;
error_log $ng/error.log;
events { worker_connections 1024; }
http {
  types { image/jpeg jpg; image/png png; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $ng/tmp/body;
  proxy_temp_path $ng/tmp/proxy;
  fastcgi_temp_path $ng/tmp/fastcgi;
  uwsgi_temp_path $ng/tmp/uwsgi;
  scgi_temp_path $ng/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $ng/www;
    add_header Cache-Control "public, max-age=31536000, immutable";
    add_header X-Content-Type-Options nosniff;
  }
  # The same nginx as the shared cache in front of Payara (cluster/nginx-cache.conf).
  proxy_cache_path $ng/cache levels=1:2 keys_zone=tribune:10m max_size=256m inactive=10m use_temp_path=off;
  map \$http_accept_encoding \$tribune_gzip { ~*gzip gzip; default ""; }
  upstream payara { server 127.0.0.1:$port; keepalive 16; }
  server {
    listen 127.0.0.1:$cache_port;
    location / {
      proxy_pass http://payara;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      include $root/cluster/nginx-cache.conf;
    }
  }
}
EOF
  nginx -p "$ng" -c "$ng/nginx.conf" -g 'daemon off;' 2> "$out/nginx.log" &
  nginx_pid=$!
  nbase="http://127.0.0.1:$nginx_port"
  for _ in $(seq 1 50); do curl -s -o /dev/null "$nbase$r960" && break; sleep 0.1; done
  # If-None-Match naming both files' tags: each request is answered 304.
  payara_tags="$(etag "$base$r960"), $(etag "$base$r320")"
  nginx_tags="$(etag "$nbase$r960"), $(etag "$nbase$r320")"
  for p in $media_paths; do
    for u in "$base" "$nbase"; do
      tags=$([ "$u" = "$base" ] && echo "$payara_tags" || echo "$nginx_tags")
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$u$p")" = 200 ] || { echo "$u$p: not 200" >&2; exit 1; }
      [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $tags" "$u$p")" = 304 ] \
        || { echo "$u$p: not 304 with If-None-Match" >&2; exit 1; }
    done
  done
  curl -s -o /dev/null -D "$out/headers-payara.txt" "$base$r960"
  curl -s -o /dev/null -D "$out/headers-nginx.txt" "$nbase$r960"
  say "Serving $r960 ($(stat -c %s "$ng/www$r960") bytes) and $r320 ($(stat -c %s "$ng/www$r320") bytes): wrk -t$threads -c$conns -d${duration}s"
  lock serve
  run_wrk nginx-200 "$nbase" "$media_paths" "$warmup"
  run_wrk nginx-200 "$nbase" "$media_paths" "$duration"
  run_wrk nginx-304 "$nbase" "$media_paths" "$duration" -H "If-None-Match: $nginx_tags"
  # Payara behind nginx as a shared cache: the first requests fill the cache, then nginx answers.
  cbase="http://127.0.0.1:$cache_port"
  run_wrk cached-warmup "$cbase" "$media_paths" "$warmup"
  [ "$(curl -s -o /dev/null -D - "$cbase$r960" | tr -d '\r' | sed -n 's/^X-Cache-Status: //Ip')" = HIT ] \
    || { echo "$cbase$r960: not kept by the shared cache" >&2; exit 1; }
  run_wrk cached-200 "$cbase" "$media_paths" "$duration"
  run_wrk cached-304 "$cbase" "$media_paths" "$duration" -H "If-None-Match: $payara_tags"
  assets=$(curl -s "$base/" | grep -o '/assets/site\.[0-9a-f]*\.css' | head -1)
  for r in $(seq 1 "$repeat"); do
    for w in $wars; do
      label=${w%%=*}$([ "$repeat" = 1 ] || echo "-$r")
      if [ "$w" != "$served_by" ]; then
        stop_server
        start_server "$w"
        served_by=$w
      fi
      run_wrk "$label-warmup" "$base" "$media_paths" "$warmup"
      run_wrk "$label-200" "$base" "$media_paths" "$duration"
      run_wrk "$label-304" "$base" "$media_paths" "$duration" -H "If-None-Match: $payara_tags"
      labels="$labels $label"
    done
  done
  # The servlet container's ceiling: a style sheet the assets servlet serves from memory.
  run_wrk "assets-200" "$base" "$assets" "$duration" -H 'Accept-Encoding: identity'
  unlock serve
  kill "$nginx_pid"; wait "$nginx_pid" 2> /dev/null || true; nginx_pid=
  {
    printf '| server | answer | requests/s | p50 ms | p99 ms | errors | ratio to nginx |\n|---|---|---|---|---|---|---|\n'
    for kind in 200 304; do
      for label in nginx cached $labels $([ $kind = 200 ] && echo assets); do
        jq -r --arg l "$label" --arg k "$kind" --slurpfile n "$out/nginx-$kind.json" \
          '"| \($l) | \($k) | \(.rps | round) | \(.p50ms) | \(.p99ms) | \(.errors | add) | \(.rps / $n[0].rps * 100 | round / 100) |"' \
          "$out/$label-$kind.json"
      done
    done
  } | tee "$out/serve.md"
  if [ "$served_by" != "$first_war" ]; then
    stop_server
    start_server "$first_war"
  fi
fi

if [[ $phases == *library* ]]; then
  pages=("first=/admin/media" "deep=/admin/media?page=500" "list=/admin/media?page=1000&view=list"
    "rare=/admin/media?q=lavoir" "absent=/admin/media?q=zeppelin")
  # Seeds up to $1 items (the server stopped: H2 is one process's file), starts again, times the pages.
  library() {
    local total=$1 have
    have=$(( $(cat "$out/items" 2> /dev/null || echo 1) ))
    stop_server
    say "Library: $((total - have)) items more, written through JDBC ($db_kind)"
    java -cp "$cp" org.tribune.bench.media.SeedLibrary "$jdbc" $((total - have)) | tee -a "$out/seed.json" >&2
    echo "$total" > "$out/items"
    start_server "$first_war"
    lock "library-$total"
    java -cp "$cp" org.tribune.bench.media.MediaConsole pages "$base" "$admin" "$password" \
      "$warmup_rounds" "$rounds" "${pages[@]}" | tee "$out/library-$total.json" >&2
    unlock "library-$total"
  }
  library "$baseline_items"
  library "$items"
  {
    printf '| page | items shown | %s items: p50 / p99 ms | %s items: p50 / p99 ms | p99 ratio |\n|---|---|---|---|---|\n' "$baseline_items" "$items"
    jq -rn --slurpfile a "$out/library-$baseline_items.json" --slurpfile b "$out/library-$items.json" \
      '$b | to_entries[] | .key as $i | .value as $v | $a[$i] as $u
       | "| `\($v.path)` | \($u.items) / \($v.items) | \($u.p50ms) / \($u.p99ms) | \($v.p50ms) / \($v.p99ms) | \($v.p99ms / $u.p99ms * 100 | round / 100) |"'
  } | tee "$out/library.md"
fi
stop_server
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), revision $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . || echo +changes), db $db_kind"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); java $java_opts"
  cat "$out/load.txt"
} | tee "$out/machine.txt"
say "Results in $out"
