"""``presscut serve``: the web workspace and REST API (needs ``presscut[web]``)."""

from __future__ import annotations

import argparse
import ipaddress
import os
from typing import Any

from presscut.errors import MissingExtra, PresscutError

#: Names that mean "this machine only".
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get("PRESSCUT_TOKEN") or None
    if not is_loopback(args.host) and not token:
        raise PresscutError(
            f"refusing to listen on {args.host} without a token: give --token or set PRESSCUT_TOKEN "
            "(writes then need it), or listen on 127.0.0.1"
        )
    try:
        import uvicorn

        from presscut.web import create_app
    except ImportError as exc:
        raise MissingExtra(exc.name or "fastapi", "web", "presscut serve") from exc
    app = create_app(args.db, token=token, max_upload_bytes=args.max_upload_mb * 1024 * 1024)
    print(f"presscut: serving {args.db} on http://{args.host}:{args.port}/"
          + (" (writes need the token)" if token else ""))
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def register(groups: Any) -> None:
    p = groups.commands.add_parser(
        "serve", help="the web workspace and REST API (needs presscut[web])",
        description="the web workspace and REST API over one corpus (needs presscut[web])",
        parents=[groups.common],
    )
    p.set_defaults(handler=cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--token", help="token required by write endpoints, needed to listen on a non-loopback "
                                   "address; better in $PRESSCUT_TOKEN, since arguments are visible to other users")
    p.add_argument("--max-upload-mb", type=int, default=50, help="largest upload accepted, in MB (default: 50)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
