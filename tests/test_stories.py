"""Stories: signatures, exact duplicates, near-duplicate grouping, the original, and the API over them."""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from presscut.article import Article
from presscut.bench.syndicate import BaseText, copy_text, generated_bases, syndicate
from presscut.cli.output import render_story
from presscut.corpus import Corpus
from presscut.store import SQLiteStore
from presscut.stories import StoryConfig
from presscut.stories import index as story_index
from presscut.stories import minhash as minhash_module
from presscut.stories.minhash import MinHasher, overlap

T0 = datetime(2024, 3, 1, 8, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def bases() -> list[BaseText]:
    return [b for b in generated_bases(40, seed=5) if len(b.paragraphs) >= 5][:12]


def story_article(
    text: str, n: int, site: str = "The Harbour Gazette", *, hours: int = 0, attribution: str | None = None,
    title: str | None = None,
) -> Article:
    a = Article(
        url=f"https://{site.lower().replace(' ', '')}.example/news/{n}", site_name=site,
        title=title or f"Story {n}", text=text, published=T0 + timedelta(hours=hours), language="en",
        attribution=attribution,
    )
    a.assign_id()
    return a


def body(base: BaseText) -> str:
    return "\n\n".join(base.paragraphs)


# -- signatures -------------------------------------------------------------------


def test_words_are_hashed_case_and_punctuation_insensitively() -> None:
    h = MinHasher()
    a = h.word_hashes("The Port, the PORT; the port!")
    assert len(a) == 6
    assert len(set(a.tolist())) == 2
    assert h.word_hashes("Ｐort").tolist() == h.word_hashes("port").tolist()  # NFKC (full-width P)
    assert h.word_hashes("").size == 0 and h.word_hashes(" ,.;— ").size == 0


def test_ascii_texts_hash_as_their_casefolded_unicode_form() -> None:
    """The ASCII shortcut (lower() for casefold(), no NFKC check) gives the same word hashes."""
    h = MinHasher()
    text = "Harbour Board Votes To Dredge The Channel, Says CHAIR"
    assert h.word_hashes(text).tolist() == h.word_hashes(text + " \u201c").tolist()  # a quote: not ASCII, no word
    assert h.word_hashes("STRASSE").tolist() == h.word_hashes("Straße").tolist()  # casefold: ß is ss


def test_folding_by_table_gives_the_hashes_of_casefold() -> None:
    """Texts of the Basic Plane whose characters each fold to one are folded by table lookup; the hashes are
    those of ``str.casefold`` (the path a text with "ß" or a character beyond the plane takes)."""
    h = MinHasher()
    texts = ("ΟΔΟΣ Οδός ςσ", "Ѳеодоръ КИЇВ", "ſtraight \u212aelvin \u2126hm Åre", "Ǆemal ǅemal", "İz Iz", "Ａｂｃ ﬁne")
    for text in texts:
        normal = unicodedata.normalize("NFKC", text)
        assert h.word_hashes(text).tolist() == h._hash_words(normal.casefold()).tolist(), text
    assert h.word_hashes("Straße").tolist() == h._hash_words("strasse").tolist()


def test_signatures_are_deterministic_across_instances(bases: list[BaseText]) -> None:
    a, b = MinHasher().signature(body(bases[0])), MinHasher().signature(body(bases[0]))
    assert np.array_equal(a.values, b.values) and a.shingles == b.shingles > 20
    assert MinHasher(StoryConfig(seed=1)).signature(body(bases[0])).values.tolist() != a.values.tolist()


def test_band_keys_of_a_batch_are_those_of_each_signature(bases: list[BaseText]) -> None:
    h = MinHasher()
    sigs = [h.signature(body(b)) for b in bases[:5]] + [h.signature("")]
    rows = h.band_key_array(np.stack([s.values for s in sigs])).tolist()
    assert rows == [h.band_keys(s) for s in sigs]
    assert len(set(rows[0])) > 60  # 64 bands, nearly all distinct


def test_words_beyond_the_basic_plane_hash_like_any_other() -> None:
    h = MinHasher()
    # Characters of 16 and 32 bits in one text, a lone surrogate among them: words, not an error.
    words = h.word_hashes("Harbour 😀 𝔘𝔫𝔦 gazette \ud800 quay")
    assert len(words) == 4  # harbour, 𝔘𝔫𝔦 (letters), gazette, quay
    assert np.array_equal(words[[0, 2, 3]], h.word_hashes("harbour gazette quay"))


def test_a_long_text_hashes_the_same_in_pieces_without_keeping_its_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(f"quay{i % 997} tide{i % 89}" for i in range(4000))  # about 60,000 characters
    kept = MinHasher().signature(text)  # tables kept for the text's length
    monkeypatch.setattr(minhash_module, "KEPT_POWERS", 4096)  # ...and now read in pieces of 4,096 characters
    h = MinHasher()
    assert np.array_equal(h.signature(text).values, kept.values)  # tables made for the call: same hashes
    assert h._powers.size <= 4097  # ...and not kept beyond a piece
    assert h.word_hashes("x" * 10_000).size == 3  # no white space to cut at: cut inside the word, still hashed
    assert np.array_equal(minhash_module._power_series(0x100000001B3, 1000),
                          np.array([pow(0x100000001B3, i, 2**64) for i in range(1000)], dtype=np.uint64))


def test_overlap_estimates_jaccard_and_containment(bases: list[BaseText]) -> None:
    h = MinHasher()
    full = body(bases[0])
    same = overlap(h.signature(full), h.signature(full))
    assert same.jaccard == 1.0 and same.containment == 1.0
    words = full.split()
    teaser = " ".join(words[: len(words) // 3])
    o = overlap(h.signature(full), h.signature(teaser))
    assert o.containment > 0.8 and o.jaccard < 0.6
    other = overlap(h.signature(full), h.signature(body(bases[1])))
    assert other.containment < 0.1


def test_one_permutation_signatures_fill_every_bin_and_estimate_jaccard() -> None:
    """Each bin holds its smallest shingle hash or, empty, a value borrowed from the next filled bin; two sets'
    signatures agree in about the share of positions that their Jaccard similarity says."""
    h = MinHasher()
    words = [f"w{i}" for i in range(2400)]
    short = h.signature(" ".join(words[:40]))  # 37 shingles for 128 bins: most bins borrow
    assert short.shingles == 37 and (short.values != 0xFFFFFFFF).all()
    assert len(set(short.values.tolist())) > 100  # borrowed values are offset by their distance, not copies
    a, b = " ".join(words[:2000]), " ".join(words[1000:2400])  # 997 shared shingles of 2,397: Jaccard 0.416
    est = overlap(h.signature(a), h.signature(b))
    assert abs(est.jaccard - 997 / 2397) < 0.1
    assert abs(est.containment - 997 / 1397) < 0.15


@pytest.mark.parametrize("text", ["", "   ", "Word", "Two words.", "…"])
def test_tiny_texts_give_a_signature_without_crashing(text: str) -> None:
    sig = MinHasher().signature(text)
    assert sig.shingles == (0 if not any(c.isalnum() for c in text) else 1)
    assert overlap(sig, sig).containment in (0.0, 1.0)


# -- store: exact duplicates ----------------------------------------------------------


def test_same_text_at_another_url_is_one_article_with_both_urls(tmp_path: Path, bases: list[BaseText]) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    try:
        first = story_article(body(bases[0]), 1)
        again = story_article(body(bases[0]), 2, site="Saltmere Echo")
        assert store.upsert([first]) == ["new"]
        assert store.upsert([again]) == ["duplicate"]
        assert again.id == first.id  # resolved to the stored article
        stored = store.get(first.id)
        assert stored is not None
        assert set(stored.urls) == {first.url, again.url}
        assert store.count() == 1
        # a later visit at the second URL, same text: still the same article, nothing new
        assert store.upsert([story_article(body(bases[0]), 2, site="Saltmere Echo")]) == ["duplicate"]
        # re-ingesting the first URL keeps the URL learnt since
        assert store.upsert([story_article(body(bases[0]), 1)]) == ["unchanged"]
        assert set(store.get(first.id).urls) == {first.url, again.url}  # type: ignore[union-attr]
    finally:
        store.close()


def test_a_copy_in_the_same_batch_gets_its_story(tmp_path: Path, bases: list[BaseText]) -> None:
    """Stories are assigned after the batch's rows: a duplicate of an article of the same batch, and
    a near copy of it, still come back with its story id."""
    store = SQLiteStore(tmp_path / "c.db")
    try:
        first = story_article(body(bases[0]), 1)
        again = story_article(body(bases[0]), 2, site="Saltmere Echo")
        near = story_article("\n\n".join(bases[0].paragraphs[:-1]), 3, site="Pike County Ledger")
        other = story_article(body(bases[1]), 4)
        assert store.upsert([first, again, near, other]) == ["new", "duplicate", "new", "new"]
        assert first.story_id is not None
        assert again.story_id == near.story_id == first.story_id != other.story_id
        assert store.get(near.id).story_id == first.story_id  # type: ignore[union-attr]
    finally:
        store.close()


def test_later_visit_at_a_known_url_with_changed_text_is_a_revision(tmp_path: Path, bases: list[BaseText]) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    try:
        first = story_article(body(bases[0]), 1)
        store.upsert([first, story_article(body(bases[0]), 2)])
        updated = story_article(body(bases[0]) + "\n\nThe council will meet again on Friday.", 2)
        assert store.upsert([updated]) == ["revision"]
        assert updated.id == first.id
        assert store.revision_of(first.id) == 2
        assert store.get(first.id).story_id == first.id  # type: ignore[union-attr]
    finally:
        store.close()


def test_a_revision_that_leaves_its_story_hands_it_to_the_other_copies(
    tmp_path: Path, bases: list[BaseText], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_index, "RESCORE_CHUNK", 1)  # copies rescored one statement at a time
    store = SQLiteStore(tmp_path / "c.db")
    try:
        first = story_article(body(bases[0]), 1, hours=0)
        later = story_article(body(bases[0]) + "\n\nThe ferry runs again.", 2, site="Saltmere Echo", hours=5)
        earlier = story_article(body(bases[0]) + "\n\nSaltmere residents were warned.", 3, site="Quay Post", hours=2)
        store.upsert([first, later, earlier])
        story = first.story_id
        assert later.story_id == earlier.story_id == story == first.id
        # The founder, also the original, is rewritten into another story entirely.
        rewritten = story_article(body(bases[1]), 1, hours=0)
        assert store.upsert([rewritten]) == ["revision"]
        assert rewritten.story_id != story
        rowids = dict(store.db.execute("SELECT id, rowid FROM articles").fetchall())
        representative, original, published, count = store.db.execute(
            "SELECT representative, original, first_published, articles FROM stories WHERE id = ?", (story,)
        ).fetchone()
        assert count == 2
        assert representative == rowids[later.id]  # the earliest stored copy still in the story
        assert original == rowids[earlier.id]  # the earliest published copy still in the story
        assert published == earlier.published.isoformat()  # type: ignore[union-attr]
        # Similarities are now to the new representative.
        similarity = dict(store.db.execute("SELECT id, story_similarity FROM articles").fetchall())
        assert similarity[later.id] == 1.0
        h = MinHasher()
        expected = overlap(h.signature(later.text), h.signature(earlier.text)).containment
        assert similarity[earlier.id] == round(expected, 4) < 1.0
    finally:
        store.close()


def test_another_sites_copy_that_changes_is_not_a_revision(tmp_path: Path, bases: list[BaseText]) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    try:
        first = story_article(body(bases[0]), 1)
        store.upsert([first, story_article(body(bases[0]), 2, site="Saltmere Echo")])
        local = story_article(body(bases[0]) + "\n\nSaltmere residents were warned.", 2, site="Saltmere Echo")
        assert store.upsert([local]) == ["new"]
        assert local.id != first.id and store.revision_of(first.id) == 1
        assert local.story_id == first.story_id == first.id  # a version of the same story
    finally:
        store.close()


# -- store: stories ---------------------------------------------------------------------


def test_copies_join_one_story_and_follow_ups_do_not(tmp_path: Path, bases: list[BaseText]) -> None:
    rng = random.Random(7)
    base = bases[2]
    paras = list(base.paragraphs)
    original = story_article(body(base), 0, "Valemont Courier", hours=0, attribution="Meridian Press")
    words = body(base).split()
    teaser = story_article(" ".join(words[: int(len(words) * 0.35)]) + " …", 1, "Saltmere Echo", hours=-3)
    reordered = story_article("\n\n".join([paras[0], *reversed(paras[1:])]), 2, "Northreach Daily", hours=5)
    edited = story_article(copy_text(rng, paras, "Eastfold Herald", "Meridian Press"), 3, "Eastfold Herald", hours=7)
    quote = next(s for s in paras[1].split(". ") if len(s.split()) > 6)
    follow = story_article(
        "\n\n".join([*bases[3].paragraphs[:4], f"Earlier: {quote}."]), 4, "Lakeshore Ledger", hours=30
    )
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([original, teaser, reordered, edited, follow])
        ids = {a.id: corpus.get(a.id).story_id for a in (original, teaser, reordered, edited, follow)}  # type: ignore[union-attr]
        assert ids[teaser.id] == ids[reordered.id] == ids[edited.id] == ids[original.id] == original.id
        assert ids[follow.id] not in (ids[original.id], None)

        story = corpus.story(original.id)
        assert story is not None and len(story.copies) == 4
        # the teaser was published first: it is the original, though stored second
        assert story.original == teaser.id and [c.id for c in story.copies if c.original] == [teaser.id]
        assert story.copies[0].id == teaser.id  # earliest first
        assert story.attribution == "Meridian Press"
        assert [c.id for c in story.copies if c.representative] == [original.id]
        sims = {c.id: c.similarity for c in story.copies}
        assert sims[original.id] == 1.0 and all(0.5 <= (s or 0) <= 1.0 for s in sims.values())
        assert corpus.story(teaser.id).id == story.id  # type: ignore[union-attr]  # an article id finds its story
        assert corpus.story("nope") is None
        assert corpus.count(stories=True) == 2 and corpus.count() == 5


def test_search_collapses_copies_by_story(tmp_path: Path, bases: list[BaseText]) -> None:
    base = bases[4]
    word = base.paragraphs[0].split()[3].strip(".,“”")
    copies = [
        story_article(body(base) + "\n\n" + note, n, site, hours=n)
        for n, (site, note) in enumerate((("A Post", ""), ("B Times", "Local note."), ("C Star", "Another view.")))
    ]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(copies)
        flat = corpus.search(word, limit=10)
        grouped = corpus.search(word, limit=10, stories=True)
        assert len(flat) == 3 and len(grouped) == 1
        assert grouped[0].copies == 3 and grouped[0].story_id == copies[0].id
        assert corpus.count(word, stories=True) == 1


def test_story_counts_by_month_week_and_day(tmp_path: Path, bases: list[BaseText]) -> None:
    arts = [
        story_article(body(bases[5]), 1, hours=0), story_article(body(bases[5]) + "\n\nMore.", 2, "X", hours=2),
        story_article(body(bases[6]), 3, hours=24 * 40),
    ]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(arts)
        assert corpus.story_counts("month") == {
            "2024-03": {"articles": 2, "stories": 1}, "2024-04": {"articles": 1, "stories": 1},
        }
        assert corpus.story_counts("day")["2024-03-01"] == {"articles": 2, "stories": 1}
        weeks = corpus.story_counts("week")
        assert sum(v["articles"] for v in weeks.values()) == 3 and all(k.startswith("2024-W") for k in weeks)
        assert corpus.stats()["stories"] == 2


def test_short_and_empty_texts_get_stories_of_their_own(tmp_path: Path) -> None:
    arts = [story_article(t, n) for n, t in enumerate(["Breaking.", "Flood", "Flood warning issued", "x" * 40])]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(arts)
        assert all(corpus.get(a.id).story_id == a.id for a in arts)  # type: ignore[union-attr]
    store = SQLiteStore(tmp_path / "d.db")
    try:  # the store itself accepts an empty text (filters normally drop it before)
        assert store.upsert([story_article("", 9)]) == ["new"]
    finally:
        store.close()


def test_rebuild_reproduces_incremental_assignment(tmp_path: Path, bases: list[BaseText]) -> None:
    items = syndicate(bases, seed=3)
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([it.article for it in items])
        before = {a.id: a.story_id for a in corpus.iter_articles()}
        assert corpus.rebuild_stories() == len(before)
        after = {a.id: a.story_id for a in corpus.iter_articles()}
        assert after == before
        assert len(set(after.values())) < len(after)  # copies were grouped


def test_story_id_is_exported(tmp_path: Path, bases: list[BaseText]) -> None:
    a = story_article(body(bases[7]), 1)
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([a])
        out = tmp_path / "out.jsonl"
        corpus.export(out)
        assert f'"story_id": "{a.id}"' in out.read_text(encoding="utf-8")


# -- the labelled generator ---------------------------------------------------------------


def test_syndicate_is_deterministic_and_labelled(bases: list[BaseText]) -> None:
    a, b = syndicate(bases, seed=1), syndicate(bases, seed=1)
    assert [x.article.text for x in a] == [x.article.text for x in b]
    kinds = {x.kind for x in a}
    assert {"original", "copy"} <= kinds
    for x in a:
        if x.kind == "followup":
            assert x.quotes is not None and x.quotes != x.story
        if x.kind == "copy":
            original = next(o for o in a if o.story == x.story and o.kind == "original")
            assert x.article.site_name != original.article.site_name
            assert x.article.published >= original.article.published  # type: ignore[operator]


def test_bench_quality_on_a_small_set(tmp_path: Path) -> None:
    from presscut.bench.stories import run_stories_bench

    result = run_stories_bench(stories=60, seed=2, scale="", workdir=tmp_path)
    q = result["quality"]
    assert result["articles"] > 150
    assert q["pair_precision"] >= 0.95 and q["pair_recall"] >= 0.9
    assert q["followups_merged"] <= 0.1 and 0.9 <= q["purity"] <= 1.0


def test_bench_pairs_each_larger_run_with_as_many_articles_at_the_smallest_scale(tmp_path: Path) -> None:
    from presscut.bench.stories import run_stories_bench
    from presscut.cli.stories import render_stories_bench

    result = run_stories_bench(stories=40, seed=2, scale="1500,3000", probes=20, runs=1, workdir=tmp_path)
    small, large = result["scale"]
    assert "reference" not in small["runs"][0]
    run = large["runs"][0]
    assert run["reference"]["articles"] >= run["articles"] and run["reference"]["ms_per_article"] > 0
    rendered = render_stories_bench(result)
    assert "paired: each run at 3000 against as many new articles at 1500" in rendered
    assert "x wall, median of" in rendered and "x CPU, median of" in rendered
    assert all(r["move_ms_per_article"] <= r["ms_per_article"] for p in result["scale"] for r in p["runs"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quality.db"]  # the snapshot and its copies are gone


def test_a_corpus_from_before_stories_is_migrated_and_rebuilt(tmp_path: Path, bases: list[BaseText]) -> None:
    import sqlite3

    from presscut.store import sqlite as store_module

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for statement in store_module._split_sql(store_module._MIGRATIONS[0]):
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    for n, text in enumerate([body(bases[8]), body(bases[8]) + "\n\nA late addition.", body(bases[9])]):
        con.execute(
            "INSERT INTO articles (id, title, text, text_hash, page_type, data, stored_at) "
            "VALUES (?, ?, ?, ?, 'article', '{}', '2024-01-01')",
            (f"old{n}", f"Old {n}", text, f"h{n}"),
        )
    con.commit()
    con.close()
    with Corpus(db) as corpus:
        assert corpus.store.schema_version == store_module.SCHEMA_VERSION
        assert corpus.get("old0").story_id is None  # type: ignore[union-attr]
        assert corpus.rebuild_stories() == 3
        assert [corpus.get(f"old{n}").story_id for n in range(3)] == ["old0", "old0", "old2"]  # type: ignore[union-attr]


def test_signatures_made_upstream_give_the_same_stories(tmp_path: Path) -> None:
    """The sign step (run in workers) and the store agree: same stories either way."""
    import pickle

    from presscut.pipeline.steps import Signed, SignStep

    from .conftest import make_article

    base = " ".join(f"word{i} harbour council vote budget" for i in range(80))
    texts = [base, base + " An added local paragraph about the quay.", "A different story about rainfall " * 20]
    articles = [make_article(url=f"https://outlet{i}.example/a", canonical_url=None, text=t)
                for i, t in enumerate(texts)]
    step = pickle.loads(pickle.dumps(SignStep()))  # as a worker process receives it
    signed = [step.process(a) for a in articles]
    assert all(isinstance(s, Signed) for s in signed)
    plain, pre = SQLiteStore(tmp_path / "plain.db"), SQLiteStore(tmp_path / "pre.db")
    try:
        plain.upsert([make_article(url=a.url, canonical_url=None, text=a.text) for a in articles])
        pre.upsert([s.article for s in signed], [s.signature for s in signed])
        stories_plain = [plain.get(a.id).story_id for a in articles]  # type: ignore[union-attr]
        stories_pre = [pre.get(a.id).story_id for a in articles]  # type: ignore[union-attr]
        assert stories_plain == stories_pre
        assert stories_pre[0] == stories_pre[1] != stories_pre[2]
    finally:
        plain.close()
        pre.close()


def test_a_day_only_date_does_not_beat_a_timestamp_of_the_same_day(tmp_path: Path) -> None:
    """A copy dated only by its URL (midnight) is 'some time that day': the timed copy is the original."""
    from .conftest import make_article

    text = " ".join(f"word{i} quay crane union strike" for i in range(80))
    timed = make_article(url="https://a.example/strike", canonical_url=None, text=text,
                         published=datetime(2025, 11, 4, 9, 12, tzinfo=timezone.utc), date_source="json-ld")
    day_only = make_article(url="https://b.example/2025/11/04/strike", canonical_url=None, text=text + " More.",
                            published=datetime(2025, 11, 4, tzinfo=timezone.utc), date_source="url")
    earlier_day = make_article(url="https://c.example/2025/11/03/strike", canonical_url=None, text=text + " Again.",
                               published=datetime(2025, 11, 3, tzinfo=timezone.utc), date_source="url")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([day_only, timed])
        story = corpus.story(corpus.get(timed.id).story_id)  # type: ignore[union-attr,arg-type]
        assert story is not None and story.original == timed.id
        corpus.add([earlier_day])
        story = corpus.story(story.id)
        assert story is not None and story.original == earlier_day.id
    copies = {c.id: c for c in story.copies}
    assert copies[day_only.id].day_only and not copies[timed.id].day_only
    table = render_story(story)
    assert "2025-11-04T09:12" in table and "2025-11-03 " in table and "2025-11-03T00:00" not in table
