"""Exporters: stream articles to JSONL, CSV or Parquet in constant memory."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable
from datetime import timezone
from pathlib import Path
from typing import IO, Any

from presscut.article import Article
from presscut.errors import MissingExtra, PresscutError

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Article))
#: Rows per Parquet row group.
PARQUET_BATCH = 1000


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    """One JSON object per line with every Article field."""
    n = 0
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_csv(articles: Iterable[Article], out: IO[str]) -> int:
    """One row per article; list and object fields as JSON text."""
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    n = 0
    for article in articles:
        writer.writerow(csv_row(article))
        n += 1
    return n


def csv_row(article: Article) -> list[Any]:
    """An article as one CSV row of :data:`FIELDS`."""
    d = article.to_dict()
    return [_flat(d[f]) for f in FIELDS]


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_parquet(articles: Iterable[Article], path: str | Path) -> int:
    """Parquet with typed columns: lists as list<string>, dates as UTC timestamps,
    ``removed``/``origin``/``evidence`` as JSON text.  Needs ``presscut[parquet]``."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("pyarrow", "parquet", "Parquet export") from exc

    ts = pa.timestamp("us", tz="UTC")
    types: dict[str, Any] = {f: pa.string() for f in FIELDS}
    strings = pa.list_(pa.string())
    types.update(authors=strings, tags=strings, urls=strings, published=ts, modified=ts, fetched_at=ts,
                 paywalled=pa.bool_())
    schema = pa.schema([(f, types[f]) for f in FIELDS])

    def column_value(article: Article, f: str) -> Any:
        value = getattr(article, f)
        if f in ("published", "modified", "fetched_at"):
            return value.astimezone(timezone.utc) if value is not None else None
        if f in ("authors", "tags", "urls"):
            return list(value)
        if f in ("removed", "origin", "evidence"):
            return json.dumps(article.to_dict()[f], ensure_ascii=False)
        return value

    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(_table(batch, schema, column_value))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(_table(batch, schema, column_value))
            n += len(batch)
    return n


def _table(batch: list[Article], schema: Any, column_value: Any) -> Any:
    import pyarrow as pa

    return pa.table({f: [column_value(a, f) for a in batch] for f in schema.names}, schema=schema)


def export(articles: Iterable[Article], fmt: str, out: str | Path | IO[str]) -> int:
    """Write ``articles`` in ``fmt`` to a path or an open text stream; return the count."""
    if fmt not in FORMATS:
        raise PresscutError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise PresscutError("Parquet export needs a file: give --out FILE")
        return write_parquet(articles, out)
    write = write_jsonl if fmt == "jsonl" else write_csv
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return write(articles, fh)
    return write(articles, out)
