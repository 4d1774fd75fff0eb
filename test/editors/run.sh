#!/usr/bin/env bash
# Proves productteam-language-server in real editors, headless: Neovim
# (vim.lsp), Vim 9 + ALE and Emacs + eglot each open a copy of
# fixture.productteam.yaml and check, through their own LSP client, that our
# diagnostics arrive, that a hover on a role key quotes an expert, and that
# the quick fix "Assign single owner: alice" applies.
#
#   bash test/editors/run.sh [neovim] [vim-ale] [emacs-eglot]   (default: all)
#
# Install the editors first with scripts/install-editors.sh (Debian, root).
# Env: PT_EDITORS_SERVER  the server's JS file, run as `node FILE --stdio`
#                         (default: bin/productteam-language-server.js)
#      PT_EDITORS_TIMEOUT seconds per editor (default 90)
# Prints one "ok - ..." / "not ok - ..." line per check, then
# "N passed, N failed"; exits 1 when any check failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
server=${PT_EDITORS_SERVER:-$root/bin/productteam-language-server.js}
limit=${PT_EDITORS_TIMEOUT:-90}

passed=0
failed=0
result() { # "ok"|"not ok", text
  echo "$1 - $2"
  if [ "$1" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

if [ ! -f "$root/server/out/server.js" ]; then
  echo "# server/out/server.js is missing: node scripts/build.mjs"
  if ! (cd "$root" && node scripts/build.mjs); then
    result "not ok" "build: node scripts/build.mjs"
    finish
  fi
fi
if [ ! -f "$server" ]; then
  result "not ok" "server: $server exists"
  finish
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/productteam-editors.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Keep users' own editor configuration, state and logs out of the way.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"

common=("diagnostics arrive with our codes" "hover on a role key shows an expert quote")
apply="code action 'Assign single owner: alice' applies"

# editor name, the binary it needs, then its checks, in order.
run_editor() {
  local name=$1 bin=$2 dir="$work/$1" rc
  shift 2
  local checks=("$@")
  mkdir -p "$dir"
  cp "$here/fixture.productteam.yaml" "$dir/fixture.productteam.yaml"
  : >"$dir/results"
  if ! command -v "$bin" >/dev/null 2>&1; then
    for c in "${checks[@]}"; do result "not ok" "$name: $c # $bin is not installed (scripts/install-editors.sh)"; done
    return
  fi
  local env=(PT_SERVER="$server" PT_FILE="$dir/fixture.productteam.yaml" PT_RESULTS="$dir/results")
  case $name in
    neovim) env "${env[@]}" timeout -k 5 "$limit" nvim --headless -u NONE -i NONE -n \
              -c "luafile $here/neovim.lua" </dev/null >"$dir/log" 2>&1 ;;
    vim-ale) env "${env[@]}" timeout -k 5 "$limit" vim -Nu NONE -i NONE -n -es \
              -S "$here/vim-ale.vim" </dev/null >"$dir/log" 2>&1 ;;
    emacs-eglot) env "${env[@]}" timeout -k 5 "$limit" emacs --batch -Q \
              -l "$here/emacs-eglot.el" </dev/null >"$dir/log" 2>&1 ;;
  esac
  rc=$?
  local bad=0 line
  for c in "${checks[@]}"; do
    line=$(grep -F -m1 -e "ok - $name: $c" "$dir/results" | head -n1)
    if [ -z "$line" ]; then
      local why="exited with $rc before checking"
      [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] && why="timed out after ${limit}s"
      result "not ok" "$name: $c # no result: $name $why"
      bad=1
    elif [ "${line#not ok - }" != "$line" ]; then
      result "not ok" "${line#not ok - }"
      bad=1
    else
      result ok "${line#ok - }"
    fi
  done
  if [ "$bad" -eq 1 ]; then # what the editor said, for the diagnosis
    tail -n 40 "$dir/log" | sed 's/^/#   /'
  fi
}

editors=("$@")
[ ${#editors[@]} -eq 0 ] && editors=(neovim vim-ale emacs-eglot)
for e in "${editors[@]}"; do
  case $e in
    neovim) run_editor neovim nvim "${common[@]}" "$apply" ;;
    vim-ale) run_editor vim-ale vim "${common[@]}" ":ALECodeAction offers 'Assign single owner: alice'" "$apply" ;;
    emacs-eglot) run_editor emacs-eglot emacs "${common[@]}" "$apply" ;;
    *) result "not ok" "unknown editor '$e' (neovim, vim-ale, emacs-eglot)" ;;
  esac
done
finish
