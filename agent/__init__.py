"""anima's brain: config, CLI, daemon, router, grounded chat and the model registry."""
import os

# torch (embeddings) and llama.cpp (answers) each bring their own OpenMP runtime. With the
# default active wait, the idle threads of one spin against the working threads of the other:
# time to first token measured 7.3 s with it and 0.33 s without. It must be set before either
# runtime starts, hence here, the first module every entry point (CLI, daemon, TUI) imports.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
