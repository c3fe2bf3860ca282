#!/usr/bin/env bash
# Installs the built .deb on this machine with dpkg, as an operator would, checks what they would
# use (the binaries on the PATH, `man`, the completion of each shell, the files the man pages
# name), then purges it and checks that nothing is left. It changes the system, so it runs only
# as root (CI runs as root) and skips elsewhere; ctest runs it alone (RUN_SERIAL), a lock keeps
# two build trees from running it at once, and the package is purged however the test ends.
# Usage: system_test.sh VERSION DEB_DIR
set -euo pipefail
version=$1
deb_dir=$2
skip() {  # exit status 77 is ctest's SKIP_RETURN_CODE for this test
  echo "SKIP: $*"
  exit 77
}
[ "$(id -u)" -eq 0 ] || skip "not root: this test installs the package system-wide with dpkg"
command -v dpkg >/dev/null || skip "no dpkg: not a Debian system"
deb=$(find "$deb_dir" -maxdepth 1 -name "iotc-jobs_${version}_*.deb")
[ -f "$deb" ] || { echo "FAIL: no iotc-jobs_${version}_*.deb in $deb_dir"; exit 1; }

# One install at a time on this machine, from whichever build tree.
lock=/run/lock/iotc-jobs-system-test.lock
[ -d /run/lock ] || lock=/tmp/iotc-jobs-system-test.lock
exec 9>"$lock"
flock -w 600 9 || { echo "FAIL: another run held $lock for 10 minutes"; exit 1; }

# Never replace, and then purge, an iotc-jobs that was there before.
status=$(dpkg-query -W -f='${db:Status-Abbrev}' iotc-jobs 2>/dev/null || true)
if [ -n "$status" ] && [ "$status" != "un " ]; then
  skip "the iotc-jobs package is on this machine already (dpkg status '$status'), and this test" \
    "would replace it and then purge it; 'dpkg --purge iotc-jobs' first to run it"
fi
for file in /usr/bin/iotc-jobs /usr/bin/iotc-jobs-emulator; do
  [ ! -e "$file" ] ||
    skip "$file is there already, installed outside the package, and this test would overwrite it"
done

work=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" = 1 ] && ! dpkg --purge iotc-jobs >"$work/cleanup.log" 2>&1; then
    echo "FAIL: dpkg --purge iotc-jobs, after the test:"
    cat "$work/cleanup.log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >"$work/check.log" 2>&1; then
    echo "ok: $name"
  else
    echo "FAIL: $name"
    sed 's/^/  /' "$work/check.log"
    failures=$((failures + 1))
  fi
}
# dpkg does not wait for its lock: apt or dpkg of another job on the machine may hold it a while.
dpkg_waiting() {
  local tries=0
  until dpkg "$@" >"$work/dpkg.log" 2>&1; do
    if grep -q 'lock' "$work/dpkg.log" && [ $tries -lt 60 ]; then
      tries=$((tries + 1))
      sleep 2
    else
      cat "$work/dpkg.log"
      return 1
    fi
  done
}
# A user's login shell, from the system's configuration alone: an empty home, a plain PATH.
user_env=(env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin TERM=dumb LANG=C.UTF-8)
mkdir -p "$work/home"

installed=1  # from here on, whatever happens, the EXIT trap purges
check "dpkg -i $(basename "$deb")" dpkg_waiting -i "$deb"
check "dpkg reports iotc-jobs $version installed" test \
  "$(dpkg-query -W -f='${Status} ${Version}' iotc-jobs)" = "install ok installed $version"

check "iotc-jobs on the PATH is /usr/bin/iotc-jobs" \
  test "$("${user_env[@]}" sh -c 'command -v iotc-jobs')" = /usr/bin/iotc-jobs
check "iotc-jobs --version says $version" \
  test "$("${user_env[@]}" iotc-jobs --version)" = "iotc-jobs $version"
check "iotc-jobs-emulator --version says $version" \
  test "$("${user_env[@]}" iotc-jobs-emulator --version)" = "iotc-jobs-emulator $version"

for page in iotc-jobs iotc-jobs-emulator; do
  check "man -w $page finds /usr/share/man/man1/$page.1.gz" \
    test "$("${user_env[@]}" man -w "$page")" = "/usr/share/man/man1/$page.1.gz"
  # The page's footer carries the version (.TH), so this is the installed page, rendered.
  check "man $page shows the page of version $version" \
    sh -c "\"\$@\" MANWIDTH=80 LANG=C man -P cat $page 2>&1 | grep -q '$page $version'" sh \
    "${user_env[@]}"
done
# Every file that a man page names is where it says.
named=$(gzip -dc /usr/share/man/man1/iotc-jobs.1.gz /usr/share/man/man1/iotc-jobs-emulator.1.gz |
  sed 's/\\-/-/g' | grep -o '/usr/share/[A-Za-z0-9_./-]*[A-Za-z0-9]' | sort -u)
check "the man pages name files under /usr/share" test -n "$named"
for file in $named; do
  check "$file, named by a man page, is installed" test -s "$file"
done
for file in copyright changelog.gz; do
  check "/usr/share/doc/iotc-jobs/$file is installed" test -s "/usr/share/doc/iotc-jobs/$file"
done

# bash: an interactive login shell loads bash-completion (/etc/profile.d), which loads the
# command's completion on first use, as on a Tab; then that completion completes a command.
# shellcheck disable=SC2016 # the script is bash's, expanded there
bash_script='
  complete -p -D >/dev/null || { echo "bash-completion is not loaded"; exit 1; }
  _completion_loader iotc-jobs
  complete -p iotc-jobs
  COMP_WORDS=(iotc-jobs li) COMP_CWORD=1 COMP_LINE="iotc-jobs li" COMP_POINT=12 COMPREPLY=()
  "$(complete -p iotc-jobs | sed -n "s/.* -F \([^ ]*\) .*/\1/p")" iotc-jobs li iotc-jobs
  printf "%s\n" "${COMPREPLY[@]}" | grep -qx list'
check "bash-completion loads /usr/share/bash-completion/completions/iotc-jobs" \
  "${user_env[@]}" bash --login -i -c "$bash_script"
# shellcheck disable=SC2016 # zsh's script, expanded there
check "zsh finds _iotc-jobs in its default \$fpath (/usr/share/zsh/vendor-completions)" \
  "${user_env[@]}" zsh -fc 'autoload -Uz compinit && compinit -u -D &&
    [[ ${_comps[iotc-jobs]} == _iotc-jobs ]] || exit 1
    for dir in $fpath; do
      [[ -f $dir/_iotc-jobs ]] && { [[ $dir == /usr/share/zsh/vendor-completions ]]; exit; }
    done
    exit 1'
check "fish completes iotc-jobs from /usr/share/fish/vendor_completions.d" \
  sh -c '"$@" fish -c "complete -C \"iotc-jobs li\"" | grep -q "^list"' sh "${user_env[@]}"

# Removal: the package and every file of it are gone.
check "dpkg --purge iotc-jobs" dpkg_waiting --purge iotc-jobs
status=$(dpkg-query -W -f='${db:Status-Abbrev}' iotc-jobs 2>/dev/null || true)
check "dpkg no longer knows iotc-jobs" test -z "$status"
[ -n "$status" ] || installed=0
left=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | grep -v '/$' | sed 's/^\.//' |
  while read -r file; do if [ -e "$file" ] || [ -L "$file" ]; then echo "$file"; fi; done)
check "no file of the package is left" test -z "$left"
[ -z "$left" ] || printf '  left: %s\n' "$left"
check "man -w iotc-jobs no longer finds a page" sh -c '! "$@" man -w iotc-jobs' sh "${user_env[@]}"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
