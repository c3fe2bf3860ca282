#!/usr/bin/env zsh
# Prints the candidates zsh offers for a command line, one a line ("word -- description" when
# there is one), by typing the line and a Tab into an interactive zsh on a pseudo-terminal.
# Usage: zsh_complete.zsh FPATH_DIR LINE
# The inner shell loads compinit with FPATH_DIR first in $fpath, and replaces compadd with a
# version that prints what it is given instead of drawing a menu; nothing is ever executed.
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
[[ $# == 2 ]] || { print -u2 "usage: $0 FPATH_DIR LINE"; exit 2 }
local dir=$1 line=$2

local setup=$(mktemp) || exit 2
trap 'rm -f $setup' EXIT
cat >$setup <<SETUP
PS1= PS2= RPS1= PROMPT_EOL_MARK=
unsetopt zle_bracketed_paste 2>/dev/null
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
compadd() {
  # Internal calls that only fill arrays (-O, -A, -D) go to the real compadd.
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "\$@"
    return
  fi
  local -a __hits __dscr
  if (( \$@[(I)-d] )); then
    local __d=\${@[\$((\${@[(i)-d]} + 1))]}
    if [[ \$__d == \\(* ]]; then eval "__dscr=\$__d"; else __dscr=("\${(@P)__d}"); fi
  fi
  builtin compadd -A __hits -D __dscr "\$@"
  local i
  for (( i = 1; i <= \$#__hits; i++ )); do
    if (( \$#__dscr >= i )); then
      print -r -- "<<\$__hits[i] -- \${__dscr[i]#\$__hits[i] #-- }>>"
    else
      print -r -- "<<\$__hits[i]>>"
    fi
  done
}
print -r -- '<<ready>>'
SETUP

zpty -b complete zsh -f -i || exit 2
zpty -w complete "source ${(q)setup}"
local out chunk
# Wait for the inner shell to be ready (30 s at most: the machine may be busy).
local -F start=$SECONDS
while (( SECONDS - start < 30 )); do
  zpty -r -t complete chunk && out+=$chunk
  [[ $out == *'<<ready>>'* ]] && break
  sleep 0.05
done
[[ $out == *'<<ready>>'* ]] || { print -u2 'zsh did not start'; zpty -d complete; exit 2 }

# Type the line and a Tab, then a marker command line to know when the candidates are done.
out=
zpty -w -n complete "$line"$'\t'
sleep 0.3
zpty -w -n complete $'\C-u'"print -r -- '<<''done>>'"$'\n'
start=$SECONDS
while (( SECONDS - start < 30 )); do
  zpty -r -t complete chunk && out+=$chunk
  [[ $out == *'<<done>>'* ]] && break
  sleep 0.05
done
zpty -d complete
[[ $out == *'<<done>>'* ]] || { print -u2 'zsh did not complete'; exit 2 }
# The candidates are the <<...>> markers (a description may hold a '); the echo of the typed
# marker line reads <<''done>>, and the marker's own output <<done>>: neither is one.
local -a found=(${(f)"$(print -r -- ${out//$'\r'/} | grep -o "<<[^>\"]*>>" | sed 's/^<<//; s/>>$//')"})
print -rl -- ${${found:#done}:#\'\'done}
