#!/usr/bin/env bash
# Set up (if needed) and run anima on the bundled demo notes with the bundled demo model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ANIMA_HOME="${ANIMA_HOME:-$PWD/.anima-demo}"
A=.venv/bin/anima
$A init --notes demo/notes >/dev/null
$A index
for q in "What is my cat's name?" "Who is my manager?" "When is the ferry to Texel?"; do
  echo; echo "> $q"
  $A ask "$q"
done
