"""Bytes to text for HTML pages: declarations, detection, mojibake, and never raising."""

from __future__ import annotations

import codecs
import random

import pytest

from presscut.extraction.encoding import decode_html, repair_mojibake

TEXT = "Saltmère harbour: 5 € fares, ‘quoted’ — naïve café"


def html(text: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_mark_wins(bom: bytes, encoding: str) -> None:
    data = bom + html(TEXT, "<meta charset='windows-1251'>").encode(encoding)
    assert TEXT in decode_html(data, declared="iso-8859-5")


def test_declared_charset_is_used() -> None:
    cyrillic = "Портовые рабочие вернулись к работе"
    assert cyrillic in decode_html(html(cyrillic).encode("koi8-r"), declared="koi8-r")


def test_meta_charset_and_http_equiv() -> None:
    cyrillic = "Портовые рабочие вернулись к работе"
    data = html(cyrillic, "<meta charset='windows-1251'>").encode("cp1251")
    assert cyrillic in decode_html(data)
    equiv = "<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>"
    assert cyrillic in decode_html(html(cyrillic, equiv).encode("koi8-r"))


def test_a_declaration_the_bytes_contradict_is_ignored() -> None:
    # Served as ISO-8859-1 (a common server default) but really UTF-8.
    assert TEXT in decode_html(html(TEXT).encode("utf-8"), declared="ISO-8859-1")
    # Declared UTF-8 but really cp1252.
    assert TEXT in decode_html(html(TEXT, "<meta charset='utf-8'>").encode("cp1252"))


def test_meta_utf16_on_an_ascii_compatible_page_means_utf8() -> None:
    assert TEXT in decode_html(html(TEXT, "<meta charset='utf-16'>").encode("utf-8"))


def test_undeclared_pages_are_detected() -> None:
    cyrillic = "Портовые рабочие в Солтмире вернулись к работе в четверг утром, завершив забастовку."
    assert cyrillic in decode_html(html(cyrillic).encode("cp1251"))
    french = "Les dockers de Saltmère ont repris le travail jeudi, après neuf jours de grève."
    assert french in decode_html(html(french).encode("latin-1"))


def test_unknown_labels_are_ignored() -> None:
    assert TEXT in decode_html(html(TEXT).encode("utf-8"), declared="no-such-charset")


def test_mojibake_is_repaired_only_where_it_shows() -> None:
    damaged = TEXT.encode("utf-8").decode("cp1252", "replace")
    assert damaged != TEXT
    assert decode_html(html(damaged).encode("utf-8")) == html(TEXT)
    untouched = "Ãœber is not touched alone; São Paulo is fine"
    assert repair_mojibake(untouched) == untouched
    assert repair_mojibake("plain ascii") == "plain ascii"


def test_random_bytes_never_raise() -> None:
    rng = random.Random(7)
    for size in (0, 1, 3, 100, 5000):
        data = bytes(rng.randrange(256) for _ in range(size))
        assert isinstance(decode_html(data), str)
        assert isinstance(decode_html(data, declared="utf-16"), str)
