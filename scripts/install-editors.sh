#!/usr/bin/env bash
# Installs the editors that test/editors/run.sh drives: Neovim (0.7 on
# Debian 12), Vim 9 with ALE, and Emacs (no X) with eglot.
# Idempotent: only missing packages are installed, and `apt-get update` runs
# at most once, and only when something is missing. Debian/Ubuntu, as root
# (or through sudo when it is available).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# Debian package:command it provides. An editor found on PATH (e.g. one built
# by hand) counts as present; vim must be Debian's (vim-tiny lacks +job, which
# ALE needs), and the add-ons (no command: "-") are checked with dpkg only.
PACKAGES=(
  "neovim:nvim"
  "vim:-"
  "vim-ale:-"
  "emacs-nox:emacs"
  "elpa-eglot:-"
)

installed() { # package
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for entry in "${PACKAGES[@]}"; do
  pkg=${entry%%:*}
  cmd=${entry#*:}
  if installed "$pkg"; then continue; fi
  if [ "$cmd" != "-" ] && command -v "$cmd" >/dev/null 2>&1; then continue; fi
  missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-editors: nothing to do (neovim, vim, vim-ale, emacs-nox, elpa-eglot present)"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -E); else
    echo "install-editors: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-editors: installing ${missing[*]}"
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}"
echo "install-editors: done"
