"""The web workspace and REST API over one corpus (``presscut serve``; needs ``presscut[web]``).

:func:`create_app` builds the ASGI application: server-rendered pages
(:mod:`presscut.web.pages`), the JSON API under ``/api/`` (:mod:`presscut.web.api`),
browser ingest jobs (:mod:`presscut.web.jobs`) and the timeline chart
(:mod:`presscut.web.charts`).  Nothing here is imported by the rest of presscut.
"""

from presscut.web.app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]
