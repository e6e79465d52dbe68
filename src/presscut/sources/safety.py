"""Which addresses the fetcher may talk to.

A URL from a feed, a sitemap or a redirect is untrusted input: it can point
at the machine running presscut (``127.0.0.1``), its network (``10.x``,
``192.168.x``), a cloud metadata service (``169.254.169.254``) or worse.  The
fetcher therefore refuses, unless told otherwise:

* schemes other than ``http`` and ``https``;
* hosts that resolve to a private, loopback, link-local, multicast, reserved,
  unspecified or otherwise non-global address (any of its addresses).

The check runs on every URL before it is requested, again on every redirect
target, and a third time inside the connection itself
(:class:`SafeBackend`), which connects only to the addresses it has just
vetted, so a DNS answer that changes between check and connect (DNS
rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpcore

from presscut.errors import PresscutError

#: Schemes the fetcher speaks.
ALLOWED_SCHEMES: frozenset[str] = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Address classes refused without ``allow_private``, checked in this order (the first match names the refusal).
REFUSED_CLASSES: tuple[tuple[str, str], ...] = (
    ("loopback", "is_loopback"),
    ("unspecified", "is_unspecified"),
    ("link-local", "is_link_local"),
    ("multicast", "is_multicast"),
    ("reserved", "is_reserved"),
    ("private", "is_private"),
)


class Refused(PresscutError):
    """A URL the fetcher will not request; the message says why, in one line."""

    reason = "refused"

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"{url}: {why}")
        self.url = url
        self.why = why


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Refuses non-public addresses unless ``allow_private`` (or the address is in ``allowed_networks``)."""

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()
    _networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_networks", tuple(ipaddress.ip_network(n, strict=False) for n in self.allowed_networks)
        )

    def why_refused(self, address: str) -> str | None:
        """None when ``address`` may be contacted, else the kind of address it is."""
        try:
            ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return "not an IP address"
        mapped = getattr(ip, "ipv4_mapped", None)
        if mapped is not None:
            ip = mapped
        if self.allow_private or any(ip in net for net in self._networks if net.version == ip.version):
            return None
        for name, attr in REFUSED_CLASSES:
            if getattr(ip, attr):
                return f"{name} address {ip}"
        if not ip.is_global:
            return f"non-public address {ip}"
        return None

    def check_url(self, url: str) -> None:
        """Raise :class:`Refused` unless ``url`` is http(s) and its host resolves only to allowed addresses."""
        try:
            parts = urlsplit(url)
            host, port = parts.hostname, parts.port
        except ValueError as exc:
            raise Refused(url, f"not a valid URL ({exc})") from exc
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise Refused(url, f"scheme {scheme or '(none)'!r} refused: only http and https are fetched")
        if not host:
            raise Refused(url, "no host: refused")
        self.resolve(host, port or (443 if scheme == "https" else 80), url)

    def resolve(self, host: str, port: int, url: str | None = None) -> list[str]:
        """The addresses of ``host``, all vetted; raise :class:`Refused` if any is refused or none resolves."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise Refused(url or host, f"cannot resolve {host} ({exc})") from exc
        addresses = _unique(str(info[4][0]) for info in infos)
        literal = _is_ip(host)
        for address in addresses:
            why = self.why_refused(address)
            if why is not None:
                where = f"a {why}" if literal else f"{host} resolves to a {why}"
                raise Refused(url or host, f"{where}: refused (use --allow-private to allow)")
        if not addresses:
            raise Refused(url or host, f"{host} has no address")
        return addresses


class SafeBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy has vetted just now."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in self.policy.resolve(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None  # resolve() returns at least one address
        raise last


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
