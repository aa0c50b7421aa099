"""The review queue in the admin (issue 12): "Do przejrzenia" lists what the sources brought, each
title leading to the draft's editor, filtered by source; "Odrzuć" is a POST with CSRF that
deletes the draft; publishing the draft takes it out of the queue; only the bulletin's editors
get in. The source snippet's list and form work in Polish.

Personas: the bulletin's editor; a member organisation's writer, who may not review."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from biuletyn.articles.services import BULLETIN_EDITORS, ensure_editorial_groups
from biuletyn.sources import services
from biuletyn.sources.apps import ensure_editor_permissions
from biuletyn.sources.models import ItemState, Source, SourceItem

pytestmark = pytest.mark.integration

QUEUE = "/admin/sources/"


@pytest.fixture
def editor(django_user_model, bulletin):
    ensure_editorial_groups(bulletin=bulletin)
    ensure_editor_permissions()
    user = django_user_model.objects.create_user("redaktorka", "r@example.org", "x")
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def fetched(local_server, make_source):
    city = make_source(local_server.url("miasto.rss"))
    ngo = make_source(
        local_server.url("organizacja.atom"),
        name="Stowarzyszenie Razem",
        attribution="razem.example",
    )
    services.fetch_all()
    return {"city": city, "ngo": ngo}


def test_the_queue_lists_the_drafts_with_their_sources(client, editor, fetched):
    client.force_login(editor)
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Do przejrzenia" in html
    assert "3 artykuły do przejrzenia" in html
    for item in SourceItem.objects.all():
        assert reverse("wagtailadmin_pages:edit", args=(item.page_id,)) in html
        assert f'Odrzuć<span class="w-sr-only"> – {item.title}</span>' in html
    assert "Oryginał ma 1 ilustrację – nie została pobrana." in html
    assert "widoczne jako „Źródło: lublin.eu”" in html

    only_ngo = client.get(QUEUE, {"source": fetched["ngo"].pk}).content.decode()
    assert "1 artykuł do przejrzenia" in only_ngo
    assert "Warsztaty z audiodeskrypcji" in only_ngo
    assert "Dyżur tłumacza PJM" not in only_ngo
    assert 'aria-current="page">Stowarzyszenie Razem (1)' in only_ngo


def test_reject_needs_a_post_with_csrf(editor, fetched):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    item = SourceItem.objects.get(guid="urn:uuid:razem-1")
    url = reverse("sources_admin:reject", args=(item.pk,))
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    item.refresh_from_db()
    assert item.state == ItemState.TO_REVIEW


def test_reject_deletes_the_draft_and_leaves_the_queue(client, editor, fetched):
    client.force_login(editor)
    item = SourceItem.objects.get(guid="urn:uuid:razem-1")
    response = client.post(
        reverse("sources_admin:reject", args=(item.pk,)), {"source": fetched["ngo"].pk}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"{QUEUE}?source={fetched['ngo'].pk}#queue"
    html = response.content.decode()
    assert "Odrzucono „Warsztaty z audiodeskrypcji dla wolontariuszy”" in html
    item.refresh_from_db()
    assert item.state == ItemState.REJECTED
    assert item.page is None
    assert item.decided_by == editor
    queue = client.get(QUEUE).content.decode()
    assert "2 artykuły do przejrzenia" in queue
    assert "Warsztaty z audiodeskrypcji" not in queue


def test_publishing_in_the_editor_takes_the_item_out_of_the_queue(client, editor, fetched):
    client.force_login(editor)
    item = SourceItem.objects.get(guid="miasto-1002")
    item.page.save_revision(user=editor).publish(user=editor)
    item.refresh_from_db()
    assert item.state == ItemState.PUBLISHED
    html = client.get(QUEUE).content.decode()
    assert "2 artykuły do przejrzenia" in html
    assert "Dyżur tłumacza PJM w ratuszu" not in html


def test_the_queue_is_for_the_bulletins_editors_only(client, django_user_model, fetched):
    writer = django_user_model.objects.create_user("pisarz", "p@example.org", "x")
    writer.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(writer)
    assert client.get(QUEUE).status_code in {302, 403}
    item = SourceItem.objects.first()
    response = client.post(reverse("sources_admin:reject", args=(item.pk,)))
    assert response.status_code in {302, 403}
    item.refresh_from_db()
    assert item.state == ItemState.TO_REVIEW


def test_an_empty_queue_says_so(client, editor, db):
    client.force_login(editor)
    html = client.get(QUEUE).content.decode()
    assert "Nie ma nic do przejrzenia." in html


def test_the_sources_snippet_in_polish(client, editor, fetched, bulletin):
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_sources_source:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Źródła przedruków" in html
    assert "2 nowe, 0 już znanych" in html
    add = client.get(reverse("wagtailsnippets_sources_source:add"))
    assert add.status_code == 200
    assert "Widoczny pod każdym przedrukowanym artykułem jako „Źródło: …”" in add.content.decode()
    response = client.post(
        reverse("wagtailsnippets_sources_source:add"),
        {
            "name": "Rzecznik: komunikaty",
            "kind": "page",
            "url": "https://rzecznik.example/komunikat",
            "attribution": "rzecznik.example",
            "section": bulletin.pk,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Source.objects.filter(attribution="rzecznik.example", section=bulletin).exists()
