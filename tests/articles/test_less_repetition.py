"""Less repetition and named cards (issue 9): an article links to the event that links to it
(through the one visibility rule, with a fixed number of queries), shows its contact once, and
each card in a list is an <article> named by its own heading; the publisher's details are not
repeated in the footer of a page that already shows them; the home page's title does not say
the site's name twice. Personas: a screen-reader user who lists the articles of a page; any
reader who meets the same block twice."""

from __future__ import annotations

import re

import pytest
from wagtail.models import PageViewRestriction

from biuletyn.articles import queries
from biuletyn.events.models import EventRelatedArticle
from biuletyn.pages.models import SiteSettings
from tests.factories.bulletin import make_article, make_organisation
from tests.factories.events import make_calendar, make_event

pytestmark = pytest.mark.integration


@pytest.fixture
def calendar(site_tree):
    return make_calendar(site_tree["pl"])


def _event_about(calendar, article, **fields):
    return make_event(calendar, related_articles=[EventRelatedArticle(article=article)], **fields)


def test_an_article_names_the_event_that_links_to_it_with_its_date(client, bulletin, calendar):
    import datetime as dt

    article = make_article(bulletin, title="Zaproszenie na spotkanie")
    event = _event_about(
        calendar, article, title="Spotkanie w ratuszu", start_date=dt.date(2027, 1, 14)
    )

    html = client.get(article.url).content.decode()

    assert f'Wydarzenie: <a href="{event.url}">Spotkanie w\u00a0ratuszu</a>' in html
    assert "czwartek, 14\u00a0stycznia\u00a02027\u00a0r., 16:00–\u206018:00" in html


def test_an_article_does_not_link_to_a_private_event(client, bulletin, calendar):
    article = make_article(bulletin)
    event = _event_about(calendar, article, title="Zebranie zarządu")
    PageViewRestriction.objects.create(page=event, restriction_type="login")

    html = client.get(article.url).content.decode()

    assert "Zebranie zarządu" not in html
    assert queries.events_about(article) == []


@pytest.mark.parametrize("count", [1, 3])
def test_the_events_of_an_article_take_a_fixed_number_of_queries(
    bulletin, calendar, django_assert_num_queries, count
):
    article = make_article(bulletin)
    for _n in range(count):
        _event_about(calendar, article)

    # The visibility rule's private roots (one query when nothing is private), the events.
    with django_assert_num_queries(2):
        events = queries.events_about(article)
        [event.alias_of for event in events]

    assert len(events) == count


def test_an_article_shows_its_contact_once_when_the_body_already_has_it(client, bulletin):
    contact = make_organisation(name="Stowarzyszenie Jedno")
    article = make_article(
        bulletin,
        contact=contact,
        body=[{"type": "contact", "value": {"organisation": contact.pk, "heading": ""}}],
    )

    html = client.get(article.url).content.decode()

    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert main.count('<address class="app-contact">') == 1


def test_an_article_shows_its_contact_when_the_body_has_another(client, bulletin):
    contact = make_organisation(name="Stowarzyszenie Jedno")
    other = make_organisation(name="Stowarzyszenie Drugie")
    article = make_article(
        bulletin,
        contact=contact,
        body=[{"type": "contact", "value": {"organisation": other.pk, "heading": ""}}],
    )

    html = client.get(article.url).content.decode()

    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert main.count('<address class="app-contact">') == 2


def test_every_card_is_named_by_its_heading_with_unique_ids(client, bulletin):
    for n in range(3):
        make_article(bulletin, title=f"Wiadomość numer {n}")

    html = client.get(bulletin.url).content.decode()

    labelled = re.findall(r'<article class="app-article-card" aria-labelledby="([^"]+)">', html)
    assert len(labelled) == 3
    assert len(set(labelled)) == 3
    for heading_id in labelled:
        assert re.search(rf'<h2 class="[^"]*" id="{heading_id}"', html)


def test_the_publishers_page_does_not_repeat_its_details_in_the_footer(client, site_tree):
    publisher = make_organisation(name="Federacja Testowa")
    settings = SiteSettings.for_site(site_tree["pl"].get_site())
    settings.publisher = publisher
    settings.save()

    own_page = client.get(publisher.get_absolute_url()).content.decode()
    other = client.get(make_organisation().get_absolute_url()).content.decode()

    assert own_page.count('<address class="app-contact">') == 1
    assert other.count('<address class="app-contact">') == 2  # its own, the publisher's
    footer = own_page.split('<footer class="app-footer">', 1)[1]
    assert "Federacja Testowa" in footer


def test_the_home_page_title_does_not_repeat_the_site_name(client, site_tree):
    html = client.get("/").content.decode()

    assert "<title>Biuletyn – Wiadomości dla osób z niepełnosprawnościami</title>" in html
