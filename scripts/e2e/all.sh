#!/usr/bin/env bash
# npm run test:e2e: the real VS Code workbench (code-server in headless
# Chromium), the web-only extension in its web worker host (web.mjs), then
# Neovim, Vim + ALE and Emacs eglot against the server. Every part always
# runs; the last line sums them.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="$(mktemp)"
node scripts/e2e/run.mjs | tee "$out"; vscode=${PIPESTATUS[0]}
# The same .vsix, made web-only, in code-server's web worker extension host (vscode.dev, github.dev).
vsix=".e2e/build/$(node -p "const p = require('./package.json'); p.name + '-' + p.version").vsix"
[ -f "$vsix" ] && export E2E_VSIX="${E2E_VSIX:-$vsix}"
node scripts/e2e/web.mjs | tee -a "$out"; web=${PIPESTATUS[0]}
npm run --silent test:editors | tee -a "$out"; editors=${PIPESTATUS[0]}
passed=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$out" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$out" | awk '{s+=$3} END {print s+0}')
rm -f "$out"
echo "e2e total: ${passed} passed, ${failed} failed"
[ "$vscode" -eq 0 ] && [ "$web" -eq 0 ] && [ "$editors" -eq 0 ]
