#!/usr/bin/env bash
# Media benchmark: makes a 24-megapixel JPEG, then times the media library's ImageProcessor on it
# in the web application's heap, one upload at a time and twenty at once. See README.md.
#
#   bench/media/run.sh                # build, make the photo (once), measure
#   SKIP_BUILD=1 bench/media/run.sh   # measure with what is built
#
# Settings (environment): JAVA_OPTS (-Xmx256m -XX:+UseSerialGC, the run command's), WARMUP (3),
# ROUNDS (10), PARALLEL (20), PROGRESSIVE (0; 1: the photo is a progressive JPEG), SKIP_BUILD (0).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target="$here/target"
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== Building articles-module and the benchmark (mvn -Pbench package, no install)"
  (cd "$root" && mvn -B -q -Pbench -DskipTests -pl bench/media -am package)
fi
cp="$target/classes:$root/articles-module/target/classes:$target/lib/*"

if [ "${PROGRESSIVE:-0}" = 1 ]; then
  photo="$target/photo-6000x4000-progressive.jpg"
else
  photo="$target/photo-6000x4000.jpg"
fi
if [ ! -f "$photo" ]; then
  echo "== Making $photo"
  java -Xmx1g -cp "$cp" org.tribune.bench.media.MakePhoto "$photo" 6000 4000 24 \
    "$([ "${PROGRESSIVE:-0}" = 1 ] && echo progressive || echo baseline)"
fi

echo "== nproc $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java $java_opts"
# shellcheck disable=SC2086
flock /tmp/tribune-bench.lock java $java_opts -DWARMUP="${WARMUP:-3}" -DROUNDS="${ROUNDS:-10}" \
  -DPARALLEL="${PARALLEL:-20}" -cp "$cp" org.tribune.bench.media.ProcessUploads "$photo"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
