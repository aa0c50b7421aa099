"""pytest plugin: the Chromium version in the header; at the end, how many page states axe
checked and how many documents the Nu HTML Checker read (``tests.htmlcheck``).

Registered by ``tests/browser/conftest.py``. Under pytest-xdist every worker counts its own
runs and hands the numbers to the controller through ``workeroutput``; the controller adds
them up. The controller only has this plugin when tests/browser/conftest.py is one of pytest's
*initial* conftests, i.e. when tests/browser (or a file in it) is named on the command line, or
when the root conftest registers this module; otherwise the summary line is missing under
xdist (the counts are still collected, nothing is made up).
"""

from __future__ import annotations

import os
import subprocess
from typing import Any

import pytest

from tests import htmlcheck
from tests.browser import helpers

_AXE_KEY = "biuletyn_axe_page_states"
_VNU_KEY = "biuletyn_vnu_documents"
_from_workers: dict[str, tuple[int, int]] = {}


def chromium_path() -> str:
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


def chromium_version() -> str:
    try:
        done = subprocess.run(  # noqa: S603 - our own, fixed command line
            [chromium_path(), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError as error:
        return f"{chromium_path()} not runnable ({error}); run `make test-browser-deps`"
    return done.stdout.strip() or done.stderr.strip() or f"exit {done.returncode}"


def pytest_report_header(config: pytest.Config) -> str:
    return f"browser tests: {chromium_version()} ({chromium_path()})"


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_AXE_KEY] = helpers.axe_page_states_checked()
        workeroutput[_VNU_KEY] = htmlcheck.pages_checked()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    worker = (getattr(node, "workerinput", None) or {}).get("workerid", str(id(node)))
    output = getattr(node, "workeroutput", None) or {}
    _from_workers[str(worker)] = (int(output.get(_AXE_KEY, 0)), int(output.get(_VNU_KEY, 0)))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if hasattr(terminalreporter.config, "workeroutput"):
        return  # a worker: its controller reports
    if _from_workers:
        axe = sum(counts[0] for counts in _from_workers.values())
        vnu = sum(counts[1] for counts in _from_workers.values())
        detail = ", ".join(f"{k}: {v[0]}" for k, v in sorted(_from_workers.items()))
        terminalreporter.write_line(f"axe-core: {axe} page states checked ({detail})")
    else:
        axe, vnu = helpers.axe_page_states_checked(), htmlcheck.pages_checked()
        terminalreporter.write_line(f"axe-core: {axe} page states checked")
    terminalreporter.write_line(f"Nu HTML Checker: {vnu} documents checked")
