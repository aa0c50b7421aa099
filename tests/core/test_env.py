"""Configuration from the environment (settings/env.py): typed, with *_FILE secrets."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from biuletyn.settings.env import envbool, envint, envlist, envsecret, envstr

pytestmark = pytest.mark.unit


def test_envbool_reads_yes_and_no_words(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert envbool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "0")
    assert envbool("FLAG", True) is False


def test_envbool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be a yes/no value"):
        envbool("FLAG", False)


def test_envint_and_envlist(monkeypatch):
    monkeypatch.setenv("WORKERS", "4")
    monkeypatch.setenv("HOSTS", "a.example, b.example ,")
    assert envint("WORKERS", 1) == 4
    assert envlist("HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("WORKERS", "four")
    with pytest.raises(ImproperlyConfigured):
        envint("WORKERS", 1)


def test_secret_may_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n", encoding="utf-8")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))

    assert envstr("SECRET_KEY") == "s3cret"
    assert envsecret("SECRET_KEY") == "s3cret"


def test_missing_secret_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY_FILE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        envsecret("SECRET_KEY")
