#!/usr/bin/env bash
# Writes the markdown report of a bench/run summary: bench/report.sh SUMMARY.json [S-SUMMARY.json]
# For an L run, the S summary (default: bench/target/latest-S-<db>/summary.json) gives the
# "within 1.5x of S" comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
summary=$1
db=$(jq -r .db "$summary")
s_summary=${2:-$here/target/latest-S-$db/summary.json}
[ "$(jq -r .size "$summary")" = L ] && [ -f "$s_summary" ] || s_summary=/dev/null

jq -r --slurpfile s <(cat "$s_summary" 2> /dev/null || true) '
  def r1: . * 10 | round / 10;
  def r2: . * 100 | round / 100;
  def yes(c): if c then "met" else "**not met**" end;
  def errs: .errors | (.connect + .read + .write + .status + .timeout);
  . as $x
  | ($x.scenarios.limit.rps // null) as $limit
  | ($s[0].scenarios // null) as $small
  | "# Benchmark: \($x.size) on \($x.db), revision \($x.revision)",
    "",
    "- Date: \($x.date)",
    "- Machine: \($x.machine); load generator (wrk, \($x.threads) threads, \($x.connections) connections) on the same machine",
    "- Load average (1/5/15 min) before each phase: \($x.loadBefore | join("; ")); after: \($x.loadAfter | join("; "))",
    "- Software: \($x.java), Payara Micro \($x.payara), JVM options \($x.java_opts // "-Xmx384m -XX:+UseSerialGC")",
    "- Command: `\($x.command)`",
    "- Limit page: \($x.limitPage.htmlBytes // "?") bytes of HTML, \($x.limitPage.gzipBytes // "?") gzipped (`gzip -9`), nginx answered with Content-Encoding \($x.limitPage.encoding // "?")",
    "",
    "| Scenario | Requests/s | Ratio to the limit | p50 ms | p90 ms | p99 ms | Bytes/response | Errors | Target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ( ["home", "article", "section", "search", "feed", "more", "rendered", "big", "big-rendered", "limit", "mixed"][] as $n
      | $x.scenarios[$n] // empty
      | . as $w
      | (if $limit then ($w.rps / $limit * 100 | if . >= 10 then round else r2 end | tostring) + " %" else "—" end) as $ratio
      | (if $n == "home" or $n == "article" or $n == "section" then
           "≥ 50 % of the limit, p99 ≤ 50 ms: " + yes(($limit != null and $w.rps >= 0.5 * $limit) and $w.p99ms <= 50)
             + (if $small and $small[$n] then "; p99 vs S: " + ($w.p99ms / $small[$n].p99ms | r2 | tostring) + "× (≤ 1.5×: " + yes($w.p99ms <= 1.5 * $small[$n].p99ms) + ")" else "" end)
         elif $n == "search" then
           (if $x.size == "L" then "p99 ≤ 200 ms: " + yes($w.p99ms <= 200) else "(L: p99 ≤ 200 ms)" end)
         elif $n == "big" then
           "as fast as the 200-comment page: p99 " + ($w.p99ms / $x.scenarios.article.p99ms | r2 | tostring) + "× (≤ 1.1×: " + yes($w.p99ms <= 1.1 * $x.scenarios.article.p99ms) + ")"
         elif $n == "big-rendered" then
           "rendered each time, vs the 200-comment page rendered: p99 " + ($w.p99ms / $x.scenarios.rendered.p99ms | r2 | tostring) + "×, requests/s " + ($w.rps / $x.scenarios.rendered.rps | r2 | tostring) + "×"
         elif $n == "rendered" then "the article page rendered for each request (cache bypassed)"
         elif $n == "limit" then "nginx, static, gzip_static"
         else "" end) as $target
      | "| \($n) | \($w.rps | r1) | \($ratio) | \($w.p50ms | r1) | \($w.p90ms | r1) | \($w.p99ms | r1) | \($w.bytesPerRequest) | \($w | errs) | \($target) |"
    ),
    "",
    ( $x.posting as $p
      | if $p then
          "- Comment posting (\($p.workers) visitors, \($p.seconds) s): **\($p.acceptedPerSecond) accepted comments/s** (\($p.approved) published, \($p.held) held; \($p.rateLimited) rate-limited, \($p.refused) refused, \($p.failed) failed), p50 \($p.p50ms) ms, p99 \($p.p99ms) ms. Target ≥ 300/s: " + yes($p.acceptedPerSecond >= 300) + (if $p.lastProblem != "" then " (last problem: \($p.lastProblem))" else "" end)
        else "- Comment posting: not run" end ),
    ( $x.fresh as $f
      | if $f and $f.visibleMs != null then "- A new approved comment shown to anonymous readers after **\($f.visibleMs) ms** (\($f.polls) polls). Target ≤ 1 s: " + yes($f.visibleMs <= 1000)
        else "- Freshness: **not met** (\($f.problem // "not run"))" end ),
    "- Start to the first 200 of the home page: **\($x.startSeconds) s** (first start on an empty database: \($x.firstStartSeconds) s). Target ≤ 15 s: " + yes($x.startSeconds <= 15),
    ( $x.rssMb as $m
      | if $m.early then
          "- Resident memory under mixed load (\($x.mixedSeconds) s): \($m.early) MB at 2/5 of it, \($m.late) MB at the end, \($m.max) MB at most (\($m.afterStart) MB after start). Target ≤ 600 MB: " + yes($m.max <= 600) + "; flat (≤ 5 % growth): " + yes($m.late <= $m.early * 1.05)
        else "- Resident memory: \($m.afterStart) MB after start, \($m.end) MB at the end (no mixed phase)" end ),
    ( if $x.mixedPosting then "- During the mixed load, 2 visitors posted \($x.mixedPosting.acceptedPerSecond) comments/s." else empty end )
' "$summary"
