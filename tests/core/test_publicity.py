"""ADR 0001, issue "Exact and private": every model of ours declares whether its changes show
on public pages (biuletyn/core/publicity.py), and ``manage.py check`` fails for a model that
does not, so a new model cannot silently flush the page cache or silently leave it stale."""

from __future__ import annotations

import pytest
from django.core import checks
from django.db import models
from django.test.utils import isolate_apps
from wagtail.models import Page

from biuletyn.articles.models import ArticleRelatedLink
from biuletyn.core import publicity
from biuletyn.core.checks import check_publicity, declaration_errors, publicity_errors
from biuletyn.images.models import BiuletynImage, BiuletynRendition
from biuletyn.pages.models import SiteSettings, StandardPage

pytestmark = pytest.mark.unit


def test_the_project_passes_the_check():
    assert check_publicity() == []
    assert [m for m in checks.run_checks() if m.id and m.id.startswith("biuletyn.E")] == []


@isolate_apps("biuletyn.core")
def test_an_undeclared_model_fails_the_check():
    class Outbox(models.Model):
        class Meta:
            app_label = "core"

        def __str__(self) -> str:
            return "outbox"

    errors = publicity_errors([Outbox])

    assert [e.id for e in errors] == ["biuletyn.E001"]
    assert "publicity.py" in errors[0].hint


def test_a_model_declared_twice_fails_the_check(monkeypatch):
    monkeypatch.setattr(
        "biuletyn.core.checks.NEUTRAL_MODELS", publicity.NEUTRAL_MODELS | {"pages.sitesettings"}
    )

    assert [e.id for e in publicity_errors([SiteSettings])] == ["biuletyn.E002"]


def test_a_stale_entry_fails_the_check(monkeypatch):
    monkeypatch.setattr(
        "biuletyn.core.checks.NEUTRAL_MODELS", publicity.NEUTRAL_MODELS | {"core.nothing"}
    )

    assert [e.id for e in declaration_errors()] == ["biuletyn.E003"]


def test_kinds():
    assert publicity.kind(StandardPage) == "page"
    assert publicity.kind(Page) == "page"  # Wagtail's move saves a plain Page
    assert publicity.kind(SiteSettings) == "public"
    assert publicity.kind(BiuletynRendition) == "neutral"
    assert publicity.kind(BiuletynImage) == "public"
    assert publicity.kind(ArticleRelatedLink) == "part"
