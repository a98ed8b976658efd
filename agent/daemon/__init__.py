"""The always-on daemon: folder watcher, scheduler, the index's single writer and the local API.

Modules: lock (one daemon per home, daemon.json), auth (loopback bind, bearer token), watcher
(watchdog + debounce), scheduler (apscheduler with persisted next runs), events (pub/sub for the
TUI), runtime (wiring), server (FastAPI app), client (DaemonClient), service (systemd unit).
"""
