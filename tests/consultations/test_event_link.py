"""An event that is a meeting of a consultation links back to it (issue 11: the seed's June
meeting and the consultation it opened), in the event's language, only while the
consultation is visible, and with nothing that changes by the clock (the event page is cached).

Persona: a resident who found the meeting in the calendar and wants to comment."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from biuletyn.consultations.models import ConsultationMeeting
from tests.consultations.test_pages import body, english, index, main  # noqa: F401
from tests.factories.consultations import make_consultation
from tests.factories.events import make_calendar, make_event

pytestmark = pytest.mark.integration


@pytest.fixture
def meeting(site_tree):
    return make_event(make_calendar(site_tree["pl"]), title="Spotkanie z organizacjami")


def test_the_meeting_names_its_consultation_in_both_languages(client, index, meeting):  # noqa: F811
    consultation = make_consultation(index, title="Konsultacje programu współpracy")
    ConsultationMeeting.objects.create(page=consultation, event=meeting)
    page = main(body(client.get(meeting.url)))
    assert "W ramach konsultacji społecznych" in page
    assert f'href="{consultation.url}"' in page
    assert ": uwagi od " in page

    english_meeting = english(meeting)
    english_page = main(body(client.get(english_meeting.url)))
    assert "Part of a public consultation" in english_page
    # The consultation is not translated: its English alias, its title marked Polish.
    assert f'href="{english(consultation).url}" lang="pl"' in english_page


def test_a_private_consultation_is_not_named(client, index, meeting):  # noqa: F811
    consultation = make_consultation(index)
    ConsultationMeeting.objects.create(page=consultation, event=meeting)
    PageViewRestriction.objects.create(page=consultation, restriction_type="login")
    page = main(body(client.get(meeting.url)))
    assert "W ramach konsultacji" not in page
    assert consultation.url not in page


def test_an_event_of_no_consultation_says_nothing_of_them(client, index, meeting):  # noqa: F811
    make_consultation(index)
    assert "konsultacji" not in main(body(client.get(meeting.url)))
