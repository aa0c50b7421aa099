"""ADR 0001, issue "Exact and private" (done when): a burst of saves of models that never show
on public pages (image renditions, task results, sessions, users) leaves every cached page in
place, so the writes that registrations, the outbox and comments will bring do not flush the
site.

Persona: an anonymous reader, whose pages stay fast while the site is busy writing."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories.bulletin import make_image
from tests.factories.pages import make_standard_page

pytestmark = pytest.mark.integration


def hit_ratio(client, urls: list[str]) -> float:
    hits = sum(client.get(url).get("X-Page-Cache") == "hit" for url in urls)
    return hits / len(urls)


def test_a_hundred_neutral_saves_keep_every_entry(
    client, site_tree, page_cache, django_user_model, django_capture_on_commit_callbacks
):
    make_standard_page(site_tree["pl"], title="Kontakt", slug="kontakt")
    image = make_image()
    urls = ["/", "/en/", "/kontakt/", "/sitemap.xml", "/nie-ma-takiej-strony/"]
    for url in urls:
        client.get(url)
    before = hit_ratio(client, urls)
    entries = len(page_cache)

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(25):
            image.get_rendition(f"fill-{100 + number}x100")
        for number in range(25):
            DBTaskResult.objects.create(
                id=uuid.uuid4(),
                args_kwargs={"args": [number, 1], "kwargs": {}},
                task_path="tests.core.tasks_for_tests.task_add",
                backend_name="default",
                queue_name="default",
                run_after=timezone.now(),
                exception_class_path="",
                traceback="",
            )
        for number in range(25):
            session = SessionStore()
            session["number"] = number
            session.create()
        for number in range(25):
            django_user_model.objects.create_user(f"czytelnik-{number}", password="x")

    assert before == 1.0
    assert hit_ratio(client, urls) == before
    assert len(page_cache) == entries
