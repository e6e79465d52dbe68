"""``presscut demo``: build a corpus from the bundled sample pages and show it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from presscut.cli.output import render_article, render_counts, render_hits, render_story
from presscut.config import IngestConfig
from presscut.corpus import Corpus

#: The query the demo runs: the wire story that four sample outlets republished.
DEMO_QUERY = "strike"


def samples_dir() -> Path:
    """The folder of sample pages shipped inside the package."""
    return Path(str(resources.files("presscut") / "samples"))


def run_demo(db: str | Path, workers: int = 1, query: str = DEMO_QUERY) -> None:
    folder = samples_dir()
    inputs = [p for p in (folder / "html", folder / "text", folder / "articles.jsonl") if p.exists()]
    with Corpus(db, IngestConfig(workers=workers)) as corpus:
        report = corpus.ingest(inputs)
        print(f"presscut demo: ingested the sample pages in {folder} into {db}\n")
        print(report.render())
        print()
        print(render_counts(corpus.stats()))
        print(f"\n$ presscut search {query!r} --stories\n")
        hits = corpus.search(query, limit=5, stories=True)
        print(render_hits(hits, corpus.count(query, stories=True)))
        syndicated = next((h for h in hits if h.copies > 1 and h.story_id), None)
        if syndicated is not None and syndicated.story_id is not None:
            story = corpus.story(syndicated.story_id)
            if story is not None:
                print(f"\n$ presscut story {syndicated.story_id}\n")
                print(render_story(story))
        if hits:
            article = corpus.get(hits[0].id)
            if article is not None:
                print(f"\n$ presscut show {article.id}\n")
                print(render_article(article))
    print(f"\nBrowse it: presscut serve --db {db}   (the web extra: pip install 'presscut[web]')")
