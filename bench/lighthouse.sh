#!/usr/bin/env bash
# Front-end bench: page weight and Lighthouse scores of the public pages (issue 7).
#
#   bench/lighthouse.sh [--build] [--keep]
#
# Starts the built WAR (web-module/target/tribune.war; --build builds it first) on Payara Micro on
# a free port in 18450-18469, with its data in a fresh temporary folder and the demo content,
# imports one article with 200 approved comments (bench/frontend/discussion_wxr.py) through the
# WXR import API, then measures the home page, a section page and that article:
#   - bytes transferred (HTML + CSS + JS + icon, gzip accepted, headers included) by curl, and the
#     number of requests to other hosts (from Lighthouse's network log);
#   - Lighthouse performance / accessibility / best-practices / SEO, mobile and desktop presets.
# Everything is measured as the WAR serves it: pages gzipped by the page cache (org.tribune.web.cache;
# the script fetches each page once before measuring, so that it is kept), static files by
# org.tribune.web.assets.
# Needs: Debian's chromium, node and Lighthouse installed outside the repository:
#   mkdir -p /work/lh && (cd /work/lh && npm init -y && npm install -E lighthouse@12.8.2)
# (LIGHTHOUSE=/path/to/cli overrides /work/lh/node_modules/.bin/lighthouse). The measurement runs
# under flock /tmp/tribune-bench.lock. Reports go to a temporary folder printed at the end
# (removed unless --keep).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
war="$root/web-module/target/tribune.war"
lighthouse=${LIGHTHOUSE:-/work/lh/node_modules/.bin/lighthouse}
build=false
keep=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --keep) keep=true ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }
[ -x "$lighthouse" ] || { echo "no Lighthouse at $lighthouse (see the head of this script)" >&2; exit 1; }
if $build || [ ! -f "$war" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
fi
payara=${PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}
[ -f "$payara" ] || (cd "$root" && mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:6.2025.10)

work=$(mktemp -d /tmp/tribune-lighthouse.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if $keep; then echo "reports kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

port=
for p in $(seq 18450 18469); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port in 18450-18469" >&2; exit 1; }
base="http://127.0.0.1:$port"
password="bench-$(date +%s)-password"

cp "$payara" "$work/payara-micro.jar"
TRIBUNE_ADMIN_PASSWORD="$password" TRIBUNE_DATA_DIR="$work/data" \
  java -Xmx512m -jar "$work/payara-micro.jar" --nocluster --disablephonehome --port "$port" \
  --contextroot / --rootdir "$work/payara" --deploy "$war" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = 200 ] && break
  kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/")" = 200 ] || { echo "no 200 on $base/" >&2; exit 1; }

python3 "$root/bench/frontend/discussion_wxr.py" "$work/discussion.xml" 200 30
curl -sf -u "admin@example.org:$password" -H 'Content-Type: application/xml' \
  --data-binary @"$work/discussion.xml" "$base/api/admin/import/wxr" >"$work/import.json"
grep -q '"state":"completed"' "$work/import.json" || { cat "$work/import.json" >&2; exit 1; }

section=$(curl -s "$base/" | grep -o 'href="/sections/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
article=/articles/grand-debat-du-budget
declare -A pages=([home]=/ [section]="$section" [article]="$article")
order=(home section article)
comments=$(curl -s "$base$article" | grep -c 'class="comment-content' || true)
for name in "${order[@]}"; do curl -s -o /dev/null "$base${pages[$name]}"; done # into the page cache

# Bytes as a browser with an empty cache gets them: the page and every style sheet, script and
# icon it links (same host), gzip accepted, response headers included. Prints
# "total html-transferred html-uncompressed".
transfer() {
  local url=$1 total html raw n
  html=$(curl -s --compressed -o "$work/page.html" -w '%{size_download} %{size_header}' "$url" | awk '{print $1+$2}')
  raw=$(wc -c <"$work/page.html")
  total=$html
  for asset in $(grep -oE '(href|src)="/[^"]+\.(css|js|svg)"' "$work/page.html" | cut -d'"' -f2 | sort -u); do
    n=$(curl -s --compressed -o /dev/null -w '%{size_download} %{size_header}' "$base$asset" | awk '{print $1+$2}')
    total=$((total + n))
  done
  echo "$total $html $raw"
}

score() { # report.json -> "perf a11y bp seo bytes foreign-requests"
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, s = k => c[k] ? Math.round(c[k].score * 100) : "-";
    const host = new URL(r.finalDisplayedUrl).host;
    const reqs = (r.audits["network-requests"].details || {}).items || [];
    const foreign = reqs.filter(i => { try { return new URL(i.url).host !== host; } catch (e) { return false; } }).length;
    console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo"),
      r.audits["total-byte-weight"].numericValue, foreign].join(" "));
    const m = id => (r.audits[id].displayValue || "").replace(/\u00a0/g, " ");
    console.error(" " + ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
      "cumulative-layout-shift", "speed-index", "dom-size"].map(id => id + " " + m(id)).join(", ")
      + ", CPU benchmark index " + Math.round(r.environment.benchmarkIndex));
    for (const [k, cat] of Object.entries(c)) for (const ref of cat.auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 0.9) console.error("   " + k + ": " + ref.id + " " + a.score + " " + (a.displayValue || ""));
    }' "$1"
}

exec 9>/tmp/tribune-bench.lock
flock 9
echo "Tribune front-end bench — $(date -u '+%Y-%m-%d %H:%M UTC'), revision $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- web-module || echo '+changes'), $base, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "article: $article ($comments comments on its first page)"
echo "bytes: all transferred (page + CSS + JS + icon, headers included) / page transferred / page uncompressed"
echo "Lighthouse: performance/accessibility/best-practices/SEO (total byte weight it saw, requests to other hosts)"
printf '%-8s %-32s %-22s | %-36s | %-36s\n' page address bytes mobile desktop
flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for name in "${order[@]}"; do
  path=${pages[$name]}
  bytes=$(transfer "$base$path" | tr ' ' /)
  line=()
  for preset in mobile desktop; do
    extra=()
    [ "$preset" = desktop ] && extra=(--preset=desktop)
    "$lighthouse" "$base$path" "${extra[@]}" --quiet --output=json --output=html \
      --output-path="$work/$name-$preset" --chrome-flags="$flags --user-data-dir=$work/chrome-$name-$preset" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>"$work/$name-$preset.log" || true
    read -r perf a11y bp seo weight foreign < <(score "$work/$name-$preset.report.json" 2>"$work/$name-$preset.failing")
    line+=("$perf/$a11y/$bp/$seo (${weight} B, $foreign other hosts)")
  done
  printf '%-8s %-32s %-22s | %-36s | %-36s\n' "$name" "$path" "$bytes" "${line[0]}" "${line[1]}"
  for preset in mobile desktop; do
    if [ -s "$work/$name-$preset.failing" ]; then sed "s/^/  [$preset] /" "$work/$name-$preset.failing"; fi
  done
done
