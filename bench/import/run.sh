#!/usr/bin/env bash
# Import benchmark: generates a WordPress export (WXR) of ARTICLES posts and COMMENTS comments,
# imports it into a fresh Tribune on Payara Micro through POST /api/admin/import/wxr, and reports
# the import's wall time, the heap (from the GC log) and the process's peak RSS; then imports the
# same file again (nothing new: the time of an idempotent re-run). See README.md.
#
#   bench/import/run.sh                                  # 10 000 / 200 000, H2
#   DB=postgres bench/import/run.sh                      # on a fresh PostgreSQL database
#   ARTICLES=1000 COMMENTS=20000 bench/import/run.sh     # a quick try
#
# Settings (environment): ARTICLES (10000), COMMENTS (200000), SEED (42), DB (h2 | postgres),
# HEAP (512m: -Xmx), BENCH_PORT (18191), BENCH_DB (tribune_import_bench), PGHOST (127.0.0.1),
# PGPORT (5432), PGUSER (postgres), RERUN (1: import the file a second time), PROFILE (0; 1: a JFR
# recording of the first import, its hottest frames in the report), KEEP (0; 1: keep the data
# folder / database and the server log), SKIP_BUILD (0), TARGET_SECONDS (120), TARGET_HEAP_MB (512),
# JAVA_OPTS (none; e.g. the run command's -XX:+UseSerialGC, with HEAP=384m), POST_SECONDS (0; then
# comments are posted to an imported article for that long after the imports, POST_RATE a second:
# the embedded database's size while a site takes comments), POST_RATE (10), TARGET_SPACE_RATIO (3),
# RESTORE (1: after the imports, export the site as JSON with its media archive and restore it in
# place through POST /api/admin/import/json?replace=true, timed against the first import;
# target: within TARGET_RESTORE_RATIO, 2, times its time; then SETTLE_SECONDS, 30, of watching the
# data folder), SNAPSHOT (1: then a snapshot through POST /api/admin/backups, timed, while a reader
# asks an article page again and again; its latencies compared with LATENCY_SECONDS, 10, of the
# same reading just before; target: under a minute).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target="$here/target"
articles=${ARTICLES:-10000}
comments=${COMMENTS:-200000}
seed=${SEED:-42}
db_kind=${DB:-h2}
heap=${HEAP:-512m}
port=${BENCH_PORT:-18191}
db=${BENCH_DB:-tribune_import_bench}
rerun=${RERUN:-1}
profile=${PROFILE:-0}
target_seconds=${TARGET_SECONDS:-120}
target_heap_mb=${TARGET_HEAP_MB:-512}
post_seconds=${POST_SECONDS:-0}
post_rate=${POST_RATE:-10}
target_space_ratio=${TARGET_SPACE_RATIO:-3}
restore=${RESTORE:-1}
snapshot=${SNAPSHOT:-1}
target_restore_ratio=${TARGET_RESTORE_RATIO:-2}
admin=admin@example.org
password=bench-import-$RANDOM$RANDOM
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

say() { printf '\n== %s\n' "$*" >&2; }
mkdir -p "$target"
run_id="$db_kind-$articles-$comments"
out="$target/$run_id"
rm -rf "$out"
mkdir -p "$out"

# --- Build -------------------------------------------------------------------------------------
war=${WAR:-$root/web-module/target/tribune.war}
suite_cp="$root/bench/suite/target/suite-bench.jar:$root/bench/suite/target/lib/*"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "Building the WAR and the benchmark tools (mvn -B -q -Pbench -DskipTests package)"
  (cd "$root" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true package)
fi
[ -f "$war" ] || { echo "No WAR at $war (build it, or drop SKIP_BUILD)" >&2; exit 1; }

payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$root/pom.xml" | head -1)
micro="$target/payara-micro-$payara_version.jar"
if [ ! -f "$micro" ]; then
  cached="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
  if [ -f "$cached" ]; then
    cp "$cached" "$micro"
  else
    say "Fetching Payara Micro $payara_version"
    (cd "$target" && mvn -B -q dependency:copy \
      -Dartifact="fish.payara.extras:payara-micro:$payara_version" -DoutputDirectory="$target")
  fi
fi

# --- The file ----------------------------------------------------------------------------------
# Cached by size, seed and the generator's own text (a change to the generator makes a new file).
gen_hash=$(sha256sum "$here/GenerateWxr.java" | cut -c1-10)
wxr="$target/wxr-$articles-$comments-$seed-$gen_hash.xml"
if [ ! -f "$wxr" ]; then
  rm -f "$target"/wxr-*.xml # one file at a time: they are large
  say "Generating $wxr"
  java -Xmx256m "$here/GenerateWxr.java" "$wxr.part" "$articles" "$comments" "$seed" \
    | tee "$target/generate-$articles-$comments-$seed.log"
  mv "$wxr.part" "$wxr"
fi
file_bytes=$(stat -c %s "$wxr")

# --- Server ------------------------------------------------------------------------------------
run_dir=$(mktemp -d /tmp/tribune-import-bench.XXXXXX)
gc_log="$out/gc.log"
server_log="$out/payara.log"
server_pid=
jdbc=
if [ "$db_kind" = postgres ]; then
  jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
  [ -n "${PGPASSWORD:-}" ] && jdbc="$jdbc&password=$PGPASSWORD"
  say "Fresh database $db on $PGHOST:$PGPORT"
  dropdb --if-exists "$db"
  createdb "$db"
elif [ "$db_kind" != h2 ]; then
  echo "DB must be h2 or postgres" >&2
  exit 2
fi

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
cleanup() {
  stop_server
  if [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$run_dir"
    if [ "$db_kind" = postgres ]; then dropdb --if-exists "$db" || true; fi
  else
    echo "Kept: $run_dir${jdbc:+ and database $db}" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jfr_options=
# JFR keeps 64 frames by default: too few for EclipseLink under Weld and the servlet filters.
[ "$profile" = 1 ] && jfr_options="-XX:FlightRecorderOptions:stackdepth=512"
say "Starting Payara Micro ($db_kind, -Xmx$heap) on port $port"
start_epoch=$(date +%s)
# A production-like JVM (no test options), the WAR as built, settings by environment only.
# Comments posted by the benchmark (POST_SECONDS) are published at once, at the benchmark's pace.
(cd "$run_dir" && exec env TRIBUNE_ADMIN_PASSWORD="$password" TRIBUNE_DEMO_CONTENT=false \
  TRIBUNE_COMMENTS_MODERATION=approve-all TRIBUNE_COMMENTS_MIN_FORM_SECONDS=0 \
  TRIBUNE_COMMENTS_RATE_LIMIT=100000 \
  TRIBUNE_DATA_DIR="$run_dir/data" ${jdbc:+TRIBUNE_DB_URL="$jdbc"} \
  java "-Xmx$heap" ${JAVA_OPTS:-} "-Xlog:gc*:file=$gc_log:uptime,level,tags" $jfr_options \
    -jar "$micro" --nocluster --disablephonehome --port "$port" --contextroot / \
    --deploy "$war" > "$server_log" 2>&1) &
server_pid=$!
base="http://127.0.0.1:$port"
up=
for _ in $(seq 1 240); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ]; then up=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "Payara Micro exited: see $server_log" >&2; exit 1; }
  sleep 1
done
[ -n "$up" ] || { echo "No 200 from /health after 240 s: see $server_log" >&2; exit 1; }
# Ready when the site answers too (the health check may be up before the first page is).
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/")" = 200 ] && break
  sleep 1
done
echo "Up after $(( $(date +%s) - start_epoch )) s" >&2

status_kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0; }
log_lines() { wc -l < "$1" 2>/dev/null || echo 0; }

# Samples RSS every second while an import runs (VmHWM gives the peak; this gives the shape), and
# the size of the data folder in bytes (H2; 0 on PostgreSQL).
# The data folder without its snapshots (backups/): the database and the media.
data_bytes() { [ "$db_kind" = h2 ] && du -sb --exclude=backups "$run_dir/data" 2>/dev/null | cut -f1 || echo 0; }
sample_rss() {
  while kill -0 "$server_pid" 2>/dev/null; do
    printf '%s %s %s\n' "$(date +%s)" "$(status_kb VmRSS)" "$(data_bytes)"
    sleep 1
  done
}

# One import: $1 = label. Leaves $out/import-$1.json, .time, and the GC and server-log windows.
do_import() {
  local label=$1 gc_from log_from code t0 t1
  gc_from=$(log_lines "$gc_log")
  log_from=$(log_lines "$server_log")
  if [ "$profile" = 1 ] && [ "$label" = first ]; then
    jcmd "$server_pid" JFR.start name=import settings=profile filename="$out/import.jfr" > /dev/null
  fi
  sample_rss > "$out/rss-$label.txt" &
  local sampler=$!
  say "Import ($label): POST $(( file_bytes / 1000000 )) MB to /api/admin/import/wxr (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load-before-$label.txt"
  t0=$(date +%s.%N)
  code=$(curl -sS -o "$out/import-$label.json" -w '%{http_code}' --max-time 3600 \
    -u "$admin:$password" -H 'Content-Type: application/xml' -H 'Expect:' \
    --data-binary @"$wxr" "$base/api/admin/import/wxr") || code="curl-failed($?)"
  t1=$(date +%s.%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load-after-$label.txt"
  if [ "$profile" = 1 ] && [ "$label" = first ]; then
    jcmd "$server_pid" JFR.stop name=import > /dev/null || true
  fi
  echo "$code" > "$out/import-$label.status"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", b - a}' > "$out/import-$label.time"
  tail -n +"$((gc_from + 1))" "$gc_log" > "$out/gc-$label.log"
  tail -n +"$((log_from + 1))" "$server_log" > "$out/payara-$label.log"
  echo "HTTP $code in $(cat "$out/import-$label.time") s" >&2
}

do_import first
hwm_first_kb=$(status_kb VmHWM)
if [ "$rerun" = 1 ]; then
  do_import again
fi

# The site exported as JSON with its media archive, then restored in its own place: the whole
# backup-and-restore path of issue 24, timed against the first import.
if [ "$restore" = 1 ]; then
  say "JSON export and media archive"
  t0=$(date +%s.%N)
  curl -sS -f -u "$admin:$password" -o "$out/export.json" "$base/api/admin/export/json"
  t1=$(date +%s.%N)
  curl -sS -f -u "$admin:$password" -o "$out/media.zip" "$base/api/admin/export/media"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", b - a}' > "$out/export.time"
  sample_rss > "$out/rss-restore.txt" &
  sampler=$!
  say "Restore: POST $(( $(stat -c %s "$out/export.json") / 1000000 )) MB to /api/admin/import/json?replace=true"
  log_from=$(log_lines "$server_log")
  t0=$(date +%s.%N)
  code=$(curl -sS -o "$out/restore.json" -w '%{http_code}' --max-time 3600 -u "$admin:$password" \
    -H 'Expect:' -F "export=@$out/export.json;type=application/json" \
    -F "media=@$out/media.zip;type=application/zip" \
    "$base/api/admin/import/json?replace=true") || code="curl-failed($?)"
  t1=$(date +%s.%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "$code" > "$out/restore.status"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", b - a}' > "$out/restore.time"
  tail -n +"$((log_from + 1))" "$server_log" > "$out/payara-restore.log"
  echo "HTTP $code in $(cat "$out/restore.time") s" >&2
  # The restore is one transaction: H2 keeps the former site and the undo log until it commits.
  # What the housekeeping makes of that afterwards, while nothing else happens:
  sample_rss > "$out/rss-settle.txt" &
  sampler=$!
  sleep "${SETTLE_SECONDS:-30}"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
fi

# A snapshot of the imported site (issue 24: under a minute, readers not held up): one reader asks
# an article page in a loop, LATENCY_SECONDS alone, then during the snapshot.
read_pages() { # $1: path, $2: output file; until $out/stop-reading exists (its request ends first)
  while [ ! -f "$out/stop-reading" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base$1" >> "$2" || echo "000 0" >> "$2"
  done
}
latency_line() { # $1: file -> "N requests, p50 X ms, p99 Y ms, max Z ms, non-200 W"
  sort -k2 -n "$1" | awk '{t[NR] = $2 * 1000; if ($1 != 200) bad++} END {
    if (NR == 0) {print "no request"; exit}
    p50 = int(NR * 0.5) + 1; if (p50 > NR) p50 = NR
    p99 = int(NR * 0.99) + 1; if (p99 > NR) p99 = NR
    printf "%d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms, non-200 %d", NR, t[p50], t[p99], t[NR], bad + 0}'
}
if [ "$snapshot" = 1 ]; then
  page_path=$(curl -s "$base/" | grep -o 'href="/articles/[^"/?#]*"' | head -1 | sed 's:href="::; s:"$::')
  : > "$out/latency-before.txt"
  rm -f "$out/stop-reading"
  read_pages "$page_path" "$out/latency-before.txt" &
  reader=$!
  sleep "${LATENCY_SECONDS:-10}"
  touch "$out/stop-reading"; wait "$reader" 2>/dev/null || true
  rm -f "$out/stop-reading"
  : > "$out/latency-during.txt"
  read_pages "$page_path" "$out/latency-during.txt" &
  reader=$!
  say "Snapshot: POST /api/admin/backups while a reader asks $page_path"
  log_from=$(log_lines "$server_log")
  t0=$(date +%s.%N)
  code=$(curl -sS -o "$out/snapshot.json" -w '%{http_code}' --max-time 3600 -u "$admin:$password" \
    -X POST "$base/api/admin/backups") || code="curl-failed($?)"
  t1=$(date +%s.%N)
  touch "$out/stop-reading"; wait "$reader" 2>/dev/null || true
  tail -n +"$((log_from + 1))" "$server_log" > "$out/payara-snapshot.log"
  echo "$code" > "$out/snapshot.status"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", b - a}' > "$out/snapshot.time"
  echo "HTTP $code in $(cat "$out/snapshot.time") s" >&2
fi

# Comments posted at a steady pace to the imported article with the most comments shown first on
# the home page (POST_SECONDS): what the embedded database's file does while a site is used.
if [ "$post_seconds" != 0 ]; then
  [ -f "$root/bench/suite/target/suite-bench.jar" ] \
    || { echo "POST_SECONDS needs bench/suite built (mvn -Pbench -DskipTests package)" >&2; exit 1; }
  slug=$(curl -s "$base/" | grep -o 'href="/articles/[^"/?#]*"' | head -1 | sed 's:.*/articles/::; s:"$::')
  [ -n "$slug" ] || { echo "No article on the home page to post to" >&2; exit 1; }
  sample_rss > "$out/rss-posting.txt" &
  sampler=$!
  say "Posting $post_rate comments a second to /articles/$slug for $post_seconds s"
  java -cp "$suite_cp" org.tribune.bench.suite.PostComments rate "$base" "$slug" "$post_rate" \
    "$post_seconds" | tee "$out/posting.json" >&2
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
fi
hwm_kb=$(status_kb VmHWM)
rss_end_kb=$(status_kb VmRSS)

size_of_data() {
  if [ "$db_kind" = postgres ]; then
    psql -d "$db" -Atc "SELECT pg_size_pretty(pg_database_size('$db'))"
  else
    du -sh "$run_dir/data" | cut -f1
  fi
}
data_size=$(size_of_data)

# Counts in the database itself (H2 is locked by the server: PostgreSQL only).
db_counts=
if [ "$db_kind" = postgres ]; then
  db_counts=$(psql -d "$db" -Atc "SELECT 'articles ' || (SELECT COUNT(*) FROM articles_article)
    || ', comments ' || (SELECT COUNT(*) FROM comments_comment)" 2>/dev/null || echo "(count failed)")
fi
stop_server

# The embedded database compacted (H2's SHUTDOWN COMPACT, on a copy): what the data folder holds,
# the size it is measured against. Largest size seen while the server ran, from the samples.
compacted_bytes=0
largest_bytes=0
if [ "$db_kind" = h2 ]; then
  after_stop_bytes=$(data_bytes)
  largest_bytes=$(cat "$out"/rss-*.txt 2>/dev/null | awk -v m="$after_stop_bytes" '$3 > m {m = $3} END {print m}')
  h2_version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' "$root/pom.xml" | head -1)
  h2_jar="$HOME/.m2/repository/com/h2database/h2/$h2_version/h2-$h2_version.jar"
  copy=$(mktemp -d /tmp/tribune-import-compact.XXXXXX)
  cp -r "$run_dir/data/." "$copy/"
  rm -rf "$copy/backups"
  if java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$copy/tribune" -user "" -password "" \
      -sql "SHUTDOWN COMPACT" > "$out/compact.log" 2>&1; then
    compacted_bytes=$(du -sb "$copy" | cut -f1)
  fi
  rm -rf "$copy"
fi
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }
space_line() { # $1: samples file -> "largest X, at the end Y"
  awk '$3 > m {m = $3} {last = $3} END {printf "%.1f MB at most, %.1f MB at the end", m / 1e6, last / 1e6}' "$1"
}

# --- Figures -----------------------------------------------------------------------------------
# G1's pause lines: "[12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 12.3ms"
gc_stats() { # $1: GC log (window) -> "pauses before_max after_max total_pause_ms full_gcs floor"
  # floor: the highest, over 20-second windows, of the lowest heap after a GC in the window: an
  # estimate of the live data (a young GC's "after" still counts old garbage not yet collected).
  awk '
    /\[gc *\] GC\([0-9]+\) Pause/ {
      if (match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/)) {
        s = substr($0, RSTART, RLENGTH); split(s, p, /M->|M\(|M\)/)
        if (p[1] + 0 > before) before = p[1] + 0
        if (p[2] + 0 > after) after = p[2] + 0
        t = $1; gsub(/[^0-9.]/, "", t); w = int(t / 20)
        if (!(w in low) || p[2] + 0 < low[w]) low[w] = p[2] + 0
      }
      if (match($0, /[0-9.]+ms$/)) ms += substr($0, RSTART, RLENGTH - 2)
      n++
      if ($0 ~ /Pause Full/) full++
    }
    END {
      for (w in low) if (low[w] > floor) floor = low[w]
      printf "%d %d %d %.0f %d %d\n", n, before, after, ms, full, floor
    }' "$1"
}
json() { # $1: file, $2: jq filter
  jq -r "$2" "$1" 2>/dev/null || echo "?"
}
count_line() { # $1: label, $2: kind
  local f="$out/import-$1.json"
  json "$f" ".counts[\"$2\"] // {} | \"imported \(.imported // 0), updated \(.updated // 0), unchanged \(.unchanged // 0), skipped \(.skipped // 0)\""
}
server_problems() { # $1: server log window -> count of SEVERE/WARNING records and Java exceptions
  local sev warn exc
  sev=$(grep -c 'SEVERE' "$1" || true)
  warn=$(grep -c 'WARNING' "$1" || true)
  exc=$(grep -cE '^[a-zA-Z_.$]+(Exception|Error)(:|$)' "$1" || true)
  oom=$(grep -c 'OutOfMemoryError' "$1" || true)
  echo "SEVERE $sev, WARNING $warn, exception lines $exc, OutOfMemoryError $oom"
}

read -r pauses before_mb after_mb pause_ms full_gcs floor_mb < <(gc_stats "$out/gc-first.log")
read -r all_pauses all_before_mb all_after_mb all_pause_ms all_full all_floor < <(gc_stats "$gc_log")
first_time=$(cat "$out/import-first.time")
first_status=$(cat "$out/import-first.status")
state=$(json "$out/import-first.json" '.state')
meets_time=$(awk -v t="$first_time" -v max="$target_seconds" 'BEGIN {print (t < max) ? "yes" : "no"}')
meets_heap=$([ "$after_mb" -lt "$target_heap_mb" ] && [ "$full_gcs" = 0 ] \
  && ! grep -q OutOfMemoryError "$out/payara-first.log" && echo yes || echo no)
[ "$state" = completed ] || { meets_time=no; }

report="$target/report.md"
{
  echo "# Import benchmark: $articles articles, $comments comments, $db_kind"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -m | awk '/Mem:/ {print $2 " MB RAM, " $7 " MB available"}')"
  echo "- Load average before / after the first import: $(cat "$out/load-before-first.txt") / $(cat "$out/load-after-first.txt")"
  echo "- Software: $(java -version 2>&1 | head -1), Payara Micro $payara_version$([ "$db_kind" = postgres ] && echo ", PostgreSQL $(psql -d postgres -Atc 'SHOW server_version' 2>/dev/null)"), WAR built $(date -u -r "$war" '+%Y-%m-%d %H:%M UTC') at $(git -C "$root" log -1 --format='%h %s' 2>/dev/null | cut -c1-80)"
  echo "- Command: \`ARTICLES=$articles COMMENTS=$comments SEED=$seed DB=$db_kind HEAP=$heap${JAVA_OPTS:+ JAVA_OPTS='$JAVA_OPTS'} bench/import/run.sh\`; JVM: \`-Xmx$heap ${JAVA_OPTS:+$JAVA_OPTS }-Xlog:gc*\`, collector ($(grep -m1 -o 'Using [A-Za-z0-9 ]*' "$gc_log" || echo '?'))"
  echo "- File: $(basename "$wxr"), $file_bytes bytes ($(awk -v b="$file_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB)"
  echo
  echo "## First import (into an empty site)"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| HTTP status, state | $first_status, $state$(json "$out/import-first.json" 'if .error then " (" + .error.code + ": " + .error.message + ")" else "" end') |"
  echo "| Wall time (curl POST, upload included) | **$first_time s** (target < $target_seconds s: $meets_time) |"
  echo "| Throughput | $(awk -v t="$first_time" -v a="$articles" -v c="$comments" -v b="$file_bytes" 'BEGIN {if (t > 0) printf "%.0f articles/s, %.0f comments/s, %.1f MB/s", a / t, c / t, b / 1e6 / t}') |"
  echo "| Articles | $(count_line first articles) |"
  echo "| Comments | $(count_line first comments) |"
  echo "| Sections, tags, authors | $(json "$out/import-first.json" '[.counts.sections.imported, .counts.tags.imported, .counts.authors.imported] | map(tostring) | join(", ")') imported |"
  echo "| Other kinds in the report | $(json "$out/import-first.json" '.counts | to_entries | map(select(.key | IN("articles","comments","sections","tags","authors") | not)) | map(.key + ": " + (.value | tostring)) | join("; ") | if . == "" then "none" else . end') |"
  echo "| Skipped / warnings listed | $(json "$out/import-first.json" '"\(.skipped | length) (+\(.skippedUnlisted)) / \(.warnings | length) (+\(.warningsUnlisted))"') |"
  echo "| Heap after GC, max (during the import) | **$after_mb MB** (target < $target_heap_mb MB: $meets_heap) |"
  echo "| Heap before GC, max (during the import) | $before_mb MB |"
  echo "| Live data, estimated (highest 20-s floor of the heap after GC) | $floor_mb MB |"
  echo "| GC pauses during the import | $pauses, $pause_ms ms in all, $full_gcs full |"
  echo "| Peak RSS of the JVM (VmHWM, whole run) after the first import | $((hwm_first_kb / 1024)) MB |"
  echo "| Server log during the import | $(server_problems "$out/payara-first.log") |"
  echo
  if [ "$rerun" = 1 ]; then
    echo "## Second import of the same file (nothing new)"
    echo
    read -r p2 b2 a2 ms2 f2 fl2 < <(gc_stats "$out/gc-again.log")
    echo "| | |"
    echo "|---|---|"
    echo "| HTTP status, state | $(cat "$out/import-again.status"), $(json "$out/import-again.json" '.state') |"
    echo "| Wall time | **$(cat "$out/import-again.time") s** |"
    echo "| Articles | $(count_line again articles) |"
    echo "| Comments | $(count_line again comments) |"
    echo "| Heap after / before GC, max; live estimate | $a2 MB / $b2 MB ($p2 pauses, $f2 full); $fl2 MB |"
    echo "| Server log during the import | $(server_problems "$out/payara-again.log") |"
    echo
  fi
  if [ "$restore" = 1 ]; then
    restore_ratio=$(awk -v r="$(cat "$out/restore.time")" -v i="$first_time" 'BEGIN {if (i > 0) printf "%.2f", r / i; else print "?"}')
    echo "## JSON restore of the imported site, in its place"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| Export: JSON document, media archive | $(cat "$out/export.time") s for $(mb "$(stat -c %s "$out/export.json")"); $(mb "$(stat -c %s "$out/media.zip")") |"
    echo "| HTTP status, state | $(cat "$out/restore.status"), $(json "$out/restore.json" 'if .error then .state + " (" + .error.code + ": " + .error.message + ")" else .state end') |"
    echo "| Wall time (curl POST, upload included) | **$(cat "$out/restore.time") s**, $restore_ratio× the first import (target ≤ $target_restore_ratio×: $(awk -v r="$restore_ratio" -v t="$target_restore_ratio" 'BEGIN {print (r != "?" && r + 0 <= t) ? "yes" : "no"}')) |"
    echo "| Restored | $(json "$out/restore.json" '.counts | to_entries | map(.key + " " + (.value.imported | tostring)) | join(", ")') |"
    echo "| Server log during the restore | $(server_problems "$out/payara-restore.log") |"
    echo
  fi
  if [ "$snapshot" = 1 ]; then
    echo "## A snapshot of the site (POST /api/admin/backups)"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| HTTP status | $(cat "$out/snapshot.status"): $(cat "$out/snapshot.json" | cut -c1-200) |"
    echo "| Wall time | **$(cat "$out/snapshot.time") s** (target < 60 s: $(awk -v t="$(cat "$out/snapshot.time")" 'BEGIN {print (t + 0 < 60) ? "yes" : "no"}')) |"
    echo "| One reader, ${LATENCY_SECONDS:-10} s before | $(latency_line "$out/latency-before.txt") |"
    echo "| The same reader during the snapshot | $(latency_line "$out/latency-during.txt") |"
    echo "| Server log during the snapshot | $(server_problems "$out/payara-snapshot.log") |"
    echo
  fi
  echo "## Whole run"
  echo
  echo "- Peak RSS (VmHWM): $((hwm_kb / 1024)) MB; RSS at the end: $((rss_end_kb / 1024)) MB"
  echo "- GC over the whole run: $all_pauses pauses, $all_pause_ms ms, max heap after GC $all_after_mb MB, before GC $all_before_mb MB, $all_full full"
  echo "- Data size after the imports: $data_size${db_counts:+ ($db_counts)}"
  if [ "$db_kind" = h2 ]; then
    ratio=$(awk -v a="$largest_bytes" -v c="$compacted_bytes" 'BEGIN {if (c > 0) printf "%.1f", a / c; else print "?"}')
    meets_space=$(awk -v r="$ratio" -v t="$target_space_ratio" 'BEGIN {print (r != "?" && r + 0 <= t) ? "yes" : "no"}')
    echo "- Data folder (H2, sampled every second): first import $(space_line "$out/rss-first.txt")$([ -f "$out/rss-again.txt" ] && echo "; second $(space_line "$out/rss-again.txt")")$([ -f "$out/rss-restore.txt" ] && echo "; JSON restore $(space_line "$out/rss-restore.txt"); the ${SETTLE_SECONDS:-30} s after it $(space_line "$out/rss-settle.txt")")$([ -f "$out/rss-posting.txt" ] && echo "; while comments were posted $(space_line "$out/rss-posting.txt")"); after the server stopped $(mb "$after_stop_bytes")"
    echo "- Compacted (SHUTDOWN COMPACT on a copy): $(mb "$compacted_bytes"); largest size seen / compacted: **$ratio×** (target ≤ $target_space_ratio×: $meets_space)"
  fi
  if [ -f "$out/posting.json" ]; then
    echo "- Posting ($post_rate a second for $post_seconds s): $(cat "$out/posting.json")"
  fi
  echo
  echo "## Skipped and warnings (first import, first 10 each)"
  echo
  echo '```'
  json "$out/import-first.json" '(.skipped[:10] + .warnings[:10])[] | "\(.kind) \(.id) \(.code): \(.reason)"'
  echo '```'
  if grep -qE 'SEVERE|WARNING' "$out/payara-first.log"; then
    echo
    echo "## Server log during the first import (first SEVERE/WARNING records)"
    echo
    echo '```'
    grep -E -A3 'SEVERE|WARNING' "$out/payara-first.log" | head -40
    echo '```'
  fi
  if [ -f "$out/import.jfr" ]; then
    echo
    echo "## Where the first import spends its time (JFR execution samples)"
    echo
    jfr print --stack-depth 512 --events jdk.ExecutionSample "$out/import.jfr" > "$out/samples.txt" 2>/dev/null || true
    echo '```'
    awk -v thread=http-thread-pool -f "$here/jfr-summary.awk" "$out/samples.txt"
    echo '```'
  fi
} > "$report"
cp "$report" "$out/report.md"
[ "${KEEP:-0}" = 1 ] || rm -f "$out/samples.txt"
cat "$report"
say "Report: $report (and the logs in $out)"
