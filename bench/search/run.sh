#!/usr/bin/env bash
# Search benchmark: fills a throw-away PostgreSQL database with generated articles through the real
# schema, then times /search against the home page on Payara Micro. See README.md.
#
#   bench/search/run.sh                 # 100 000 articles, report in bench/search/target/report.md
#   ARTICLES=10000 bench/search/run.sh  # a quicker try
#
# Settings (environment): ARTICLES (100000), SEED (42), ROUNDS (30), BENCH_DB (tribune_bench),
# BENCH_PORT (18190), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), KEEP_DB (0: dropped at
# the end), SKIP_BUILD (0).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target="$here/target"
articles=${ARTICLES:-100000}
seed=${SEED:-42}
rounds=${ROUNDS:-30}
db=${BENCH_DB:-tribune_bench}
port=${BENCH_PORT:-18190}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
[ -n "${PGPASSWORD:-}" ] && jdbc="$jdbc&password=$PGPASSWORD"

say() { printf '\n== %s\n' "$*"; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "Building the WAR and the benchmark (mvn -Pbench package)"
  (cd "$root" && mvn -B -q -Pbench -DskipTests package)
fi
classpath="$target/search-bench.jar:$target/lib/*"

say "Fresh database $db on $PGHOST:$PGPORT"
dropdb --if-exists "$db"
createdb "$db"

server_pid=
run_dir=$(mktemp -d /tmp/tribune-bench.XXXXXX)
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
cleanup() {
  stop_server
  if [ "${KEEP_DB:-0}" != 1 ]; then dropdb --if-exists "$db" || true; fi
  rm -rf "$run_dir"
}
trap cleanup EXIT

start_server() {
  # A production-like JVM (no test options), the WAR exactly as built, settings by environment only.
  (cd "$run_dir" && TRIBUNE_DB_URL="$jdbc" TRIBUNE_DATA_DIR="$run_dir/data" \
    exec java -Xmx1g -jar "$target/payara-micro.jar" --nocluster --disablephonehome \
      --port "$port" --contextroot / --deploy "$root/web-module/target/tribune.war" \
      > "$target/payara-$1.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 180); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ]; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "Payara Micro exited: see $target/payara-$1.log"; exit 1; }
    sleep 1
  done
  echo "No 200 from / after 180 s: see $target/payara-$1.log"
  exit 1
}

say "First start: Flyway creates the schema (and the demo articles)"
start_server migrate
stop_server

say "Generating $articles articles"
gen_start=$(date +%s)
java -cp "$classpath" org.tribune.bench.search.Generate "$jdbc" "$articles" "$seed" | tee "$target/generate.log"
gen_seconds=$(( $(date +%s) - gen_start ))
psql -d "$db" -Atc "SELECT 'articles: ' || COUNT(*) FROM articles_article" | tee -a "$target/generate.log"
psql -d "$db" -Atc "SELECT 'index rows: ' || COUNT(*) FROM articles_search_term" | tee -a "$target/generate.log"
psql -d "$db" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size('$db'))" | tee -a "$target/generate.log"

say "Second start, on the filled database"
start_server bench

say "Measuring: 1 client, then 4 clients"
java -cp "$classpath" org.tribune.bench.search.Measure "http://127.0.0.1:$port" "$rounds" 1 "$target/measure-1.md"
java -cp "$classpath" org.tribune.bench.search.Measure "http://127.0.0.1:$port" "$rounds" 4 "$target/measure-4.md"
stop_server

say "Query plans of the search (the statements SearchIndex runs: the page, then the count)"
plan() {
  # $1: first term, $2: joined term or empty
  local from="FROM articles_search_term t0"
  local score="t0.weight"
  if [ -n "$2" ]; then
    from="$from JOIN articles_search_term t1 ON t1.article_id = t0.article_id AND t1.term = '$2'"
    score="$score + t1.weight"
  fi
  from="$from WHERE t0.term = '$1' AND t0.listed_from <= now()"
  echo "### $1 $2"
  psql -d "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT t0.article_id $from
    ORDER BY $score DESC, t0.listed_from DESC, t0.article_id DESC LIMIT 12 OFFSET 0"
  psql -d "$db" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) $from"
}
{ plan commune; plan commune comete; plan conseil municipal; } | tee "$target/plan.txt"

{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Software: $(java -version 2>&1 | head -1), $(psql -d "$db" -Atc 'SHOW server_version' 2>/dev/null || echo PostgreSQL), Payara Micro $(unzip -p "$target/payara-micro.jar" META-INF/maven/fish.payara.extras/payara-micro/pom.properties 2>/dev/null | sed -n 's/^version=//p')"
  echo "Command: ARTICLES=$articles SEED=$seed ROUNDS=$rounds bench/search/run.sh"
  echo "Generation: ${gen_seconds} s"
  echo
  cat "$target/generate.log"
  echo
  echo "### 1 client"
  cat "$target/measure-1.md"
  echo
  echo "### 4 clients"
  cat "$target/measure-4.md"
} > "$target/report.md"
say "Report: $target/report.md"
