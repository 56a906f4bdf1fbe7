#!/usr/bin/env bash
# The hot article (issue 21, "measure first"): what the readers of one article get while its
# discussion is live. See bench/README.md, "The hot article".
#
#   bench/hot/run.sh                 # H2; quiet, then 2 5 10 20 30 comments/s, 20 s each: 3-4 minutes
#   DB=postgres bench/hot/run.sh     # the same on a fresh PostgreSQL database
#   SKIP_BUILD=1 RATES="0 5" DURATION=5 WARMUP=2 END_QUIET=0 bench/hot/run.sh   # a quick try
#   POLLERS=1000 RATES="0 10" DURATION=30 END_QUIET=0 bench/hot/run.sh
#                                    # each rate without, with, and again without 1 000 readers polling
#                                    # the discussion's state every 20 s (50 req/s), as the page's script
#   CACHE=1 bench/hot/run.sh         # readers, commenters and the stranger through nginx as the
#                                    # shared cache (cluster/nginx-cache.conf); nginx serving the
#                                    # same bytes with gzip_static measured first, as the limit
#
# Settings (environment): DB (h2 | postgres), SKIP_BUILD (0), RATES ("0 2 5 10 20 30", comments/s),
# DURATION (20 s a rate), WARMUP (15), END_QUIET (1: a last quiet phase on the grown discussion),
# CONNECTIONS (16), THREADS (2), COMMENTS (200), STRANGER_EVERY (4 s), ARTICLE (a demo article's
# slug), JAVA_OPTS (-Xmx256m -XX:+UseSerialGC), BENCH_PORT (18430), BENCH_DB (tribune_bench21_hot),
# PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres), KEEP (0), CACHE (0; 1: through nginx on the
# next two ports), POLLERS (0: none; N: each rate is run without, with, and again without N readers
# polling /articles/{slug}/comments/state every POLL_EVERY s), POLL_EVERY (20).
set -euo pipefail

hot=$(cd "$(dirname "$0")" && pwd)
here=$(cd "$hot/.." && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

db_kind=${DB:-h2}
[ "$db_kind" = h2 ] || [ "$db_kind" = postgres ] || { echo "DB must be h2 or postgres" >&2; exit 2; }
rates=${RATES:-0 2 5 10 20 30}
for r in $rates; do
  [[ $r =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "RATES: '$r' is not a number of comments/s" >&2; exit 2; }
done
duration=${DURATION:-20}
warmup=${WARMUP:-15}
end_quiet=${END_QUIET:-1}
conns=${CONNECTIONS:-16}
threads=${THREADS:-2}
comments=${COMMENTS:-200}
every=${STRANGER_EVERY:-4}
pollers=${POLLERS:-0}
poll_every=${POLL_EVERY:-20}
[[ $pollers =~ ^[0-9]+$ ]] || { echo "POLLERS: '$pollers' is not a number of readers" >&2; exit 2; }
slug=${ARTICLE:-le-marche-couvert-rouvre-ses-portes-apres-dix-huit-mois-de-travaux}
port=${BENCH_PORT:-18430}
db=${BENCH_DB:-tribune_bench21_hot}
case "$db" in tribune_bench21_*) ;; *) echo "BENCH_DB must start with tribune_bench21_" >&2; exit 2 ;; esac
need wrk "apt-get install -y wrk"
need jq "apt-get install -y jq"
need curl "apt-get install -y curl"

cache=${CACHE:-0}
[ "$cache" = 1 ] && { command -v nginx > /dev/null || PATH=$PATH:/usr/sbin; need nginx "apt-get install -y nginx-light"; }
stamp=$(date -u +%Y%m%d-%H%M%S)
out="$here/target/hot-$db_kind$([ "$cache" = 1 ] && echo -cached || true)-$stamp"
mkdir -p "$out"
ln -sfn "$out" "$here/target/latest-hot-$db_kind"

bench_build

# One node, the demo content, every comment published at once (approve-all), no minimum form age
# and no rate limit to speak of: the commenters' pace is the benchmark's, not the site's defences'.
run_dir=$(mktemp -d /tmp/tribune-bench21.XXXXXX)
password=bench-$RANDOM$RANDOM$RANDOM
base="http://127.0.0.1:$port"
jdbc=
server_env=(TRIBUNE_DEMO_CONTENT=true TRIBUNE_COMMENTS_MODERATION=approve-all
  TRIBUNE_COMMENTS_MIN_FORM_SECONDS=0 TRIBUNE_COMMENTS_RATE_LIMIT=100000)
nginx_pid=
ng=
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2> /dev/null; [ -n "$ng" ] && rm -rf "$ng"; bench_cleanup' EXIT
trap 'exit 130' INT TERM
[ "$db_kind" = postgres ] && bench_postgres_db
bench_lock_open

# An array, not a function: started with &, $! is the JVM itself, which the EXIT trap can stop.
post_comments=(java -cp "$suite_cp" org.tribune.bench.suite.PostComments)
poll_state=(java -Xmx128m -cp "$suite_cp" org.tribune.bench.suite.PollState)
# The number of comments the article page announces to an anonymous reader ("200 commentaires",
# "1 570 commentaires" with a narrow space, "Aucun commentaire").
shown() {
  curl -sS --max-time 30 "${node_base:-$base}/articles/$slug" | grep -o 'id="comments-title">[^<]*' | sed -n 1p \
    | sed 's/commentaire.*//' | tr -dc '0-9' | grep . || echo 0
}
now_ms() { date +%s%3N; }
sleep_until_ms() { sleep "$(awk -v t="$1" -v n="$(now_ms)" 'BEGIN {d = (t - n) / 1000; print (d > 0 ? d : 0)}')"; }
positive() { awk -v r="$1" 'BEGIN {exit !(r > 0)}'; }
js() { if [ -s "$1" ]; then jq -c . "$1"; else echo null; fi; }

say "One node on a fresh $db_kind database, demo content on"
start_server hot
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/articles/$slug")
if [ "$code" != 200 ]; then
  echo "/articles/$slug: HTTP $code. The home page's articles (ARTICLE= one of them):" >&2
  curl -s "$base/" | grep -o 'href="/articles/[^"]*"' | sort -u >&2
  exit 1
fi

# --- 200 approved comments, posted through the page's form ---------------------------------------
say "Posting $comments comments on /articles/$slug through its form (40 a second)"
: > "$out/seed.json"
for _ in 1 2 3 4 5; do
  left=$((comments - $(shown)))
  [ "$left" -gt 0 ] || break
  "${post_comments[@]}" rate "$base" "$slug" 40 "$(awk -v n="$left" 'BEGIN {print n / 40}')" | tee -a "$out/seed.json" >&2
done
seeded=$(shown)
curl -sS -o "$out/article.html" "$base/articles/$slug"
threads_shown=$(grep -o 'id="comment-[0-9]*"' "$out/article.html" | wc -l)
[ "$seeded" -ge "$comments" ] \
  || { echo "The page shows $seeded comments, not $comments (see $out/seed.json)" >&2; exit 1; }
say "The page announces $seeded comments and shows $threads_shown of them on its first page"

# --- The shared cache in front, and nginx serving the page's very bytes (CACHE=1) -----------------
node_base=$base
limit_json=null
if [ "$cache" = 1 ]; then
  # A folder of its own that nginx's workers (another user) may enter, unlike the run's.
  ng=$(mktemp -d /tmp/tribune-bench21-nginx.XXXXXX)
  chmod 755 "$ng"
  mkdir -p "$ng/www/static" "$ng/tmp"
  curl -sS -H 'Accept-Encoding: gzip' -o "$ng/www/static/article.html.gz" "$base/articles/$slug"
  gunzip -c "$ng/www/static/article.html.gz" > "$ng/www/static/article.html"
  chmod -R a+rX "$ng"
  cat > "$ng/nginx.conf" << CONF
worker_processes auto;
pid $ng/nginx.pid;
error_log $ng/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $ng/tmp/body;
  proxy_temp_path $ng/tmp/proxy;
  fastcgi_temp_path $ng/tmp/fastcgi;
  uwsgi_temp_path $ng/tmp/uwsgi;
  scgi_temp_path $ng/tmp/scgi;
  proxy_cache_path $ng/cache levels=1:2 keys_zone=tribune:10m max_size=256m inactive=10m use_temp_path=off;
  map \$http_accept_encoding \$tribune_gzip { ~*gzip gzip; default ""; }
  upstream tribune { server 127.0.0.1:$port; keepalive 32; }
  server {
    listen 127.0.0.1:$((port + 1));
    location / {
      proxy_pass http://tribune;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      include $root/cluster/nginx-cache.conf;
    }
  }
  server {
    listen 127.0.0.1:$((port + 2));
    root $ng/www;
    gzip_static on;
  }
}
CONF
  nginx -p "$ng" -c "$ng/nginx.conf" -g 'daemon off;' 2> "$out/nginx.log" &
  nginx_pid=$!
  base="http://127.0.0.1:$((port + 1))"
  static_base="http://127.0.0.1:$((port + 2))"
  for _ in $(seq 1 50); do curl -s -o /dev/null "$static_base/static/article.html" && break; sleep 0.1; done
  say "The limit: nginx serving the page's $(stat -c %s "$ng/www/static/article.html.gz") gzipped bytes (gzip_static), $duration s"
  lock static
  run_wrk static-warmup "$static_base" "/static/article.html" 3 ""
  run_wrk static "$static_base" "/static/article.html" "$duration" "$out/static.json"
  unlock static
  limit_json=$(jq -c . "$out/static.json")
  jq -c '{limit: "nginx gzip_static", rps, p99ms}' "$out/static.json" >&2
fi

# --- Readers, commenters and a stranger, rate by rate --------------------------------------------
phases=$rates
[ "$end_quiet" = 1 ] && phases="$phases 0"
lock hot
# The warm-up posts too (2 a second): rendering the page again after a new comment gets compiled
# as well as serving it from the cache, before the quiet phase that the others are read against.
say "Warm-up: the article page for $warmup s, 2 comments a second"
t0=$(($(now_ms) + 2000))
"${post_comments[@]}" rate "$base" "$slug" 2 "$warmup" 0 "$t0" > "$out/warmup-commenters.json" 2> "$out/warmup-commenters.err" &
bg_pids+=($!)
sleep_until_ms "$t0"
run_wrk warmup "$base" "/articles/$slug" "$warmup" ""
wait "${bg_pids[@]}"
bg_pids=()
# With POLLERS, each rate three times: without the polling readers, with them, and without again
# ("0 10" → 0, 0+P, 0, 10, 10+P, 10): the report compares the phase with them to the mean of the two
# around it, so that what drifts during the run (the discussion growing at 10 comments a second, the
# machine's other work) weighs on both sides alike.
runs=
for r in $phases; do
  runs="$runs $r:0"
  [ "$pollers" -gt 0 ] && runs="$runs $r:$pollers $r:0"
done
i=0
for run in $runs; do
  r=${run%%:*}
  polling=${run##*:}
  i=$((i + 1))
  name=$(printf '%02d-rate-%s' "$i" "$r")
  [ "$polling" -gt 0 ] && name="$name-pollers-$polling"
  before=$(loadavg)
  # The helpers' JVMs start and open their forms first; all three begin at t0.
  t0=$(($(now_ms) + 2000))
  if positive "$r"; then
    say "$name: readers, commenters posting $r a second, a stranger every $every s ($duration s)"
    "${post_comments[@]}" rate "$base" "$slug" "$r" "$duration" 0 "$t0" > "$out/$name-commenters.json" 2> "$out/$name-commenters.err" &
    bg_pids+=($!)
    "${post_comments[@]}" fresh "$base" "$slug" 0 "$every" "$duration" "$t0" > "$out/$name-stranger.json" 2> "$out/$name-stranger.err" &
    bg_pids+=($!)
  else
    say "$name: readers only, no comment posted ($duration s)"
  fi
  if [ "$polling" -gt 0 ]; then
    say "$name: and $polling readers polling the discussion's state every $poll_every s"
    "${poll_state[@]}" "$base" "$slug" "$polling" "$poll_every" "$duration" "$t0" > "$out/$name-pollers.json" 2> "$out/$name-pollers.err" &
    bg_pids+=($!)
  fi
  sleep_until_ms "$t0"
  run_wrk "$name" "$base" "/articles/$slug" "$duration" "$out/$name-readers.json"
  for p in "${bg_pids[@]}"; do wait "$p" || echo "A helper of $name failed (see $out/$name-*.err)" >&2; done
  bg_pids=()
  after=$(loadavg)
  jq -n --argjson rate "$r" --arg name "$name" --arg before "$before" --arg after "$after" \
    --argjson readers "$(js "$out/$name-readers.json")" --argjson commenters "$(js "$out/$name-commenters.json")" \
    --argjson stranger "$(js "$out/$name-stranger.json")" --argjson comments "$(shown)" \
    --argjson pollers "$polling" --argjson polls "$(js "$out/$name-pollers.json")" \
    '{name: $name, rate: $rate, pollers: $pollers, polls: $polls, readers: $readers,
      commenters: $commenters, stranger: $stranger,
      commentsAfter: $comments, loadBefore: $before, loadAfter: $after}' > "$out/$name.json"
  jq -c '{rate, pollers, rps: .readers.rps, p99ms: .readers.p99ms, accepted: .commenters.accepted,
    intended: .commenters.intended, visible: .stranger.maxms, polls: .polls.rps, pollp99: .polls.p99ms,
    load: .loadAfter}' "$out/$name.json" >&2
done
unlock hot
stop_server

# --- Summary and report --------------------------------------------------------------------------
jq -s \
  --arg db "$db_kind" --arg revision "$revision" --arg date "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --arg machine "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MB RAM" \
  --arg java "$(java -version 2>&1 | head -1)" --arg payara "$payara_version" \
  --arg javaOpts "${JAVA_OPTS--Xmx256m -XX:+UseSerialGC}" --arg article "/articles/$slug" \
  --arg command "DB=$db_kind CACHE=$cache RATES=\"$rates\" DURATION=$duration WARMUP=$warmup END_QUIET=$end_quiet POLLERS=$pollers POLL_EVERY=$poll_every bench/hot/run.sh" \
  --argjson limit "$limit_json" \
  --argjson comments "$seeded" --argjson firstPage "$threads_shown" \
  --argjson connections "$conns" --argjson threads "$threads" --argjson duration "$duration" \
  --argjson warmup "$warmup" --argjson every "$every" \
  --argjson pollers "$pollers" --argjson pollEvery "$poll_every" \
  --argjson seed "$(jq -s -c . "$out/seed.json")" --argjson warmupPosts "$(jq '.accepted' "$out/warmup-commenters.json" 2> /dev/null || echo null)" \
  --arg lockBefore "$(cat "$out/load-before.txt")" --arg lockAfter "$(cat "$out/load-after.txt")" \
  '{db: $db, revision: $revision, date: $date, machine: $machine, java: $java, payara: $payara,
    javaOpts: $javaOpts, command: $command, article: $article, comments: $comments,
    commentsOnFirstPage: $firstPage, seed: $seed, warmupPosts: $warmupPosts, connections: $connections, threads: $threads,
    duration: $duration, warmup: $warmup, strangerEvery: $every, limit: $limit,
    pollers: $pollers, pollEvery: $pollEvery,
    loadBefore: $lockBefore, loadAfter: $lockAfter, phases: .}' \
  "$out"/[0-9][0-9]-rate-*[0-9].json > "$out/summary.json"
"$hot/report.sh" "$out/summary.json" > "$out/report.md"
cat "$out/report.md"
say "Report: $out/report.md (summary: $out/summary.json)"
