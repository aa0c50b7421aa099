"""Build the demo content through the project's services.

Idempotent: every object is looked up first (pages, categories, organisations and venues by
slug, images and documents by title, the member by username) and an existing one is left as it
is, so running the loader again changes nothing and duplicates nothing. Upcoming events get dates
relative to the day they are created and keep them. It runs in one transaction:
bad demo data (an image whose description fails the alt-text checker, say) raises and leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, WorkflowState

from biuletyn.accessibility.alt_text import check_alt_text
from biuletyn.articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleRelatedLink,
    ArticleSectionPage,
    Category,
)
from biuletyn.articles.services import ensure_editorial_groups, open_member_section
from biuletyn.consultations.models import ConsultationPage
from biuletyn.core.pagecache import paused
from biuletyn.events.enums import OFFER_ITEMS, AttendanceMode, EventStatus, SignLanguageOffer
from biuletyn.events.models import EventIndexPage, EventPage, EventRelatedArticle
from biuletyn.organisations.models import Organisation
from biuletyn.pages.models import HomePage, SiteSettings, StandardPage
from biuletyn.pages.services import ensure_home_pages, publish_new_page, translate_alias
from biuletyn.venues.enums import FEATURES, Availability
from biuletyn.venues.models import Venue

from . import consultations, content, images, registrations

WARSAW = ZoneInfo("Europe/Warsaw")
# Polish letters in ASCII, for tag slugs (taggit would keep "ę" in the slug).
_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


@dataclass
class _Refs:
    """What content.py refers to by key, once it exists in the database."""

    locales: dict[str, Locale]
    categories: dict[str, dict[str, Category]] = field(default_factory=dict)  # key -> lang -> c
    organisations: dict[str, Organisation] = field(default_factory=dict)
    images: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)


@transaction.atomic
def load(*, port: int) -> dict[str, Any]:
    """Create whatever of the demo content is missing; return what there is, for the command."""
    with paused():  # one page-cache clear, after the commit, for the whole load
        homes = ensure_home_pages(
            titles=content.HOME_TITLES, intros=content.HOME_INTROS, hostname="127.0.0.1", port=port
        )
        refs = _Refs(locales={code: home.locale for code, home in homes.items()})
        bulletin: ArticleIndexPage = _ensure_section(homes, ArticleIndexPage, content.BULLETIN)
        _ensure_categories(refs)
        _ensure_organisations(refs)
        _ensure_images(refs)
        _ensure_documents(refs)

        ensure_editorial_groups(bulletin=bulletin)
        section, member_group = open_member_section(
            bulletin=bulletin,
            organisation=refs.organisations[content.MEMBER["organisation"]],
            title=content.MEMBER["section_title"],
            slug=content.MEMBER["section_slug"],
        )
        if not section.intro:
            section.intro = content.MEMBER["section_intro"]
            section.save_revision().publish()
        member, member_password = _ensure_member(member_group)

        articles = {
            spec["slug"]: _ensure_article(bulletin, spec, refs) for spec in content.ARTICLES
        }
        for slug, translation in content.TRANSLATIONS.items():
            _ensure_translation(articles[slug], translation, refs)
        submitted = _ensure_member_article(section, member, refs)

        privacy = _ensure_privacy_page(homes[settings.LANGUAGE_CODE])
        _ensure_site_settings(privacy, refs)

        _ensure_venues(refs)
        calendar: EventIndexPage = _ensure_section(homes, EventIndexPage, content.CALENDAR)
        events = _ensure_events(calendar, articles, refs)
        for slug, translation in content.EVENT_TRANSLATIONS.items():
            _ensure_event_translation(events[slug], translation, refs)
        for page in (bulletin, calendar):
            _ensure_in_menus(page)
        registrations.ensure_demo_registrations(events, staff=member)
        consultation_index = consultations.ensure_demo_consultations(
            homes, events, ensure_section=_ensure_section, staff=registrations.coordinator_account()
        )
        _ensure_in_menus(consultation_index)

        return {
            "home_pages": len(homes),
            "articles": ArticlePage.objects.live().filter(locale=bulletin.locale).count(),
            "translated_articles": len(content.TRANSLATIONS),
            "categories": len(refs.categories),
            "organisations": len(refs.organisations),
            "images": len(refs.images),
            "documents": len(refs.documents),
            "venues": len(refs.venues),
            "events": EventPage.objects.live().filter(locale=calendar.locale).count(),
            "translated_events": len(content.EVENT_TRANSLATIONS),
            "consultations": ConsultationPage.objects.live()
            .filter(locale=consultation_index.locale)
            .count(),
            "in_moderation": submitted.title,
            "member": {"username": member.username, "password": member_password},
        }


# --- pages ---------------------------------------------------------------------------------------


def _ensure_section(homes: dict[str, HomePage], model: type[Any], spec: dict[str, Any]) -> Any:
    """A section of the site under the home page (the bulletin, the calendar), with its
    translations; ``spec`` holds its slug and, per language, its title and intro."""
    home = homes[settings.LANGUAGE_CODE]
    section = model.objects.child_of(home).filter(slug=spec["slug"]).first()
    if section is None:
        own = spec[settings.LANGUAGE_CODE]
        section = model(
            title=own["title"], slug=spec["slug"], intro=own["intro"], locale=home.locale
        )
        publish_new_page(parent=home, page=section)
    locales = {code: home_page.locale for code, home_page in homes.items()}
    for code, _locale, twin in _untranslated_twins(section, locales):
        own_slug = {"slug": spec[code]["slug"]} if "slug" in spec[code] else {}
        translate_alias(twin, title=spec[code]["title"], intro=spec[code]["intro"], **own_slug)
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE and "slug" in spec[code]:
            _ensure_own_slug(section.get_translation(locale), spec[code]["slug"], old=spec["slug"])
    return section


def _ensure_own_slug(page: Page, slug: str, *, old: str) -> None:
    """Give a translation its own URL segment (/en/bulletin/ rather than /en/biuletyn/), when it
    still has the one it was copied with. Wagtail then creates permanent redirects from the old
    addresses of the page and everything under it (WAGTAILREDIRECTS_AUTO_CREATE), once the load
    commits. A slug an editor chose is left alone."""
    page = page.specific
    if page.alias_of_id is None and page.slug == old and page.slug != slug:
        page.slug = slug
        page.save()
        page.save_revision().publish()


def _ensure_privacy_page(home: HomePage) -> StandardPage:
    spec = content.PRIVACY_PAGE
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            lead=spec["lead"],
            body=spec["body"],
            locale=home.locale,
        )
        publish_new_page(parent=home, page=page)
    return page


def _ensure_in_menus(page: Page) -> None:
    """The header lists the home page's children that are in menus: put ``page`` and its
    translations there, publishing a revision only where it is not there yet. Aliases follow
    their page."""
    for version in [page, *page.get_translations()]:
        version = version.specific
        if version.alias_of_id is None and not version.show_in_menus:
            version.show_in_menus = True
            version.save_revision().publish()


def _when(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=WARSAW)


def _tags(names: list[str]) -> list[Tag]:
    """Tags with ASCII slugs, so that /biuletyn/tag/<slug>/ matches the URL pattern."""
    tags = []
    for name in names:
        slug = slugify(name.translate(_ASCII))
        # By slug: a tag whose spelling changed ("esk 2029" -> "ESK 2029") keeps its address.
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            tag = Tag.objects.create(name=name, slug=slug)
        elif tag.name != name:
            tag.name = name
            tag.save(update_fields=["name"])
        tags.append(tag)
    return tags


def _body(blocks: list[tuple[str, Any]], refs: _Refs) -> list[dict[str, Any]]:
    """content.py's (type, value) pairs as StreamField raw data."""
    stream = []
    for kind, value in blocks:
        if kind == "image":
            key, caption = value
            value = {"image": refs.images[key].pk, "caption": caption}
        elif kind == "quote":
            text, attribution = value
            value = {"text": text, "attribution": attribution}
        elif kind == "document":
            key, title = value
            value = {"document": refs.documents[key].pk, "title": title}
        elif kind == "contact":
            key, heading = value
            value = {"organisation": refs.organisations[key].pk, "heading": heading}
        elif kind == "table":
            value = {
                "caption": value["caption"],
                "columns": [{"type": t, "heading": h} for t, h in value["columns"]],
                "rows": [{"values": [str(cell) for cell in row]} for row in value["rows"]],
            }
        stream.append({"type": kind, "value": value})
    return stream


def _article_fields(spec: dict[str, Any], refs: _Refs, language: str) -> dict[str, Any]:
    source_name, source_url = spec.get("source", ("", ""))
    contact = spec.get("contact")
    return {
        "title": spec["title"],
        "slug": spec["slug"],
        "lead": spec["lead"],
        "body": _body(spec["body"], refs),
        "source_name": source_name,
        "source_url": source_url,
        "contact": refs.organisations[contact] if contact else None,
        "categories": [refs.categories[key][language] for key in spec["categories"]],
    }


def _ensure_article(parent: Page, spec: dict[str, Any], refs: _Refs) -> ArticlePage:
    article = ArticlePage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if article is not None:
        return article
    article = ArticlePage(
        locale=parent.locale,
        publication_date=_when(spec["date"]),
        **_article_fields(spec, refs, parent.locale.language_code),
    )
    article.tags.add(*_tags(spec["tags"]))
    article.related_links = [
        ArticleRelatedLink(article=ArticlePage.objects.child_of(parent).get(slug=slug))
        for slug in spec.get("related", [])
    ]
    publish_new_page(parent=parent, page=article)
    return article


def _untranslated_twins(
    page: Page, locales: dict[str, Locale]
) -> Iterator[tuple[str, Locale, Any]]:
    """(language, locale, twin) for each other language whose twin of ``page`` is still an
    alias: not there, or already translated by an editor, is left alone."""
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE:
            continue
        twin = page.get_translation_or_none(locale)
        if twin is not None and twin.alias_of_id is not None:
            yield code, locale, twin.specific


def _ensure_translation(article: ArticlePage, spec: dict[str, Any], refs: _Refs) -> None:
    for code, locale, page in _untranslated_twins(article, refs.locales):
        source = (article.source_name, article.source_url)
        fields = _article_fields({**spec, "source": source}, refs, code)
        fields["contact"] = article.contact
        page.tags.clear()
        page.tags.add(*_tags(spec["tags"]))
        page.related_links = [
            ArticleRelatedLink(article=link.article.get_translation(locale))
            for link in article.related_links.all()
        ]
        translate_alias(page, **fields)


# Texts of an event besides its title, lead and body: a translation must give each one the Polish
# event has, or the English page would show Polish.
_EVENT_TEXTS = (
    "participants",
    "status_note",
    "sign_language_how_to_ask",
    "price_details",
    "accessibility_other",
    "accessibility_notes",
)


def _event_texts(spec: dict[str, Any], refs: _Refs, language: str) -> dict[str, Any]:
    """The fields of an event that differ between languages."""
    fields: dict[str, Any] = {
        "title": spec["title"],
        "slug": spec["slug"],
        "lead": spec["lead"],
        "body": _body(spec["body"], refs),
        "categories": [refs.categories[key][language] for key in spec["categories"]],
    }
    for name in _EVENT_TEXTS:
        value = spec.get(name, "")
        fields[name] = "\n".join(value) if isinstance(value, list) else value
    return fields


def _event_when(spec: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """A fixed date, or one ``in_days`` after ``today``; times in Poland, none all day."""
    if "date" in spec:
        start = dt.date.fromisoformat(spec["date"])
    else:
        start = today + dt.timedelta(days=spec["in_days"])
    days = spec.get("days", 1)
    return {
        "start_date": start,
        "end_date": start + dt.timedelta(days=days - 1) if days > 1 else None,
        "start_time": dt.time.fromisoformat(spec["start"]) if "start" in spec else None,
        "end_time": dt.time.fromisoformat(spec["end"]) if "end" in spec else None,
    }


def _event_facts(spec: dict[str, Any], refs: _Refs) -> dict[str, Any]:
    """The fields of an event that are the same in every language."""
    unknown_offer = set(spec.get("offer", [])) - {item.field for item in OFFER_ITEMS}
    if unknown_offer:
        raise ValueError(f"Demo event {spec['slug']!r}: no such offer items {unknown_offer}.")
    price = spec.get("price")
    contact = spec.get("contact")
    venue = spec.get("venue")
    return {
        "status": EventStatus(spec.get("status", EventStatus.SCHEDULED)),
        "attendance_mode": AttendanceMode(spec.get("attendance_mode", AttendanceMode.IN_PERSON)),
        "venue": refs.venues[venue] if venue else None,
        "online_url": spec.get("online_url", ""),
        "organisers": [refs.organisations[key] for key in spec["organisers"]],
        "contact": refs.organisations[contact] if contact else None,
        "is_free": price is None and not spec.get("price_details"),
        "price": Decimal(price) if price is not None else None,
        "sign_language": SignLanguageOffer(spec.get("sign_language", SignLanguageOffer.NONE)),
        **{item.field: item.field in spec.get("offer", []) for item in OFFER_ITEMS},
    }


def _ensure_events(
    calendar: EventIndexPage, articles: dict[str, ArticlePage], refs: _Refs
) -> dict[str, EventPage]:
    today = timezone.localdate()
    language = calendar.locale.language_code
    events: dict[str, EventPage] = {}
    for spec in content.EVENTS:
        event = EventPage.objects.child_of(calendar).filter(slug=spec["slug"]).first()
        if event is None:
            event = EventPage(
                locale=calendar.locale,
                continues=events[spec["continues"]] if "continues" in spec else None,
                **_event_when(spec, today),
                **_event_facts(spec, refs),
                **_event_texts(spec, refs, language),
            )
            event.related_articles = [
                EventRelatedArticle(article=articles[slug]) for slug in spec.get("related", [])
            ]
            event.clean()  # bad demo data fails here, with the editor's message
            publish_new_page(parent=calendar, page=event)
        events[spec["slug"]] = event
    return events


def _ensure_event_translation(event: EventPage, spec: dict[str, Any], refs: _Refs) -> None:
    for code, locale, page in _untranslated_twins(event, refs.locales):
        fields = _event_texts(spec, refs, code)
        untranslated = [name for name in _EVENT_TEXTS if getattr(event, name) and not fields[name]]
        if untranslated:
            raise ValueError(
                f"The translation of demo event {event.slug!r} lacks {', '.join(untranslated)}."
            )
        if event.continues is not None:
            page.continues = event.continues.get_translation(locale)
        page.related_articles = [
            EventRelatedArticle(article=link.article.get_translation(locale))
            for link in event.related_articles.all()
        ]
        translate_alias(page, **fields)


def _ensure_member_article(section: ArticleSectionPage, member: Any, refs: _Refs) -> ArticlePage:
    """An article the member wrote and submitted: a draft, in the section's workflow."""
    spec = content.MEMBER_ARTICLE
    article = ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).first()
    if article is None:
        article = ArticlePage(
            locale=section.locale,
            publication_date=_when(spec["date"]),
            live=False,
            owner=member,
            **_article_fields(spec, refs, section.locale.language_code),
        )
        article.tags.add(*_tags(spec["tags"]))
        section.add_child(instance=article)
        article.save_revision(user=member)
    if not article.live and not WorkflowState.objects.for_instance(article).exists():
        workflow = article.get_workflow()
        if workflow is None:
            raise RuntimeError(f"The section {section.title!r} has no moderation workflow.")
        workflow.start(article, member)
    return article


# --- snippets, images, documents, people ---------------------------------------------------


def _ensure_categories(refs: _Refs) -> None:
    own_locale = refs.locales[settings.LANGUAGE_CODE]
    for spec in content.CATEGORIES:
        own = spec[settings.LANGUAGE_CODE]
        category = Category.objects.filter(slug=own["slug"], locale=own_locale).first()
        if category is None:
            category = Category.objects.create(locale=own_locale, **own)
        versions = {settings.LANGUAGE_CODE: category}
        for code, locale in refs.locales.items():
            if code == settings.LANGUAGE_CODE:
                continue
            translation = category.get_translation_or_none(locale)
            if translation is None:
                translation = category.copy_for_translation(locale)
                for name, value in spec[code].items():
                    setattr(translation, name, value)
                translation.save()
            versions[code] = translation
        refs.categories[spec["key"]] = versions


def _ensure_organisations(refs: _Refs) -> None:
    for spec in content.ORGANISATIONS:
        fields = {name: value for name, value in spec.items() if name not in {"key", "slug"}}
        organisation, _created = Organisation.objects.get_or_create(
            slug=spec["slug"], defaults=fields
        )
        refs.organisations[spec["key"]] = organisation


def _ensure_venues(refs: _Refs) -> None:
    for spec in content.VENUES:
        venue = Venue.objects.filter(slug=spec["slug"]).first()
        if venue is None:
            unknown = set(spec["profile"]) - {feature.field for feature in FEATURES}
            if unknown:
                raise ValueError(f"Demo venue {spec['slug']!r}: no such features {unknown}.")
            fields = {
                name: value
                for name, value in spec.items()
                if name not in {"key", "profile", "latitude", "longitude"}
            }
            venue = Venue(
                latitude=Decimal(spec["latitude"]) if "latitude" in spec else None,
                longitude=Decimal(spec["longitude"]) if "longitude" in spec else None,
                **fields,
                **{
                    feature.field: Availability(spec["profile"].get(feature.field, "unknown"))
                    for feature in FEATURES
                },
            )
            venue.full_clean()
            venue.save()
        refs.venues[spec["key"]] = venue


def _ensure_images(refs: _Refs) -> None:
    image_model = get_image_model()
    for spec in content.IMAGES:
        image = image_model.objects.filter(title=spec["title"]).first()
        if image is None:
            image = image_model(
                title=spec["title"],
                file=ImageFile(BytesIO(images.draw(spec["draw"])), name=f"{spec['key']}.png"),
                description=spec["description"],
                is_decorative=spec.get("is_decorative", False),
                is_poster=spec.get("is_poster", False),
                text_version=spec.get("text_version", ""),
            )
            image._set_image_file_metadata()
            image.save()
        _check_image(image)
        refs.images[spec["key"]] = image


def _check_image(image: Any) -> None:
    """Demo images must be what we ask of editors: fail loudly if one is not."""
    problem = None if image.is_decorative else check_alt_text(image.description)
    errors = image.accessibility_errors()
    if problem is not None or errors:
        raise ValueError(
            f"Demo image {image.title!r} breaks the accessibility rules: "
            f"{problem.message if problem else ''} {' '.join(errors.values())}"
        )


def _ensure_documents(refs: _Refs) -> None:
    document_model = get_document_model()
    for spec in content.DOCUMENTS:
        document = document_model.objects.filter(title=spec["title"]).first()
        if document is None:
            document = document_model(
                title=spec["title"],
                file=ContentFile(spec["text"].encode("utf-8"), name=spec["filename"]),
            )
            document._set_document_file_metadata()
            document.save()
        refs.documents[spec["key"]] = document


def _ensure_member(group: Group) -> tuple[Any, str | None]:
    """The member organisation's account. It gets the published demo password only with DEBUG
    on (make run); elsewhere it cannot log in until someone sets a password."""
    spec = content.MEMBER
    user, created = get_user_model().objects.get_or_create(
        username=spec["username"],
        defaults={
            "email": spec["email"],
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
        },
    )
    password = spec["password"] if settings.DEBUG else None
    if password is not None and not user.check_password(password):
        user.set_password(password)
        user.save()
    elif password is None and created:
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user, password


def _ensure_site_settings(privacy: StandardPage, refs: _Refs) -> None:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    wanted = {
        "publisher": refs.organisations[content.PUBLISHER],
        "privacy_policy_page": privacy.page_ptr,
        **content.SITE_SETTINGS,
    }
    changed = [name for name, value in wanted.items() if getattr(site_settings, name) != value]
    if changed:
        for name in changed:
            setattr(site_settings, name, wanted[name])
        site_settings.save()
