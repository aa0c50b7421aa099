"""The editor's "create an event from this article" (issue 12).

``ProposalView`` (GET) reads the article's latest revision (a draft brought from a source too),
asks the extractor for an event and shows the proposal as a form: each field prefilled, with the
words of the article it came from beside it, and what kind of text the extractor thinks it is (a
report of a past event or a text that is no event at all is said at the top). POST checks the
form and the event page's own rules, then ``services.create_event_draft`` writes a draft event in
the article's language and the editor lands in its editor. Nothing is published here.

Who: an editor who may edit the article and add pages to the calendar of its language.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from biuletyn.articles.models import ArticlePage

from . import services
from .admin_forms import EventProposalForm, initial_for
from .article_text import article_text
from .extract import extract_event

NAMESPACE = "extraction_admin"

KIND_NOTES = {
    "announcement": None,
    "report": pgettext_lazy(
        "extractor kind",
        "This text looks like a report of an event that has already happened. Check the dates "
        "before you create an event from it.",
    ),
    "consultation": pgettext_lazy(
        "extractor kind",
        "This text looks like a public consultation: its dates are the consultation period. A "
        "consultation has its own page type; an event suits a meeting held during it.",
    ),
    "call_for_applications": pgettext_lazy(
        "extractor kind",
        "This text looks like a call for applications: its last day is the deadline for "
        "applications.",
    ),
    "not_event": pgettext_lazy(
        "extractor kind", "This text does not look like an announcement of an event."
    ),
}


def may_create_event(user: Any, article: ArticlePage) -> bool:
    calendar = services.calendar_for(article)
    return (
        calendar is not None
        and article.permissions_for_user(user).can_edit()
        and calendar.permissions_for_user(user).can_add_subpage()
    )


class ProposalView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "extraction/admin/proposal.html"
    header_icon = "date"
    article: ArticlePage

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        page = get_object_or_404(ArticlePage, pk=kwargs["pk"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.article = page.get_latest_revision_as_object()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Create an event from this article")

    def get_page_subtitle(self) -> str:
        return str(self.article.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse("wagtailadmin_pages:edit", args=(self.article.pk,)),
                "label": self.article.title,
            },
            # Short: on a phone only this last crumb shows, as the page's visible title (the h1,
            # for screen readers, keeps the whole one); core/admin.css lets it wrap.
            {"url": "", "label": _("Event from the article")},
        ]

    def _proposal(self) -> Any:
        self.source_text = article_text(self.article)
        published = timezone.localtime(self.article.publication_date).date()
        return extract_event(self.source_text, published=published)

    def render(self, form: EventProposalForm, proposal: Any) -> HttpResponse:
        calendar = services.calendar_for(self.article)
        context = self.get_context_data(
            form=form,
            article=self.article,
            proposal=proposal,
            kind_note=KIND_NOTES.get(proposal.kind),
            source_text=self.source_text,
            calendar=calendar,
            may_create=may_create_event(self.request.user, self.article),
        )
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        proposal = self._proposal()
        form = EventProposalForm(proposal=proposal, initial=initial_for(self.article, proposal))
        return self.render(form, proposal)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        proposal = self._proposal()
        form = EventProposalForm(request.POST, proposal=proposal)
        calendar = services.calendar_for(self.article)
        if calendar is not None and not may_create_event(request.user, self.article):
            raise PermissionDenied
        if not form.is_valid():
            return self.render(form, proposal)
        try:
            event = services.create_event_draft(
                article=self.article, draft=form.draft(), user=request.user
            )
        except ValidationError as error:
            for name, problems in services.raise_for(error).items():
                field = name if name in form.fields else None
                for problem in problems:
                    form.add_error(field, problem)
            return self.render(form, proposal)
        except services.NoCalendar:
            form.add_error(None, _("There is no calendar in this article's language yet."))
            return self.render(form, proposal)
        messages.success(
            request,
            _("The draft event “%(title)s” is saved. Check it and publish it when it is ready.")
            % {"title": event.title},
        )
        return redirect("wagtailadmin_pages:edit", event.pk)
