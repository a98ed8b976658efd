"""`python -m agent.daemon [anima args]`: the anima CLI, for spawning the daemon (--detach, the
systemd unit) without the `anima` script installed.

Not `python -m agent.cli`: that runs cli.py as `__main__`, a second copy of the module whose
UserError is not the one commands raise, so clean errors would turn into tracebacks.
"""
import sys

from agent.cli import main

sys.exit(main(sys.argv[1:]))
