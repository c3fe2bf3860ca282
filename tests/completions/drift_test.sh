#!/usr/bin/env bash
# The committed completion scripts and man pages are what the generators write today: a change
# to a command, an option or a help text must come with `cmake --build build --target
# update-generated-docs` (or docs/generate.sh) and the regenerated files.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

"$REPO/docs/generate.sh" "$IOTC_JOBS" "$EMULATOR" "$WORK/generated"
for file in completions/iotc-jobs.bash completions/_iotc-jobs completions/iotc-jobs.fish \
  docs/iotc-jobs.1 docs/iotc-jobs-emulator.1; do
  if diff -u "$REPO/$file" "$WORK/generated/$file"; then
    expect "$file is up to date" same same
  else
    expect "$file is up to date (regenerate: cmake --build BUILD --target update-generated-docs)" same different
  fi
done
finish
