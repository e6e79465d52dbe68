"""The public API: what ``presscut`` exports is exactly its ``__all__``."""

from __future__ import annotations

import presscut


def test_all_matches_public_names() -> None:
    public = {name for name in vars(presscut) if not name.startswith("_")}
    # submodules are importable attributes, not part of the API
    modules = {name for name in public if type(getattr(presscut, name)).__name__ == "module"}
    assert set(presscut.__all__) - {"__version__"} == public - modules
    for name in presscut.__all__:
        assert getattr(presscut, name) is not None


def test_entry_points_are_callables() -> None:
    assert callable(presscut.extract)
    assert callable(presscut.clean_text)
    assert isinstance(presscut.Corpus, type)


def test_errors_form_one_tree() -> None:
    for err in (presscut.InputError, presscut.QueryError, presscut.StoreError, presscut.MissingExtra):
        assert issubclass(err, presscut.PresscutError)
