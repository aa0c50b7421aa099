"""ADR 0001, issue "Exact and private": the page cache is cleared exactly when something that
shows on public pages changes (publishing, unpublishing, a live page's save, moves, reorders,
privacy, deletes, slug changes, scheduled publishing, workflow approval), never for drafts or
pages that were never live, once per transaction, and once for a whole ``paused()`` block.

Personas: an anonymous reader (must never get a moved, private or deleted page from the cache);
an editor and a moderator working in the admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.move_page import MovePageAction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from biuletyn.core import pagecache
from biuletyn.pages.models import StandardPage
from tests.factories.bulletin import make_category, make_image
from tests.factories.pages import make_standard_page

pytestmark = pytest.mark.integration


@pytest.fixture
def clears(monkeypatch):
    """How many times the store was really emptied."""
    counted: list[int] = []
    real = pagecache.PageStore.clear

    def counting(self):
        counted.append(1)
        return real(self)

    monkeypatch.setattr(pagecache.PageStore, "clear", counting)
    return counted


@pytest.fixture
def pages(site_tree):
    home = site_tree["pl"]
    return {
        "kontakt": make_standard_page(home, title="Kontakt", slug="kontakt"),
        "o-nas": make_standard_page(home, title="O nas", slug="o-nas"),
    }


@pytest.fixture
def warm(client, page_cache, pages):
    """Fill the cache with a few pages and check they are hits; returns a function that tells
    whether they all still are."""
    urls = ["/", "/kontakt/", "/o-nas/"]

    def all_hits() -> bool:
        return all(client.get(url).get("X-Page-Cache") == "hit" for url in urls)

    for url in urls:
        client.get(url)
    assert all_hits()
    return all_hits


def draft_page(parent: Page, slug: str) -> StandardPage:
    page = StandardPage(title="Szkic", slug=slug, live=False, locale=parent.locale)
    parent.add_child(instance=page)
    page.save_revision()
    return page


# --- what does not clear ------------------------------------------------------------------------


def test_saving_a_draft_of_a_live_page_does_not_clear(
    warm, pages, page_cache, django_capture_on_commit_callbacks
):
    page = pages["kontakt"]
    page.title = "Kontakt (szkic)"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()

    assert len(page_cache) == 3
    assert warm()


def test_a_page_that_was_never_live_does_not_clear(
    warm, site_tree, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = draft_page(site_tree["pl"], "szkic")
        page.title = "Szkic 2"
        page.save()
        page.delete()

    assert len(page_cache) == 3


def test_submitting_for_moderation_does_not_clear_and_approval_does(
    warm, pages, page_cache, django_capture_on_commit_callbacks, django_user_model, client
):
    page = pages["kontakt"]
    moderator = django_user_model.objects.create_superuser("moderator", password="x")
    workflow = Workflow.objects.create(name="Akceptacja")
    task = GroupApprovalTask.objects.create(name="Zatwierdza moderator")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Kontakt po akceptacji"
        page.save_revision(user=moderator)
        state = page.get_workflow().start(page, moderator)
    assert len(page_cache) == 3

    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=moderator)

    assert len(page_cache) == 0
    assert "Kontakt po akceptacji" in client.get("/kontakt/").content.decode()


def test_file_bookkeeping_of_an_image_does_not_clear(
    warm, page_cache, django_capture_on_commit_callbacks
):
    image = make_image()
    image.file_size = None

    with django_capture_on_commit_callbacks(execute=True):
        image.get_file_size()  # Wagtail saves update_fields=["file_size"]

    assert len(page_cache) == 3


# --- what clears --------------------------------------------------------------------------------


def test_a_plain_save_of_a_live_page_clears(
    warm, pages, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages["kontakt"].save()

    assert len(page_cache) == 0


def test_a_plain_save_that_takes_a_page_down_clears(
    warm, pages, page_cache, client, django_capture_on_commit_callbacks
):
    page = Page.objects.get(pk=pages["kontakt"].pk).specific
    page.live = False

    with django_capture_on_commit_callbacks(execute=True):
        page.save()

    assert len(page_cache) == 0
    assert client.get("/kontakt/").status_code == 404


def test_moving_a_page_clears(warm, pages, page_cache, client, django_capture_on_commit_callbacks):
    page, new_parent = pages["kontakt"], pages["o-nas"]

    with django_capture_on_commit_callbacks(execute=True):
        page.move(new_parent, pos="last-child")

    assert len(page_cache) == 0
    old_url = client.get("/kontakt/")
    assert old_url.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert old_url["Location"] == "/o-nas/kontakt/"
    assert client.get("/o-nas/kontakt/").status_code == 200


def test_move_page_action_clears(warm, pages, page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        MovePageAction(pages["kontakt"], pages["o-nas"], pos="last-child").execute()

    assert len(page_cache) == 0


def test_reordering_clears(warm, pages, page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages["o-nas"].move(pages["kontakt"], pos="left")  # the menu order changes

    assert len(page_cache) == 0


def test_moving_a_page_in_the_admin_clears(
    warm, pages, page_cache, django_capture_on_commit_callbacks, django_user_model
):
    from django.test import Client

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("redaktor", password="x"))
    url = reverse("wagtailadmin_pages:move_confirm", args=[pages["kontakt"].pk, pages["o-nas"].pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url)

    assert response.status_code == 302
    assert Page.objects.get(pk=pages["kontakt"].pk).url_path.endswith("/o-nas/kontakt/")
    assert len(page_cache) == 0


def test_reordering_in_the_admin_clears(
    warm, pages, page_cache, django_capture_on_commit_callbacks, django_user_model
):
    from django.test import Client

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("redaktor", password="x"))
    url = reverse("wagtailadmin_pages:set_page_position", args=[pages["o-nas"].pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"{url}?position=0")

    assert response.status_code == 200
    assert len(page_cache) == 0


def test_making_a_page_private_and_public_again_clears(
    warm, pages, page_cache, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=pages["kontakt"], restriction_type=PageViewRestriction.LOGIN
        )
    assert len(page_cache) == 0
    assert client.get("/kontakt/").status_code == 302  # to the sign-in page, never the cache

    client.get("/o-nas/")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert len(page_cache) == 0
    assert client.get("/kontakt/").status_code == 200


def test_deleting_a_live_page_clears(
    warm, pages, page_cache, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages["kontakt"].delete()

    assert len(page_cache) == 0
    assert client.get("/kontakt/").status_code == 404


def test_changing_a_slug_clears(
    warm, pages, page_cache, client, django_capture_on_commit_callbacks
):
    page = pages["kontakt"]
    page.slug = "kontakt-z-nami"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert len(page_cache) == 0
    old_url = client.get("/kontakt/")
    assert old_url.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert old_url["Location"] == "/kontakt-z-nami/"
    assert client.get("/kontakt-z-nami/").status_code == 200


def test_scheduled_publishing_clears(pages, page_cache, client, django_capture_on_commit_callbacks):
    page = pages["kontakt"]
    page.title = "Kontakt zaplanowany"
    page.save_revision(approved_go_live_at=timezone.now() - dt.timedelta(minutes=1))
    client.get("/kontakt/")
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    response = client.get("/kontakt/")
    assert response["X-Page-Cache"] == "miss"
    assert "Kontakt zaplanowany" in response.content.decode()


def test_a_public_snippet_clears(warm, page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_category()

    assert len(page_cache) == 0


# --- how often ----------------------------------------------------------------------------------


def test_one_transaction_clears_once(
    warm, pages, page_cache, clears, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        pages["kontakt"].save_revision().publish()
        pages["o-nas"].move(pages["kontakt"], pos="left")
        PageViewRestriction.objects.create(page=pages["o-nas"], restriction_type="login")
        make_category()

    assert len(clears) == 1
    assert len(page_cache) == 0


def test_a_rolled_back_transaction_does_not_clear(
    warm, pages, page_cache, clears, django_capture_on_commit_callbacks
):
    class Undo(Exception):
        pass

    def publish_then_fail() -> None:
        with transaction.atomic():
            pages["kontakt"].save_revision().publish()
            raise Undo

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(Undo):
            publish_then_fail()
        pages["o-nas"].save_revision()  # a draft: nothing to clear

    assert clears == []
    assert len(page_cache) == 3


def test_pages_made_inside_paused_clear_once(
    warm, site_tree, page_cache, clears, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
        pagecache.paused(),
    ):
        for number in range(5):
            make_standard_page(site_tree["pl"], title=f"Strona {number}", slug=f"s-{number}")
        assert clears == []

    assert len(clears) == 1
    assert len(page_cache) == 0


def test_loading_the_demo_clears_once(db, page_cache, clears, django_capture_on_commit_callbacks):
    from biuletyn.demo.loader import load

    with django_capture_on_commit_callbacks(execute=True):
        summary = load(port=8000)

    assert summary["articles"] > 1
    assert len(clears) == 1
