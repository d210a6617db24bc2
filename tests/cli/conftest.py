"""Run the real ``numcheck`` command line over a small good corpus in a temporary folder.

Most tests call :func:`checks.cli.main` in-process (the same entry point as the console
script, with its error mapping and exit codes); a few run the console script in a
subprocess to prove the installed command behaves the same. Every test gets its own
folder, but claims are cached in one folder shared by the session, which keeps the
many runs over the same two articles fast.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import GOOD_ARTICLES, REPO, Run

from checks.cli import main


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One claims cache for the session: the good articles are extracted once."""
    return tmp_path_factory.mktemp("numcheck-cache")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A current folder with ``corpus/`` (two good seed articles) and ``rules.yaml``."""
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for name in GOOD_ARTICLES:
        shutil.copy(REPO / "seeds" / name, corpus / name)
    shutil.copy(REPO / "rules.yaml", tmp_path / "rules.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def numcheck(workspace: Path, shared_cache: Path) -> Callable[..., Run]:
    """Run ``numcheck ARGS...`` in-process in the workspace; returns a :class:`Run`.

    ``check`` runs share the session's claims cache unless a test passes ``--no-cache``
    or ``--cache-dir`` itself.
    """

    def run(*args: str) -> Run:
        argv = list(args)
        if "check" in argv and "--no-cache" not in argv and "--cache-dir" not in argv:
            argv += ["--cache-dir", str(shared_cache)]
        out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
        out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
        err = io.TextIOWrapper(err_bytes, encoding="utf-8", write_through=True)
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            main(argv)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 0
        finally:
            sys.stdout, sys.stderr = saved
        return Run(
            code,
            out_bytes.getvalue().decode("utf-8", "replace"),
            err_bytes.getvalue().decode("utf-8", "replace"),
        )

    return run


@pytest.fixture
def numcheck_process(workspace: Path) -> Callable[..., Run]:
    """Run the installed console script (falling back to ``-m``-style import) in a subprocess."""
    script = Path(sys.executable).with_name("numcheck")
    prefix = (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "from checks.cli import main; main()"]
    )

    def run(*args: str) -> Run:
        done = subprocess.run(
            [*prefix, *args], capture_output=True, text=True, cwd=workspace, timeout=120
        )
        return Run(done.returncode, done.stdout, done.stderr)

    return run
