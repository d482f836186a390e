#!/usr/bin/env bash
# Benchmarks of the analysis pipeline against the fakes (tests/MediaAnalysis.Fakes), on this machine.
#   bench/run.sh pipeline   peak memory of `analyze` under a 256 MB cap (10 MB and ~1 GB videos), extract vs cat
#   bench/run.sh fanout     bytes the six-way fan-out allocates for a 60-minute transcript
#   bench/run.sh startup    process start to the first /healthz 200 and to the first signed Discord PING answered (ReadyToRun), five times each
#   bench/run.sh load       200 signed Discord requests over 50 guilds from a client process: accept latency (client and app), memory, exactly-once (10 MB videos)
#   bench/run.sh load-large the same with ~1 GB 60-minute videos (~30 minutes)
#   bench/run.sh burst      the same 200 /analyze requests as fast as 16 keep-alive senders go (no spread) as 4 jobs start,
#                           then 200 signed PINGs the same way; RUNS (default 5) of each, medians of p50/p99 (~5 minutes);
#                           the fakes (services on other machines) at nice 10, the app, its sampler and the client at 0;
#                           memcap samples every 250 ms (its sampler costs about a fifth of a core at 50)
#   bench/run.sh chaos      200 signed /analyze over 50 guilds: one SQLite instance, one PostgreSQL instance, then 3 PostgreSQL
#                           instances with random kill -9 and restarts (KILLS, default 6); throughput, accept p50/p99, exactly-once
#                           at the fakes; fakes' latencies scaled by LATENCY_SCALE (default 0.1); a throwaway cluster (~10 minutes)
#   bench/run.sh trickle    300 connections claiming 256 KB bodies sent at 3 B/s for 30 s (256 MB cap, 96 MiB heap):
#                           signed Discord/Slack latency meanwhile, whether the app lives (TRICKLE_CONNECTIONS, TRICKLE_SECONDS)
#   bench/run.sh page       what serving a finished job's results page with a 3-hour transcript adds to the app's managed
#                           peak (streamed from SQLite), against reading the transcript whole; refuses at load average >= 4
#   bench/run.sh screenshots  a sample job's page (answers, verdict, questions, transcript) in Chromium at 1280 and 375 px
#                           into docs/results-page.png and docs/results-page-phone.png (committed; needs /usr/bin/chromium)
#   bench/run.sh questions  one video analyzed, then QUESTIONS (default 20) signed /ask in its thread one after another:
#                           accept (deferred reply) -> answer posted, against a fixed question-model latency (MODEL_MS, default 2000)
#   bench/run.sh            pipeline and fanout (load takes ~20 minutes)
# Needs root (memcap.sh makes a cgroup), ffmpeg, the .NET 10 SDK. Media and reports go to $BENCH_DIR
# (default /tmp/media-analysis-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WHAT=${1:-all}
OUT=${BENCH_DIR:-/tmp/media-analysis-bench}
MEMCAP=${MEMCAP:-$ROOT/../shared/tools/memcap.sh}
mkdir -p "$OUT/media"

log() { printf '\n== %s\n' "$*" >&2; }

log "building (Release)"
dotnet build -c Release -v q --nologo src/MediaAnalysis >/dev/null
dotnet build -c Release -v q --nologo tests/MediaAnalysis.Fakes >/dev/null
dotnet build -c Release -v q --nologo bench/FanOutBench >/dev/null
APP="$ROOT/src/MediaAnalysis/bin/Release/net10.0/MediaAnalysis.dll"
FAKES="$ROOT/tests/MediaAnalysis.Fakes/bin/Release/net10.0/MediaAnalysis.Fakes.dll"
FANOUT="$ROOT/bench/FanOutBench/bin/Release/net10.0/FanOutBench.dll"

# A clip encoded once at a fixed bitrate, then looped by stream copy: a 60-minute 1 GB file in seconds.
make_video() { # name seconds video_kbps
  local name=$1 seconds=$2 kbps=$3 clip="$OUT/media/clip-$3k.mp4" target="$OUT/media/$1"
  [ -s "$target" ] && return 0
  if [ ! -s "$clip" ]; then
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=640x360:rate=25:duration=10" \
      -f lavfi -i "sine=frequency=220:beep_factor=4:duration=10:sample_rate=44100" \
      -c:v libx264 -preset ultrafast -b:v "${kbps}k" -minrate "${kbps}k" -maxrate "${kbps}k" -bufsize "$((kbps / 2))k" \
      -x264-params nal-hrd=cbr -c:a aac -b:a 128k -ac 2 -shortest "$clip"
  fi
  ffmpeg -v error -y -stream_loop $((seconds / 10 - 1)) -i "$clip" -c copy -movflags +faststart "$target"
}

start_fakes() { # [bytes per second for the file host]
  rm -f "$OUT/urls.json"
  dotnet "$FAKES" --files "$OUT/media" ${1:+--files-rate "$1"} --urls-file "$OUT/urls.json" --stats-file "$OUT/fake-stats.json" >/dev/null 2>&1 &
  FAKES_PID=$!
  trap 'kill $FAKES_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do [ -s "$OUT/urls.json" ] && break; sleep 0.1; done
  DEEPGRAM=$(sed -E 's/.*"deepgram":"([^"]+)".*/\1/' "$OUT/urls.json")
  OPENROUTER=$(sed -E 's/.*"openrouter":"([^"]+)".*/\1/' "$OUT/urls.json")
  FILEHOST=$(sed -E 's/.*"filehost":"([^"]+)".*/\1/' "$OUT/urls.json")
}

report_value() { sed -n "s/^$2=//p" "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# analyze VIDEO inside a 256 MB cgroup, by URL as the bot downloads it (or by local path with "local");
# prints "pss_mib rss_mib exit oom extract_s ffmpeg_s" (ffmpeg_s: its whole run when it followed the download).
run_capped() {
  local name=$1 mode=${2:-url} report="$OUT/memcap-$1-${2:-url}.txt" err="$OUT/analyze-$1-${2:-url}.err"
  local host=${FILEHOST#http://}; host=${host%/}
  local source="${FILEHOST}files/$name"
  [ "$mode" = local ] && source="$OUT/media/$name"
  Deepgram__ApiKey=test-deepgram-key Deepgram__BaseUrl="$DEEPGRAM" \
  OpenRouter__ApiKey=test-openrouter-key OpenRouter__BaseUrl="$OPENROUTER" \
  Media__AllowedHosts__0="$host" Media__AllowHttp=true Media__TempPath="$OUT/jobs" \
  "$MEMCAP" -p -q -i 10 -o "$report" 256M -- dotnet "$APP" analyze "$source" --json --verbose \
    >"$OUT/analyze-$name.json" 2>"$err" || true
  local extract ffmpeg_s
  extract=$(sed -n 's/.*Stage Extracting finished in \([0-9.]*\) s.*/\1/p' "$err" | tail -n 1)
  ffmpeg_s=$(sed -n 's/.*while the video downloaded ([a-z]*): ran \([0-9.]*\) s.*/\1/p' "$err" | tail -n 1)
  echo "$(mib "$(report_value "$report" peak_tree_pss_bytes)") $(mib "$(report_value "$report" peak_rss_bytes)") $(report_value "$report" exit_code) $(report_value "$report" oom_fired) ${extract:-?} ${ffmpeg_s:--}"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
time_cat() { local s; s=$(date +%s.%N); cat "$1" >/dev/null; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }
# The same read with the file out of the page cache first: what a 256 MB machine, which cannot cache a
# 1 GB file, sees. As root the whole page cache is dropped (fadvise alone leaves recently written pages).
drop_cache() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 1 >/proc/sys/vm/drop_caches; else dd if="$1" iflag=nocache count=0 status=none; fi
}
time_cat_cold() {
  drop_cache "$1"
  time_cat "$1"
}

pipeline() {
  log "media: 10 MB and ~1 GB 60-minute videos"
  make_video small.mp4 90 800
  make_video large.mp4 3600 2200
  ls -l "$OUT/media/small.mp4" "$OUT/media/large.mp4" >&2
  echo "| video | source | size | whole-tree peak PSS (MiB) | peak anon RSS (MiB) | exit | OOM | extract stage (s) | extractor run (s) | cat warm (s) | cat cold (s) | extract / cat cold |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  # url: the fake file host over loopback, as fast as the machine goes; url@200MB/s and url@50MB/s: at rates a
  # small cloud machine gets from a CDN (1.6 and 0.4 Gbit/s); local: `analyze PATH`, no download to overlap with.
  for run in small.mp4:url large.mp4:url large.mp4:url@200MB/s large.mp4:url@50MB/s large.mp4:local; do
    local name=${run%%:*} mode=${run##*:}
    case "$mode" in url@50MB/s) start_fakes 52428800 ;; url@200MB/s) start_fakes 209715200 ;; *) start_fakes ;; esac
    local file="$OUT/media/$name" size
    size=$(stat -c %s "$file")
    local cold warm
    cold=$(time_cat_cold "$file")
    warm=$(time_cat "$file")
    if [ "$mode" = local ]; then
      # A local file is read from a cold cache too, as `cat cold` read it (what a 256 MB machine sees). This VM's
      # cold reads vary 0.27-2 s from run to run, so five pairs (cat cold, then the extract cold) give medians.
      local colds=() extracts=()
      for _ in 1 2 3 4 5; do
        colds+=("$(time_cat_cold "$file")")
        drop_cache "$file"
        read -r pss rss code oom extract ffmpeg_s <<<"$(run_capped "$name" local)"
        extracts+=("$extract")
      done
      cold=$(median "${colds[@]}")
      extract=$(median "${extracts[@]}")
      echo "local runs: cat cold ${colds[*]}; extract ${extracts[*]}" >&2
    else
      read -r pss rss code oom extract ffmpeg_s <<<"$(run_capped "$name" "${mode%@*}")"
    fi
    local ratio; ratio=$(awk -v e="$extract" -v c="$cold" 'BEGIN { if (e == "?" || c == 0) print "?"; else printf "%.2f", e / c }')
    echo "| $name | $mode | $(mib "$size") MiB | $pss | $rss | $code | $oom | $extract | $ffmpeg_s | $warm | $cold | $ratio |"
    kill "$FAKES_PID" 2>/dev/null || true
    wait "$FAKES_PID" 2>/dev/null || true
  done
}

fanout() {
  start_fakes
  log "fan-out allocations (9,000 words = 60 minutes of speech; 170,000 words ≈ 1 MB)"
  dotnet "$FANOUT" "$OPENROUTER" 9000 170000
  kill "$FAKES_PID" 2>/dev/null || true
}

# load: a 10 MB video per job (issue 3); load-large: the ~1 GB 60-minute one (issue 6).
load() {
  local video=${1:-small.mp4}
  log "load: 200 signed Discord requests over 50 guilds, $video each (ReadyToRun build, 256 MB cap)"
  make_video small.mp4 90 800
  [ "$video" = large.mp4 ] && make_video large.mp4 3600 2200
  dotnet publish -c Release -v q --nologo -p:PublishReadyToRun=true -o "$OUT/r2r" src/MediaAnalysis >/dev/null
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" "$OUT/r2r/MediaAnalysis.dll" "$MEMCAP" "$OUT/media/$video" "$OUT/load" \
    "${REQUESTS:-200}" "${TENANTS:-50}" "${CONCURRENT:-4}" "${SPREAD:-10}"
}

# A true burst (issue 14, item 7): no spread, sent once 4 jobs run (counts read fresh: as they start), accept times
# only; PINGs the same way to compare. LoadBench runs at nice 10 with the fakes and starts the app and client at 0.
burst() {
  log "burst: ${REQUESTS:-200} signed /analyze and ${REQUESTS:-200} signed PINGs, 16 senders, 4 jobs running, ${RUNS:-5} runs each (256 MB cap)"
  make_video small.mp4 90 800
  dotnet publish -c Release -v q --nologo -p:PublishReadyToRun=true -o "$OUT/r2r" src/MediaAnalysis >/dev/null
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  local kind run line
  for kind in analyze ping; do
    local p50s=() p99s=()
    for run in $(seq 1 "${RUNS:-5}"); do
      line=$(LOADBENCH_ACCEPT_ONLY=1 LOADBENCH_PRELOAD=4 LOADBENCH_KIND=$kind LOADBENCH_APP_ENV="Queue__ShutdownGrace=00:00:02" \
        LOADBENCH_MEMCAP_INTERVAL_MS=250 LOADBENCH_NICED=10 nice -n 10 dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" "$OUT/r2r/MediaAnalysis.dll" "$MEMCAP" "$OUT/media/small.mp4" "$OUT/burst" \
        "${REQUESTS:-200}" "${TENANTS:-50}" 4 0 | grep 'accept latency')
      p50s+=("$(sed -E 's/.*p50 ([0-9.]+) ms.*/\1/' <<<"$line")"); p99s+=("$(sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' <<<"$line")")
      echo "$kind run $run: $line (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    done
    echo "$kind: median p50 $(median "${p50s[@]}") ms, median p99 $(median "${p99s[@]}") ms over ${RUNS:-5} runs"
  done
}

# Process start to the first /healthz 200, ReadyToRun build (Discord's 3 s deadline after a wake-up).
startup() {
  dotnet publish -c Release -v q --nologo -p:PublishReadyToRun=true -o "$OUT/r2r" src/MediaAnalysis >/dev/null
  local port=18099
  for i in 1 2 3 4 5; do
    rm -rf "$OUT/startup" && mkdir -p "$OUT/startup"
    local s e
    s=$(date +%s%N)
    Deepgram__ApiKey=k OpenRouter__ApiKey=k Storage__ConnectionString="Data Source=$OUT/startup/db" \
      dotnet "$OUT/r2r/MediaAnalysis.dll" serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    local pid=$!
    until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.005; done
    e=$(date +%s%N)
    echo "run $i: start to /healthz 200 in $(( (e - s) / 1000000 )) ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" startup "$OUT/r2r/MediaAnalysis.dll" "$OUT/startup" 5
}

# Slow bodies (issue 14): the ReadyToRun build under the 256 MB cap with the image's heap limit.
trickle() {
  dotnet publish -c Release -v q --nologo -p:PublishReadyToRun=true -o "$OUT/r2r" src/MediaAnalysis >/dev/null
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" trickle "$OUT/r2r/MediaAnalysis.dll" "$MEMCAP" "$OUT/trickle" \
    "${TRICKLE_CONNECTIONS:-300}" "${TRICKLE_SECONDS:-30}"
}

# Chaos (issue 15): 3 instances on one PostgreSQL, 200 requests over 50 guilds, random SIGKILLs and restarts
# (KILLS, default 6), against one instance on SQLite and one on PostgreSQL under the same load. The fakes'
# latencies are scaled by LATENCY_SCALE (default 0.1: Deepgram 0.2-1 s, models 0.3-2 s) so the three runs take
# minutes, not an hour. A throwaway cluster (.ci/postgres.sh), a fresh database per run.
chaos() {
  log "chaos: ${REQUESTS:-200} signed /analyze over ${TENANTS:-50} guilds; 1 SQLite, 1 PostgreSQL, then 3 PostgreSQL instances with ${KILLS:-6} kills"
  make_video small.mp4 90 800
  dotnet publish -c Release -v q --nologo -p:PublishReadyToRun=true -o "$OUT/r2r" src/MediaAnalysis >/dev/null
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  # shellcheck source=../.ci/postgres.sh
  source "$ROOT/.ci/postgres.sh"
  trap pg_stop EXIT
  pg_start
  local port; port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$MEDIAANALYSIS_TEST_POSTGRES")
  local run store instances kills conn
  for run in "sqlite 1 0" "postgres 1 0" "postgres 3 ${KILLS:-6}"; do
    read -r store instances kills <<<"$run"
    conn=sqlite
    if [ "$store" = postgres ]; then
      "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "chaos_${instances}_${kills}"
      conn="${MEDIAANALYSIS_TEST_POSTGRES/Database=media_analysis_test/Database=chaos_${instances}_${kills}}"
    fi
    LOADBENCH_LATENCY_SCALE=${LATENCY_SCALE:-0.1} dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" chaos \
      "$OUT/r2r/MediaAnalysis.dll" "$OUT/media/small.mp4" "$OUT/chaos-$store-$instances" "$conn" \
      "${REQUESTS:-200}" "${TENANTS:-50}" "${CONCURRENT:-4}" "${SPREAD:-10}" "$instances" "$kills" || true
    echo "(load average $(cut -d' ' -f1-3 /proc/loadavg))"
  done
}

page() {
  local load
  # The build above raises the load for a minute: wait up to two for it to settle.
  for _ in $(seq 1 24); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" 'BEGIN { exit !(l < 4) }' && break
    sleep 5
  done
  if awk -v l="$load" 'BEGIN { exit !(l >= 4) }'; then
    echo "load average $load >= 4: not measuring (the sampler would miss the peak); run again on a quieter machine" >&2
    return 1
  fi
  log "results page of a 1- and a 3-hour transcript (live managed heap, sampled with a collection each millisecond, highest of 10 runs)"
  for hours in 1 3; do
    dotnet "$FANOUT" --page "$hours" 2>/dev/null | { [ "$hours" = 1 ] && cat || tail -n 1; }
  done
  echo "(load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

screenshots() {
  log "results page screenshots of a sample job (Chromium at 1280 and 375 px) into docs/"
  dotnet "$FANOUT" --screenshots "$ROOT/docs"
}

questions() {
  log "question latency: ${QUESTIONS:-20} questions, model latency ${MODEL_MS:-2000} ms"
  make_video small.mp4 90 800
  dotnet build -c Release -v q --nologo bench/LoadBench >/dev/null
  dotnet "$ROOT/bench/LoadBench/bin/Release/net10.0/LoadBench.dll" questions "$APP" "$OUT/media/small.mp4" "$OUT/questions" \
    "${QUESTIONS:-20}" "${MODEL_MS:-2000}"
}

case "$WHAT" in
  questions) questions ;;
  startup) startup ;;
  trickle) trickle ;;
  load) load small.mp4 ;;
  load-large) load large.mp4 ;;
  burst) burst ;;
  chaos) chaos ;;
  pipeline) pipeline ;;
  fanout) fanout ;;
  page) page ;;
  screenshots) screenshots ;;
  all) pipeline; fanout ;;
  *) echo "usage: bench/run.sh [pipeline|fanout|page|screenshots|questions|startup|load|load-large|burst|chaos|trickle|all]" >&2; exit 2 ;;
esac
