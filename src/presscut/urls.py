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

#: Host prefixes of mobile and AMP editions of a site (``m.example.org`` is ``example.org``).
VARIANT_HOST_PREFIXES: tuple[str, ...] = ("m.", "mobile.", "amp.")
#: Query parameters that select the AMP rendering, with the values that do (None: any value).
AMP_QUERY: dict[str, frozenset[str] | None] = {
    "amp": None,
    "outputtype": frozenset({"amp"}),
    "output": frozenset({"amp"}),
    "format": frozenset({"amp"}),
}
#: Path segments that mark the AMP rendering (``/amp/story``, ``/story/amp``).
AMP_SEGMENTS: frozenset[str] = frozenset({"amp"})
#: Suffixes of AMP file names, and what they stand for (``story.amp.html`` is ``story.html``).
AMP_SUFFIXES: tuple[tuple[str, str], ...] = ((".amp.html", ".html"), (".amp.htm", ".htm"), (".amp", ""))
#: Hosts of the Google AMP cache, which wraps the publisher's URL in its path.
AMP_CACHE_SUFFIX = ".cdn.ampproject.org"

_DEFAULT_PORTS = {"http": 80, "https": 443}


def strip_variants(url: str) -> str:
    """The URL of the regular web page behind an AMP or mobile variant.

    ``https://m.example.org/amp/story?amp=1`` becomes
    ``https://example.org/story``; AMP-cache URLs
    (``example-org.cdn.ampproject.org/c/s/example.org/story``) become the
    publisher's URL.  Anything else (and anything unparsable) comes back unchanged.
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return url
    if parts.scheme.lower() not in _DEFAULT_PORTS or not host:
        return url
    if host.endswith(AMP_CACHE_SUFFIX):
        return _from_amp_cache(parts.path, parts.query) or url
    netloc = parts.netloc
    for prefix in VARIANT_HOST_PREFIXES:
        rest = host[len(prefix):]
        if host.startswith(prefix) and "." in rest:
            netloc = netloc.lower().replace(host, rest, 1)
            break
    segments = parts.path.split("/")
    kept = [s for s in segments if s.lower() not in AMP_SEGMENTS]
    path = "/".join(kept) if len(kept) > 1 else "/"
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    lowered = path.lower()
    for suffix, replacement in AMP_SUFFIXES:
        if lowered.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)] + replacement
            break
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_amp_param(k, v)]
    new_query = urlencode(query) if len(query) != len(parse_qsl(parts.query, keep_blank_values=True)) else parts.query
    return urlunsplit((parts.scheme, netloc, path, new_query, parts.fragment))


def _is_amp_param(key: str, value: str) -> bool:
    key = key.lower()
    if key not in AMP_QUERY:
        return False
    values = AMP_QUERY[key]
    return values is None or value.lower() in values


def _from_amp_cache(path: str, query: str) -> str | None:
    # /c/s/example.org/story (https) or /c/example.org/story (http); /v/ is the viewer
    parts = path.split("/", 4)
    if len(parts) < 4 or parts[1] not in ("c", "v", "i"):
        return None
    scheme, rest = ("https", parts[3:]) if parts[2] == "s" else ("http", parts[2:])
    inner = f"{scheme}://{'/'.join(rest)}" + (f"?{query}" if query else "")
    return strip_variants(inner) if urlsplit(inner).hostname else None


def seen_urls(*urls: str | None) -> list[str]:
    """Every distinct URL given (request, each redirect, final, canonical), in order, for ``Article.urls``."""
    out: list[str] = []
    for url in urls:
        if url and url.strip() and url.strip() not in out:
            out.append(url.strip())
    return out


def normalize_url(url: str) -> str:
    """Canonical form of ``url`` for identity.

    Maps AMP and mobile variants to the regular page (:func:`strip_variants`),
    lower-cases scheme and host, drops default ports, a leading ``www.``, the
    fragment, tracking parameters and a trailing slash, and sorts the query.
    ``http`` and ``https`` are treated as one.  Strings that are not absolute
    URLs are returned stripped and unchanged otherwise.
    """
    url = strip_variants(url.strip())
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
