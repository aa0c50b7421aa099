"""The editor's "create an event from this article" (issue 12, "In the editor"): the proposal
form prefilled from the article's text with the words each field came from beside it, the draft
event it writes (not live, in the article's language, linked to the article, with its categories,
an alias in English), the event page's own rules on the way (a venue for an in-person event),
bad input answered with messages and the typed text kept, nothing half-written, and who may do it.

Personas: an editor of the bulletin turning a republished announcement into a calendar entry, and
making mistakes on the way; a signed-in user without page permissions, who gets nothing."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from biuletyn.events.models import EventPage
from tests.factories.bulletin import make_article, make_bulletin, make_category
from tests.factories.events import make_calendar
from tests.factories.venues import make_venue
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

PASSWORD = "haslo-testowe-123"

ANNOUNCEMENT = (
    "<p>Zapraszamy na spotkanie z mieszkańcami o dostępności przystanków. Spotkanie odbędzie "
    "się 14 marca 2030 r. o godz. 17:00 w Domu Kultury Węglin, ul. Judyma 6, w Lublinie.</p>"
    "<p>Spotkanie będzie tłumaczone na PJM. Na sali działa pętla indukcyjna.</p>"
    "<p>Zgłoszenia do 7 marca 2030 r. mailowo na adres zapisy@przyklad.org.pl.</p>"
)


def url(article) -> str:
    return reverse("extraction_admin_proposal", args=(article.pk,))


def text_of(response) -> str:
    content = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(content).split())


@pytest.fixture
def tree(site_tree):
    home = site_tree["pl"]
    bulletin = make_bulletin(home)
    calendar = make_calendar(home)
    category = make_category("Spotkania", "spotkania")
    venue = make_venue(name="Dom Kultury Węglin", street_address="ul. Judyma 6", city="Lublin")
    article = make_article(
        bulletin,
        title="Spotkanie o dostępności przystanków",
        categories=[category],
        body=[{"type": "paragraph", "value": ANNOUNCEMENT}],
        when=timezone.make_aware(dt.datetime(2030, 2, 20, 9, 0)),
    )
    return {"article": article, "calendar": calendar, "venue": venue, "category": category}


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", PASSWORD)
    client.force_login(user)
    return user


def valid_post(tree, **changes):
    data = {
        "title": "Spotkanie o dostępności przystanków",
        "lead": "Rozmowa z mieszkańcami o tym, jak dojść do przystanku bez barier.",
        "start_date": "14.03.2030",
        "start_time": "17:00",
        "end_date": "",
        "end_time": "",
        "attendance_mode": "in_person",
        "venue": str(tree["venue"].pk),
        "online_url": "",
        "sign_language": "provided",
        "sign_language_how_to_ask": "",
        "offer": ["hearing_loop"],
        "accessibility_other": "",
        "accessibility_notes": "",
        "registration_deadline": "07.03.2030",
        "registration_how": "mailowo na adres zapisy@przyklad.org.pl",
    }
    data.update(changes)
    return data


def test_the_form_is_prefilled_with_the_words_each_field_came_from(client, editor, tree):
    response = client.get(url(tree["article"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="14.03.2030"' in page
    assert 'value="17:00"' in page
    assert f'<option value="{tree["venue"].pk}" selected>' in page
    assert re.search(r'value="provided"[^>]*checked', page)
    assert re.search(r'value="hearing_loop"[^>]*checked', page)
    assert 'value="07.03.2030"' in page
    text = text_of(response)
    assert "Z artykułu:" in text
    assert "odbędzie się 14 marca 2030 r. o godz. 17:00" in text
    assert "Nie znaleziono w artykule." in text  # the end date and time: the text gives none
    assert_valid_html({"proposal": response.content})


def test_saving_writes_a_draft_event_linked_to_the_article(client, editor, tree):
    response = client.post(url(tree["article"]), valid_post(tree))

    event = EventPage.objects.get(locale=Locale.get_default())
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(event.pk,))
    assert not event.live
    assert event.get_parent().specific == tree["calendar"]
    assert event.start_date == dt.date(2030, 3, 14)
    assert event.start_time == dt.time(17, 0)
    assert event.venue == tree["venue"]
    assert event.sign_language == "provided"
    assert event.hearing_loop
    assert not event.captions
    assert [link.article for link in event.related_articles.all()] == [tree["article"]]
    assert list(event.categories.all()) == [tree["category"]]
    assert event.latest_revision is not None
    assert "7 marca 2030" in str(event.body).replace("\xa0", " ")
    assert "zapisy@przyklad.org.pl" in str(event.body)
    # The English tree gets an alias, as when an editor creates a page.
    alias = EventPage.objects.get(alias_of=event)
    assert not alias.live
    assert alias.locale.language_code == "en"


def test_a_missing_date_is_said_at_its_field_and_the_typed_text_is_kept(client, editor, tree):
    response = client.post(
        url(tree["article"]), valid_post(tree, start_date="", title="Mój własny tytuł")
    )

    assert response.status_code == 200
    text = text_of(response)
    assert "Podaj datę rozpoczęcia wydarzenia, na przykład 20.06.2024." in text
    assert 'value="Mój własny tytuł"' in response.content.decode()
    assert not EventPage.objects.exists()
    assert_valid_html({"proposal refused": response.content})


def test_a_date_in_a_wrong_shape_gets_a_clear_message(client, editor, tree):
    response = client.post(url(tree["article"]), valid_post(tree, start_date="14 marca"))

    assert response.status_code == 200
    assert "Wpisz datę tak: 20.06.2024." in text_of(response)
    assert 'value="14 marca"' in response.content.decode()
    assert not EventPage.objects.exists()


def test_the_event_pages_rules_apply_before_anything_is_written(client, editor, tree):
    """An in-person event needs a venue: said at the venue field, no page, no alias."""
    response = client.post(url(tree["article"]), valid_post(tree, venue=""))

    assert response.status_code == 200
    assert "Wybierz miejsce" in text_of(response)
    assert not EventPage.objects.exists()
    assert (
        Page.objects.filter(title="Spotkanie o dostępności przystanków").count() == 2
    )  # article + alias


def test_an_end_before_the_start_is_refused(client, editor, tree):
    response = client.post(url(tree["article"]), valid_post(tree, end_date="10.03.2030"))

    assert response.status_code == 200
    assert not EventPage.objects.exists()


def test_a_text_that_is_no_event_says_so(client, editor, site_tree):
    bulletin = make_bulletin(site_tree["pl"])
    make_calendar(site_tree["pl"])
    article = make_article(
        bulletin,
        title="Nowe zasady dofinansowania turnusów",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Od przyszłego roku zmieniają się zasady dofinansowania turnusów "
                "rehabilitacyjnych. Wnioski rozpatruje powiatowe centrum pomocy rodzinie.</p>",
            }
        ],
    )

    response = client.get(url(article))

    assert response.status_code == 200
    assert "nie wygląda na zapowiedź wydarzenia" in text_of(response)


def test_the_article_header_offers_the_action(client, editor, tree):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(tree["article"].pk,)))

    assert url(tree["article"]) in response.content.decode()


def test_a_user_without_page_permissions_gets_nothing(client, django_user_model, tree):
    user = django_user_model.objects.create_user("gosc", "g@example.org", PASSWORD)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    assert client.get(url(tree["article"]))["Location"] == reverse("wagtailadmin_home")
    assert client.post(url(tree["article"]), valid_post(tree))["Location"] == reverse(
        "wagtailadmin_home"
    )
    assert not EventPage.objects.exists()
