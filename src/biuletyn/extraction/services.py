"""From an article to a draft event (issue 12): the editor's "create an event from this article".

The extractor (``extract``) proposes; the editor checks each field against the text it came from
(admin_views.ProposalView) and this service writes what the editor confirmed as a draft
EventPage in the article's language, linked back to the article. Nothing is published here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from biuletyn.articles.models import ArticlePage
from biuletyn.core.templatetags.biuletyn_dates import long_date
from biuletyn.events.models import EventIndexPage, EventPage, EventRelatedArticle
from biuletyn.venues.models import Venue


class NoCalendar(Exception):
    """The article's language has no calendar (EventIndexPage) to put the event in."""


@dataclass(frozen=True)
class EventDraft:
    """What the editor confirmed, field by field."""

    title: str
    lead: str
    start_date: dt.date
    start_time: dt.time | None = None
    end_date: dt.date | None = None
    end_time: dt.time | None = None
    attendance_mode: str = "in_person"
    venue: Venue | None = None
    online_url: str = ""
    sign_language: str = "none"
    sign_language_how_to_ask: str = ""
    offer: frozenset[str] = field(default_factory=frozenset)  # OFFER_ITEMS field names
    accessibility_other: str = ""
    accessibility_notes: str = ""
    registration_deadline: dt.date | None = None
    registration_how: str = ""


def calendar_for(article: ArticlePage) -> EventIndexPage | None:
    """The calendar of the article's language: where its event goes."""
    return (
        EventIndexPage.objects.filter(locale_id=article.locale_id).order_by("-live", "path").first()
    )


def _registration_paragraph(draft: EventDraft) -> str:
    how = draft.registration_how.strip()
    if draft.registration_deadline is None and not how:
        return ""
    if draft.registration_deadline is not None and how:
        text = _("Registration until %(date)s: %(how)s") % {
            "date": long_date(draft.registration_deadline),
            "how": how,
        }
    elif draft.registration_deadline is not None:
        text = _("Registration until %(date)s.") % {"date": long_date(draft.registration_deadline)}
    else:
        text = _("Registration: %(how)s") % {"how": how}
    return f"<p>{escape(text)}</p>"


def build_event(*, article: ArticlePage, draft: EventDraft) -> EventPage:
    """The unsaved EventPage ``draft`` describes, in the article's language."""
    language = Locale.objects.get(pk=article.locale_id).language_code
    with translation.override(language):
        paragraph = _registration_paragraph(draft)
    page = EventPage(
        title=draft.title,
        lead=draft.lead,
        start_date=draft.start_date,
        start_time=draft.start_time,
        end_date=draft.end_date,
        end_time=draft.end_time,
        attendance_mode=draft.attendance_mode,
        venue=draft.venue,
        online_url=draft.online_url,
        contact=article.contact,
        sign_language=draft.sign_language,
        sign_language_how_to_ask=draft.sign_language_how_to_ask,
        accessibility_other=draft.accessibility_other,
        accessibility_notes=draft.accessibility_notes,
        locale_id=article.locale_id,
        live=False,
    )
    for name in draft.offer:
        setattr(page, name, True)
    if paragraph:
        page.body = [("paragraph", paragraph)]  # type: ignore[assignment]
    return page


def check(*, article: ArticlePage, draft: EventDraft) -> None:
    """The event page's own rules (dates in order, a venue for an in-person event, a way to
    ask for an interpreter): raises ValidationError keyed by field, before anything is written."""
    page = build_event(article=article, draft=draft)
    page.clean()


@transaction.atomic
def create_event_draft(*, article: ArticlePage, draft: EventDraft, user: Any) -> EventPage:
    """Write the confirmed proposal as a draft event under the calendar of the article's
    language, linked to the article, with its categories; the other languages get an alias
    (as when an editor creates a page, ADR 0004). Raises NoCalendar or ValidationError."""
    calendar = calendar_for(article)
    if calendar is None:
        raise NoCalendar
    page = build_event(article=article, draft=draft)
    page.clean()
    page.owner = user
    page.categories = list(article.categories.all())  # type: ignore[assignment]
    page.related_articles = [EventRelatedArticle(article_id=article.pk)]  # type: ignore[assignment]
    calendar.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
    return Page.objects.get(pk=page.pk).specific  # type: ignore[no-any-return]


def raise_for(error: ValidationError) -> dict[str, list[str]]:
    """A page's ValidationError as {field: [messages]} for the proposal form."""
    if hasattr(error, "error_dict"):
        return {
            name: [str(m) for e in errors for m in e.messages]
            for name, errors in error.error_dict.items()
        }
    return {"__all__": [str(m) for m in error.messages]}
