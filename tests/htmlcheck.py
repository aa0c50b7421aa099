"""The Nu HTML Checker (vnu.jar from npm's vnu-jar) for any test, with or without a browser.

Starting the JVM costs about a second, so pages are checked in batches: collect the HTML of
several pages, then call ``assert_valid_html({"name": html, ...})`` once.

Messages of type "error" and "non-document-error" (the checker could not read a document) fail
the test. Warnings (type "info", subType "warning") are printed, so they show in the captured
output of a failing test or with ``-rP``, and do not fail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILING_TYPES = {"error", "non-document-error"}

_pages_checked = 0


def pages_checked() -> int:
    """How many documents this process has sent to the checker."""
    return _pages_checked


def _file_name(name: str, index: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "page"
    return f"{index:03d}-{slug}.html"


def check_html(pages: Mapping[str, str | bytes]) -> dict[str, list[dict[str, Any]]]:
    """Run the checker once on all ``pages`` ({name: HTML}); its messages, by page name."""
    global _pages_checked
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        raise AssertionError(
            f"The Nu HTML Checker needs java and {VNU_JAR}; run `make test-browser-deps`."
        )
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        by_path: dict[str, str] = {}
        for index, (name, html) in enumerate(pages.items()):
            path = Path(folder) / _file_name(name, index)
            path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
            by_path[str(path.resolve())] = name
        done = subprocess.run(  # noqa: S603 - fixed command line, our own files
            [
                java,
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--stdout",
                "--exit-zero-always",
                *by_path,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if done.returncode != 0:
        raise AssertionError(f"vnu.jar exited {done.returncode}: {done.stderr or done.stdout}")
    report = json.loads(done.stdout)
    _pages_checked += len(pages)
    messages: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
    for message in report.get("messages", []):
        path = unquote(urlsplit(message.get("url", "")).path)
        name = by_path.get(str(Path(path).resolve()) if path else "", "<checker>")
        messages.setdefault(name, []).append(message)
    return messages


def format_message(message: Mapping[str, Any]) -> str:
    where = f"line {message['lastLine']}" if "lastLine" in message else "document"
    kind = message.get("subType", message.get("type"))
    extract = " ".join(str(message.get("extract", "")).split())[:160]
    text = f"{kind} at {where}: {message.get('message')}"
    return f"{text}\n      {extract}" if extract else text


def assert_valid_html(pages: Mapping[str, str | bytes]) -> None:
    """Fail on any checker error in any of ``pages``; print its warnings."""
    assert pages, "no pages to check"
    failures = []
    for name, messages in check_html(pages).items():
        for message in messages:
            line = f"{name}: {format_message(message)}"
            if message.get("type") in FAILING_TYPES:
                failures.append(line)
            else:
                print(f"vnu {line}")
    assert not failures, "Nu HTML Checker errors:\n" + "\n".join(failures)
