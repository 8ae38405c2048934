"""Printing without a network connection.

On Linux (and the BSDs) Qt prints through CUPS. Left to itself, the CUPS
library reaches the print service over TCP on 127.0.0.1:631 and [::1]:631
(and, where ``client.conf`` names one, a print server elsewhere): network
sockets, which idcheck never opens. Pointed at the print service's local
socket (``CUPS_SERVER=/run/cups/cups.sock``) it talks to the service over a
Unix socket only: local printers, and printing to a PDF file, work the same.

Where this computer is set up to print through a print server on the network
(``CUPS_SERVER`` or ``ServerName`` in ``client.conf`` naming a host), the
window says so before the first print and the user chooses: print through that
server (the print service, not idcheck, then reaches the network), or only on
this computer. The choice holds until the program ends (the CUPS library reads
its server once per process).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: Where the print service listens locally (Debian and most Linux; older systems).
LOCAL_SOCKETS = ("/run/cups/cups.sock", "/var/run/cups/cups.sock")
CLIENT_CONF = (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf"))

_decided: bool | None = None


def uses_cups() -> bool:
    return not sys.platform.startswith(("win", "darwin"))


def configured_server(
    env: Mapping[str, str] | None = None, client_conf: tuple[Path, ...] | None = None
) -> str:
    """The print service as configured: ``CUPS_SERVER``, else ``ServerName`` in
    the user's or the system's ``client.conf``, else ``""`` (the default: the
    local service, which the CUPS library reaches over TCP on localhost)."""
    env = os.environ if env is None else env
    if client_conf is None:
        client_conf = CLIENT_CONF
    if env.get("CUPS_SERVER", "").strip():
        return env["CUPS_SERVER"].strip()
    for conf in client_conf:
        try:
            lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split(None, 1)
            if len(parts) == 2 and parts[0].lower() == "servername":
                return parts[1].strip()
    return ""


def network_server(server: str) -> str | None:
    """The host a configured server names, or None when it is this computer's
    local socket or the default."""
    if not server or server.startswith("/"):
        return None
    host = server.split("/", 1)[0]
    if host.startswith("["):  # [::1]:631
        host = host[1 : host.find("]")]
    else:
        host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if host in ("localhost", "127.0.0.1", "::1", ""):
        return None  # the local service: reached over its socket instead
    return server


def local_socket() -> str:
    for candidate in LOCAL_SOCKETS:
        if Path(candidate).exists():
            return candidate
    return LOCAL_SOCKETS[0]  # no print service running: printing to a file still works


def confine_to_local() -> None:
    """Make the CUPS library use the print service's local socket (no TCP)."""
    os.environ["CUPS_SERVER"] = local_socket()


def choose_service(ask_network: Callable[[str], bool]) -> None:
    """Before the first print of this process: keep printing off the network; or,
    when a print server on the network is configured, ask (``ask_network(server)``
    returns True to print through it, False to print on this computer only)."""
    global _decided
    if _decided is not None or not uses_cups():
        return
    server = network_server(configured_server())
    if server is not None and ask_network(server):
        _decided = True  # the system's print service, as configured
        return
    confine_to_local()
    _decided = False
