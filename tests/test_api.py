"""The public API: what ``presscut`` exports is exactly its ``__all__``."""

from __future__ import annotations

import presscut


def test_all_matches_public_names() -> None:
    for name in presscut.__all__:  # loaded on first use: touch each, then read the module's namespace
        getattr(presscut, name)
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


def test_public_names_load_on_first_use() -> None:
    """``import presscut`` and the command line's parser load neither the extractor nor numpy; a public
    name imports its module when first used, and an unknown name is an AttributeError."""
    import subprocess
    import sys

    code = (
        "import sys, presscut, presscut.cli.main; presscut.cli.main.build_parser(); "
        "heavy = [m for m in ('numpy', 'lxml', 'selectolax', 'ftfy', 'presscut.extraction', 'presscut.store') "
        "if m in sys.modules]; "
        "from presscut import Corpus, extract; "
        "print(heavy, Corpus.__module__, extract.__module__, 'presscut.store' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "presscut.corpus", "presscut.extraction.core", "True"]
    try:
        presscut.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
