"""The API's two locks: a loopback-only bind and a bearer token only the user can read."""
from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from pathlib import Path


class BindRefused(Exception):
    """The configured host would expose the API beyond this machine without the user's say-so."""


def ensure_token(path: Path) -> str:
    """The token in `path`, created at first start with mode 0600 (O_EXCL: no race, no world-read window)."""
    try:
        token = path.read_text(encoding="utf-8").strip()
        if token:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)  # tighten a token someone copied in with loose permissions
            return token
        path.unlink()
    except FileNotFoundError:
        pass
    token = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token


def read_token(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        # A host name: loopback only if every address it resolves to is loopback.
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError:
            return False
        return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


def check_bind(host: str, allow_non_loopback: bool) -> None:
    if is_loopback(host):
        return
    if not allow_non_loopback:
        raise BindRefused(
            f"refusing to serve the API on {host!r}: it is not a loopback address, so other machines could "
            "reach your notes. Use host = \"127.0.0.1\" in [api], or set allow_non_loopback = true in [api] "
            "if you really mean it (the bearer token still protects every request)."
        )
