# Shared by scripts/demo and scripts/test: Debian packages and the build.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${IOTC_BUILD_DIR:-$ROOT/build}

# What building iotc-jobs and its emulator needs (used by the scripts that source this file).
# shellcheck disable=SC2034
BUILD_PACKAGES=(cmake ninja-build g++ pkg-config libcli11-dev nlohmann-json3-dev libfmt-dev
                libcurl4-openssl-dev libcpp-httplib-dev libsqlite3-dev curl ccache)

# ccache keys on paths relative to the checkout, so that a fresh clone elsewhere (as CI makes)
# reuses what an earlier build compiled: the three full builds are most of a CI run's time.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

# Installs the Debian packages that are missing. As root it installs them; otherwise it prints the
# exact command to run and stops, rather than asking for a password in the middle of a build.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Configures and builds into $BUILD_DIR with Ninja. Configuring every time is cheap once cached,
# and applies this call's options (scripts/demo builds without the tests, scripts/test with them).
build() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja "${launcher[@]}" "$@" >&2
  cmake --build "$BUILD_DIR" >&2
}
