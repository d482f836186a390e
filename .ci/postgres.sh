# Sourced by .ci/run: a throwaway PostgreSQL cluster on 127.0.0.1 for the store's behaviour suite and the
# multi-instance tests. Exports MEDIAANALYSIS_TEST_POSTGRES (an Npgsql connection string); stops the cluster
# from the caller's EXIT trap (pg_stop). In CI (CI=true) a cluster that cannot start fails the run; elsewhere
# the tests that need it say loudly that they were skipped.

pg_fail() {
  echo "PostgreSQL: $*" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "PostgreSQL: the tests that need it will be skipped." >&2
  return 1
}

pg_start() {
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing postgresql (Debian package)…"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null || { pg_fail "could not install postgresql"; return 1; }
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/ma-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  # Debian's server refuses to run as root: run it as postgres when we are root, as ourselves otherwise.
  local AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    AS=(runuser -u postgres --)
  fi
  PG_AS=("${AS[@]}")
  # A free port: the first of a few random ones nobody answers on.
  local port=""
  for _ in $(seq 1 20); do
    local p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { pg_fail "no free port"; return 1; }
  "${AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; pg_fail "initdb failed"; return 1; }
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; pg_fail "the server did not start"; return 1; }
  "${AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres media_analysis_test \
    || { pg_fail "createdb failed"; return 1; }
  export MEDIAANALYSIS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=media_analysis_test"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster in $PG_DIR)"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
