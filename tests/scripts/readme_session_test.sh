#!/usr/bin/env bash
# The README's session is a copy of docs/cli-session.md, which tests/e2e replays against the
# emulator. This test keeps the copy true: every console block of the README must appear,
# verbatim, in docs/cli-session.md.
set -euo pipefail
root=${1:?usage: readme_session_test.sh REPO_ROOT}

# Prints each ```console block of a Markdown file as one record, separated by NUL bytes.
console_blocks() {
  awk '/^```console$/ { inside = 1; block = ""; next }
       /^```$/ && inside { inside = 0; printf "%s%c", block, 0; next }
       inside { block = block $0 "\n" }' "$1"
}

session=$(console_blocks "$root/docs/cli-session.md" | tr '\0' '\036')
checked=0
while IFS= read -r -d '' block; do
  checked=$((checked + 1))
  if [[ "$session" != *"$block"* ]]; then
    printf 'README.md console block %d is not in docs/cli-session.md:\n%s\n' "$checked" "$block" >&2
    exit 1
  fi
done < <(console_blocks "$root/README.md")
if [ "$checked" -eq 0 ]; then
  echo "README.md has no console block: the session is missing" >&2
  exit 1
fi
echo "$checked README console blocks match docs/cli-session.md"
