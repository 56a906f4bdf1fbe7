#!/usr/bin/env bash
# Writes the markdown report of a bench/hot/run.sh summary: bench/hot/report.sh SUMMARY.json
set -euo pipefail

jq -r '
  def r1: . * 10 | round / 10;
  def r2: . * 100 | round / 100;
  def ms: if . == null then "—" elif . >= 100 then round | tostring else r1 | tostring end;
  def load1: split(" ")[0];
  . as $x
  | ($x.phases | map(select(.rate == 0)) | first // null) as $quiet
  | "# The hot article (issue 21) on \($x.db), revision \($x.revision)",
    "",
    "- Date: \($x.date)",
    "- Machine: \($x.machine); load generators (wrk, \($x.threads) threads, \($x.connections) connections; the commenters and the stranger, two JVMs) on the same machine",
    "- Load average (1/5/15 min) when the measuring began: \($x.loadBefore); at its end: \($x.loadAfter)",
    "- Software: \($x.java), Payara Micro \($x.payara), JVM options \($x.javaOpts)",
    "- Command: `\($x.command)`",
    "- Article: `\($x.article)`, \($x.comments) approved comments posted through its form before measuring (\($x.commentsOnFirstPage) on its first page), \($x.warmupPosts // 0) more during the warm-up, \($x.phases | last | .commentsAfter) at the end; \($x.phases[0].readers.bytesPerRequest // "?") bytes a response (gzip)",
    (if $x.limit then "- Through nginx as a shared cache (`cluster/nginx-cache.conf`): readers, commenters and the stranger all go through it. The limit, nginx serving the very bytes of the page with `gzip_static`: \($x.limit.rps | r1) req/s (p99 \($x.limit.p99ms | ms) ms); the quiet phase through the cache is \(if $quiet and $quiet.readers then ($quiet.readers.rps / $x.limit.rps | r2 | tostring) + "×" else "—" end) of it" else empty end),
    "- Each phase: \($x.duration) s of `wrk -t\($x.threads) -c\($x.connections) --timeout 10s` on the page (anonymous, gzip); commenters posting at the rate (open loop: a post every 1/rate s whatever the answers, 10 s timeout); a stranger posting a comment every \($x.strangerEvery) s and polling the page every 20 ms until it shows it (its posts come on top of the rate; none in the quiet phases)",
    "",
    "| comments/s | readers req/s | × quiet | p50 ms | p99 ms | max ms | errors / timeouts | posts accepted / intended | post p50 / p99 ms | new comment visible p50 / max ms | load (1 min) before → after |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ( $x.phases | to_entries[]
      | .key as $k
      | ([$x.phases[0:$k][] | select(.rate > 0)] | length > 0) as $after
      | .value
      | . as $p
      | .readers as $w
      | (if $w then ($w.errors.connect + $w.errors.read + $w.errors.write + $w.errors.status) else null end) as $errs
      | "| \(if $p.rate == 0 then (if $after then "0 (quiet, after)" else "0 (quiet)" end) else $p.rate end)\(if ($p.pollers // 0) > 0 then " + \($p.pollers) pollers" else "" end)"
        + " | \($w.rps // null | if . == null then "—" else r1 end)"
        + " | \(if $quiet and $quiet.readers and $w then ($w.rps / $quiet.readers.rps | r2 | tostring) + "×" else "—" end)"
        + " | \($w.p50ms | ms) | \($w.p99ms | ms) | \($w.maxms | ms)"
        + " | \($errs // "—") / \($w.errors.timeout // "—")"
        + " | \(if $p.commenters then "\($p.commenters.accepted) / \($p.commenters.intended) (\($p.commenters.accepted / ([$p.commenters.intended, 1] | max) * 100 | round) %)" else "—" end)"
        + " | \(if $p.commenters then "\($p.commenters.p50ms | ms) / \($p.commenters.p99ms | ms)" else "—" end)"
        + " | \(if $p.stranger then "\($p.stranger.p50ms | ms) / \($p.stranger.maxms | ms)" + (if $p.stranger.unseen > 0 then " (\($p.stranger.unseen) of \($p.stranger.probes) not seen in 10 s)" else " (\($p.stranger.probes) probes)" end) else "—" end)"
        + " | \($p.loadBefore | load1) → \($p.loadAfter | load1) |"
    ),
    "",
    (if ($x.pollers // 0) > 0 then
      "## Readers polling the discussion’s state",
      "",
      "Each rate three times, one phase after the other: without, with, and again without \($x.pollers) readers who keep the page open and poll `…/comments/state` every \($x.pollEvery) s ±20 % (`bench/suite` PollState: gzip, no cookie, `If-None-Match` with the tag of their last answer), \($x.pollers / $x.pollEvery | r1) req/s on top of the readers of the page. *Without* is the mean of the two phases around the one with them.",
      "",
      "| comments/s | readers req/s without (before, after) → with | with / without | readers p99 ms without (before, after) → with | polls req/s | polls 200 / 304 / other / failed / skipped | poll p50 / p99 / max ms |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      ( $x.phases | to_entries[] | select((.value.pollers // 0) > 0) | .key as $k | .value as $w
        | [ $x.phases[$k - 1, $k + 1] | select(. != null and .rate == $w.rate and (.pollers // 0) == 0 and .readers) ] as $around
        | select($around | length > 0)
        | ($around | map(.readers.rps) | add / length) as $worps
        | ($around | map(.readers.p99ms) | add / length) as $wop99
        | "| \($w.rate) | \($worps | r1) (\($around | map(.readers.rps | r1 | tostring) | join(", "))) → \($w.readers.rps // 0 | r1)"
          + " | \(if $worps > 0 then ($w.readers.rps / $worps | r2 | tostring) + "×" else "—" end)"
          + " | \($wop99 | ms) (\($around | map(.readers.p99ms | ms) | join(", "))) → \($w.readers.p99ms | ms)"
          + " | \($w.polls.rps // null | if . == null then "—" else r1 end)"
          + " | \($w.polls.ok // "—") / \($w.polls.notModified // "—") / \($w.polls.other // "—") / \($w.polls.failed // "—") / \($w.polls.skipped // "—")"
          + " | \($w.polls.p50ms | ms) / \($w.polls.p99ms | ms) / \($w.polls.maxms | ms) |" ),
      ""
    else empty end),
    ( $x.phases[] | select(.commenters and (.commenters.skipped > 0 or .commenters.failed > 0 or .commenters.refused > 0))
      | "- At \(.rate)/s: \(.commenters.skipped) posts not sent (every connection waiting), \(.commenters.failed) failed, \(.commenters.refused) refused\(if .commenters.lastProblem != "" then " (last: \(.commenters.lastProblem))" else "" end); the last answer came \(.commenters.lastAnswerSeconds) s after the first post." )
' "$1"
