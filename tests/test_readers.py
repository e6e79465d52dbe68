"""Bad inputs are counted skips with a reason, never a crash."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest

from presscut.article import RawDocument
from presscut.config import Limits
from presscut.pipeline import Drop, Stats
from presscut.pipeline.readers import FileReader, kind_of

PAGE = b"<html><head><title>Quay</title></head><body><p>The quay reopened on Monday.</p></body></html>"


def read_all(paths: list[Path], limits: Limits | None = None) -> tuple[list[RawDocument], Stats]:
    stats = Stats()
    docs = list(FileReader(paths, limits).run((), stats))
    return docs, stats


def only_drop(paths: list[Path], limits: Limits | None = None) -> tuple[str, str]:
    docs, stats = read_all(paths, limits)
    assert docs == []
    [(reason, n)] = stats.dropped("read").items()
    assert n == 1
    [example] = stats.steps["read"].examples[reason]
    return reason, example


def test_kinds() -> None:
    assert kind_of(Path("a.HTML")) == "html"
    assert kind_of(Path("a.htm.gz")) == "html"
    assert kind_of(Path("notes.txt")) == "text"
    assert kind_of(Path("dump.jsonl.gz")) == "jsonl"
    assert kind_of(Path("archive.warc.gz")) == "warc"  # read by presscut.sources.warc
    assert kind_of(Path("warc.paths.gz")) == "warc-list"
    assert kind_of(Path("README")) is None


def test_html_plain_and_gzipped(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(PAGE))
    docs, stats = read_all([tmp_path])
    assert [d.content for d in docs] == [PAGE, PAGE]
    assert [Path(d.origin.path or "").name for d in docs] == ["a.html", "b.htm.gz"]
    assert stats.forwarded("read") == 2


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"  \n")
    assert only_drop([tmp_path])[0] == "empty"


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.html").write_bytes(bytes(range(256)) * 40)
    assert only_drop([tmp_path])[0] == "binary"


def test_invalid_utf8_text_is_decoded_when_an_encoding_fits(tmp_path: Path) -> None:
    text = "Der Bürgermeister von Rheinfeld eröffnete die Brücke über den Fluss.\n" * 5
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    docs, _ = read_all([tmp_path])
    assert docs[0].content == text


def test_undecodable_text_is_a_decode_error(tmp_path: Path) -> None:
    # Bytes that are neither UTF-8 nor text in any encoding (no NUL, so not sniffed as binary).
    rng = random.Random(7)
    junk = bytes(rng.randrange(1, 256) for _ in range(4000))
    (tmp_path / "junk.txt").write_bytes(b"Start " + junk)
    reason, example = only_drop([tmp_path])
    assert reason in {"decode-error", "binary"}
    assert "junk.txt" in example


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes(PAGE * 100)
    reason, example = only_drop([tmp_path], Limits(max_bytes=1000))
    assert reason == "too-large" and "big.html" in example


def test_gzip_bomb_is_cut_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    assert only_drop([tmp_path], Limits(max_bytes=100_000))[0] == "too-large"


def test_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(PAGE)[:30])
    assert only_drop([tmp_path])[0] == "decode-error"


def test_unknown_extension(tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04 not ours")
    reason, example = only_drop([tmp_path])
    assert reason == "unsupported-type" and "slides.pptx" in example


def test_missing_path(tmp_path: Path) -> None:
    assert only_drop([tmp_path / "nowhere"])[0] == "unreadable"


def test_broken_symlink_and_fifo_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dangling.html").symlink_to(tmp_path / "gone.html")
    os.mkfifo(tmp_path / "pipe.html")  # reading it would block forever
    (tmp_path / "ok.html").write_bytes(PAGE)
    docs, stats = read_all([tmp_path])
    assert len(docs) == 1
    assert stats.dropped("read") == {"unreadable": 1, "not-a-file": 1}


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.html").write_bytes(PAGE)
    secret = tmp_path / "secret.html"
    secret.write_bytes(PAGE)
    locked.chmod(0)
    secret.chmod(0)
    try:
        docs, stats = read_all([tmp_path])
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert docs == []
    assert stats.dropped("read")["unreadable"] == 2


def test_jsonl_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"html": PAGE.decode(), "url": "https://quay.example/a", "title": "Quay"}),
        json.dumps({"text": "The ferry resumed service.", "published": "2024-02-01"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://quay.example/nothing"}),
        "",
    ]
    (tmp_path / "batch.jsonl").write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "\xff\xfe"}\n')
    stats = Stats()
    items = list(FileReader([tmp_path]).read())
    docs = [i for i in items if isinstance(i, RawDocument)]
    drops = [i for i in items if isinstance(i, Drop)]
    assert [d.kind for d in docs] == ["html", "text"]
    assert docs[0].url == "https://quay.example/a" and docs[0].hints == {"title": "Quay"}
    assert docs[1].origin.offset == 2 and docs[1].hints == {"published": "2024-02-01"}
    assert sorted(d.reason for d in drops) == ["bad-json", "bad-json", "decode-error", "empty"]
    assert stats.to_dict() == {}


def test_jsonl_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path) -> None:
    # JSON can escape half of a UTF-16 pair ("\\ud800"); no UTF-8 text or SQLite row can hold it.
    line = (r'{"text": "Dock workers \ud800 returned \ud83d\ude00 on Monday.", "url": "https://quay.example/b",'
            r' "authors": ["Mara \udc01 Quillon"]}')
    (tmp_path / "batch.jsonl").write_text(line + "\n", encoding="ascii")
    (doc,) = list(FileReader([tmp_path]).read())
    assert isinstance(doc, RawDocument)
    assert doc.content == "Dock workers \ufffd returned \U0001f600 on Monday."  # a whole pair stays one character
    assert doc.hints["authors"] == ["Mara \ufffd Quillon"]
    doc.content.encode("utf-8")  # storable


def test_permission_errors_are_counted_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores permission bits, so the errors the OS would raise are injected."""
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.html").write_bytes(PAGE)
    real_walk = os.walk

    def walk(top: str, onerror: object = None, **kw: object) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return real_walk(top, **kw)

    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.html":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr("presscut.pipeline.readers.os.walk", walk)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs, stats = read_all([tmp_path])
    assert len(docs) == 1
    assert stats.dropped("read") == {"unreadable": 2}
    assert any("locked" in ex for ex in stats.steps["read"].examples["unreadable"])
