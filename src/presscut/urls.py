"""URL identity: one article reached by several URLs should get one id.

The rules are data (:data:`TRACKING_PARAMS`, :data:`TRACKING_PREFIXES`) so
they can grow without new code paths.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that only track the visitor and never select content.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "smid", "ref_src",
        "mkt_tok", "spm", "share", "shared", "ito", "cid", "icid",
    }
)
#: Prefixes of tracking parameters (``utm_source``, ``utm_medium``...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "hsa_", "itm_", "__twitter")

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    """Canonical form of ``url`` for identity.

    Lower-cases scheme and host, drops default ports, a leading ``www.``, the
    fragment, tracking parameters and a trailing slash, and sorts the query.
    ``http`` and ``https`` are treated as one.  Strings that are not absolute
    URLs are returned stripped and unchanged otherwise.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if not parts.scheme or not parts.hostname:
        return url
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    host = parts.hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def site_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host
