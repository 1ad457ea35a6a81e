# shellcheck shell=bash
# The scripts' toolbox, sourced by them (never run on its own):
#   source "$(dirname "$0")/lib.bash"            (bench/: "$(dirname "$0")/../scripts/lib.bash")
# It sets ROOT to the repository and defines:
#   at_exit FUNCTION          run FUNCTION when the script exits (last registered runs first)
#   need_packages PKG...      install the Debian packages that are missing (as root)
#   need_node DIR             Node.js and npm for DIR/package.json (Debian's when missing)
#   npm_ci DIR [ARGS...]      the packages pinned by DIR/package-lock.json
#   build_preset NAME [TARGET...]  configure and build a configuration of CMakePresets.json
#   start_test_db [OPTION...] a throwaway PostgreSQL 15 cluster and the test environment
#   start_server BUILD LOG    the server on a free loopback port (SERVER_URL, SERVER_PID)
#   wait_http URL SECONDS [PID]  until URL answers, for at most SECONDS
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# --- cleanup ------------------------------------------------------------------------------
LIB_EXIT_HOOKS=()
run_exit_hooks() {
  local i
  for ((i = ${#LIB_EXIT_HOOKS[@]} - 1; i >= 0; i--)); do "${LIB_EXIT_HOOKS[i]}" || true; done
}
at_exit() {
  LIB_EXIT_HOOKS+=("$1")
  trap run_exit_hooks EXIT
}

# --- Debian packages ----------------------------------------------------------------------
need_packages() {
  local package missing=()
  for package in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or install them first)" >&2
    return 1
  fi
  echo "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- Node.js ------------------------------------------------------------------------------
# The oldest Node.js DIR's tools run on is its package.json's "engines": {"node": ">=X.Y"} (none:
# any).
# Missing node or npm: Debian's nodejs / npm (npm only when no npm is on PATH: a NodeSource
# nodejs brings its own and conflicts with Debian's). A node older than that fails at once.
need_node() {
  local dir=$1 wanted found
  wanted=$(sed -n 's/.*"node": *">= *\([0-9][0-9.]*\)".*/\1/p' "$dir/package.json" | head -1)
  if ! command -v node >/dev/null; then
    need_packages nodejs npm
  elif ! command -v npm >/dev/null; then
    need_packages npm
  fi
  found=$(node --version)
  found=${found#v}
  if [ -n "$wanted" ] && [ "$(printf '%s\n%s\n' "$wanted" "$found" | sort -V | head -1)" != "$wanted" ]; then
    echo "$dir needs Node.js >= $wanted, found $found at $(command -v node)" >&2
    exit 1
  fi
}

# npm ci with the project's .npmrc (no registry addresses in lockfiles, no install scripts).
npm_ci() {
  local dir=$1
  shift
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
}

# --- CMake --------------------------------------------------------------------------------
# Quiet configure; TARGETs limit the build (default: all).
build_preset() {
  local preset=$1
  shift
  local targets=()
  [ $# -eq 0 ] || targets=(--target "$@")
  (cd "$ROOT" && cmake --preset "$preset" >/dev/null &&
    cmake --build --preset "$preset" -j"$(nproc)" "${targets[@]}")
}

# --- PostgreSQL ---------------------------------------------------------------------------
# A cluster in a private directory on a free loopback port, with project/db/create.sql applied;
# removed at exit. OPTIONs are postgres -c settings (fsync=off ...). Exports what the tests
# read: APP_SETTINGS=testing, DATABASE_TEST_URL, TEST_PG_CLUSTER_DIR, TEST_PG_PORT, LOG_LEVEL.
start_test_db() {
  local attempt
  TEST_DB_DIR=$(mktemp -d)
  chmod 755 "$TEST_DB_DIR" # the postgres user must reach the cluster inside
  at_exit stop_test_db
  # A free port can be taken before PostgreSQL binds it (a shared machine): one more try.
  for attempt in 1 2; do
    TEST_PG_PORT=$("$ROOT/scripts/free-port")
    "$ROOT/scripts/pg-cluster" start "$TEST_DB_DIR/pg" "$TEST_PG_PORT" "$@" && break
    [ "$attempt" = 1 ] || return 1
  done
  psql -h 127.0.0.1 -p "$TEST_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -f "$ROOT/project/db/create.sql"
  export APP_SETTINGS=testing TEST_PG_PORT TEST_PG_CLUSTER_DIR="$TEST_DB_DIR/pg"
  export DATABASE_TEST_URL="postgresql://postgres@127.0.0.1:$TEST_PG_PORT/users_test"
  export LOG_LEVEL=${LOG_LEVEL:-off}
}
stop_test_db() {
  "$ROOT/scripts/pg-cluster" stop "$TEST_DB_DIR/pg" immediate 2>/dev/null || true
  rm -rf "$TEST_DB_DIR"
}

# --- the server ---------------------------------------------------------------------------
# Started from BUILD (a build directory) with its output in LOG, stopped with SIGTERM at exit.
start_server() {
  local port
  port=$("$ROOT/scripts/free-port")
  HOST=127.0.0.1 PORT=$port "$1/project/users-server" >"$2" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=http://127.0.0.1:$port
  at_exit stop_server
  wait_http "$SERVER_URL/ping" 30 "$SERVER_PID" || { tail -20 "$2" >&2; return 1; }
}
stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || return 0
  wait "$SERVER_PID" 2>/dev/null || true
}

# Polls every 0.1 s; fails after SECONDS, or at once when process PID has exited.
wait_http() {
  local url=$1 deadline=$((SECONDS + $2)) pid=${3:-}
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "wait_http: process $pid ended before $url answered" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "wait_http: $url did not answer within $2 s" >&2
      return 1
    fi
    sleep 0.1
  done
}
