"""Every way news arrives besides local files: web archives, live pages, feeds and sitemaps.

* :mod:`~presscut.sources.warc`: WARC files (and lists of them) read with FastWARC;
* :mod:`~presscut.sources.http`: the bounded, polite HTTP client;
  :mod:`~presscut.sources.safety` (which addresses it may reach) and
  :mod:`~presscut.sources.robots` (robots.txt);
* :mod:`~presscut.sources.fetch`: live pages as a pipeline reader;
* :mod:`~presscut.sources.feeds`: feeds, sitemaps, OPML and feed discovery;
* :mod:`~presscut.sources.watch`: polling sources for new items.
"""
