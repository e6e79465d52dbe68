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


def test_no_public_function_hides_a_subpackage() -> None:
    """``presscut.extract`` is the function; ``import presscut.<package>.<module> as m`` must still work for every
    package (a function named like its package made ``import presscut.extract.page as m`` fail)."""
    import importlib
    import pkgutil

    packages = {m.name for m in pkgutil.iter_modules(presscut.__path__) if m.ispkg}
    assert packages and not packages & set(presscut.__all__)
    for name in packages:
        importlib.import_module(f"presscut.{name}")
        assert getattr(presscut, name).__name__ == f"presscut.{name}"  # the package, not a function of that name


def test_errors_form_one_tree() -> None:
    for err in (presscut.InputError, presscut.QueryError, presscut.StoreError, presscut.MissingExtra):
        assert issubclass(err, presscut.PresscutError)
