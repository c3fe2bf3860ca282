#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts every file in its standard place, and each
# shell finds its completion there the way it finds any other: through XDG_DATA_DIRS (bash,
# fish) or $fpath (zsh).
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

cmake --install "$build" --prefix "$prefix" >/dev/null

for file in bin/iotc-jobs bin/iotc-jobs-emulator; do
  check "$file is an executable" test -x "$prefix/$file"
done
for file in share/man/man1/iotc-jobs.1.gz share/man/man1/iotc-jobs-emulator.1.gz \
  share/bash-completion/completions/iotc-jobs share/zsh/site-functions/_iotc-jobs \
  share/fish/vendor_completions.d/iotc-jobs.fish share/doc/iotc-jobs/guide.md \
  share/doc/iotc-jobs/emulator.md share/doc/iotc-jobs/README.md share/doc/iotc-jobs/copyright \
  share/doc/iotc-jobs/changelog.gz; do
  check "$file is installed" test -s "$prefix/$file"
done
check "the installed iotc-jobs runs" "$prefix/bin/iotc-jobs" --version
check "the installed emulator runs" "$prefix/bin/iotc-jobs-emulator" --version
check "man finds iotc-jobs(1) on the MANPATH" env MANPATH="$prefix/share/man" man -w iotc-jobs
check "man finds iotc-jobs-emulator(1) on the MANPATH" \
  env MANPATH="$prefix/share/man" man -w iotc-jobs-emulator

# bash-completion loads a command's completion on first use from */bash-completion/completions.
check "bash-completion loads the installed script" env XDG_DATA_DIRS="$prefix/share" bash -c '
  source /usr/share/bash-completion/bash_completion
  _completion_loader iotc-jobs
  complete -p iotc-jobs | grep -q "_iotc_jobs iotc-jobs"'
# fish reads vendor_completions.d under each XDG_DATA_DIRS entry (its system config sets that up,
# so no --no-config; HOME is the prefix, so that no user config interferes), for a command that
# is on the PATH.
check "fish finds the installed script" \
  env PATH="$prefix/bin:$PATH" XDG_DATA_DIRS="$prefix/share" HOME="$prefix" \
  sh -c 'fish -c "complete -C \"iotc-jobs li\"" | grep -q "^list"'
check "zsh autoloads the installed function" zsh -fc "
  fpath=($prefix/share/zsh/site-functions \$fpath)
  autoload -Uz compinit && compinit -u -D
  [[ \${_comps[iotc-jobs]} == _iotc-jobs ]]"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
