"""The organiser's side of registrations in the Wagtail admin (ADR 0011).

* The setups (``RegistrationSetupViewSet`` in wagtail_hooks): Wagtail's generic list, create and
  edit views, saving through ``services.save_setup`` and refusing a second setup of an event.
* One event's registrations (``DashboardView``): seats, the waiting list, the checks of
  honeypot hits, the accommodation summary, the table of people, the cases with their answer
  forms, and the to-do list of people staff contact themselves.
* The actions, each a POST that calls one service and goes back to the dashboard: cancel,
  check in, accept or reject a held registration, answer a case, mark a contact done; and the
  staff registration form.
* The exports: CSV and the printable check-in list.

Who sees what: an editor with ``registrations.view_registration`` sees the people; only a user
with ``services.ACCOMMODATION_PERMISSION`` (the accessibility coordinators) sees and answers the
accommodation requests, which are health data; the others learn only how many there are. Every
view, export and change goes to the audit log with ids, counts and statuses, never a name, a
contact or a need. Nobody sees a person's signed link in the admin (``without_links``): it opens
their registration and their requests; staff read a message out, the link goes by e-mail.
"""

from __future__ import annotations

import functools
import re
import uuid
from typing import Any

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry

from biuletyn.core.templatetags.biuletyn_text import hyphenate

from . import audit, exports, queries, services
from .admin_forms import CaseAnswerForm, StaffRegistrationForm
from .enums import (
    ACTIVE_STATUSES,
    OPEN_CASE_STATUSES,
    MessageChannel,
    MessageKind,
    MessageStatus,
    RegistrationStatus,
)
from .models import AccommodationRequest, OutboxMessage, Registration, RegistrationSetup

NAMESPACE = "registration_setups"


def url(name: str, *args: Any) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def can(user: Any, codename: str) -> bool:
    return bool(user.has_perm(f"registrations.{codename}"))


def is_coordinator(user: Any) -> bool:
    """Whether the user may see accommodation requests (health data)."""
    return bool(user.has_perm(services.ACCOMMODATION_PERMISSION))


@functools.cache
def _link_pattern() -> re.Pattern[str]:
    """A person's signed link in any language ("https://…/zgloszenie/<token>/…",
    "…/en/registration/<token>/…"): whatever comes before the path, the token, what follows."""
    marker = "TOKEN"
    prefixes = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            path = reverse("registrations:manage", kwargs={"token": marker})
        prefixes.add(re.escape(path.split(marker)[0]))
    return re.compile(r"\S*(?:" + "|".join(sorted(prefixes)) + r")[^\s/]+\S*")


def without_links(text: str, *, sent_in_writing: bool) -> str:
    """The text of a message with the person's signed link taken out: anyone who has it sees
    the person's registration and accommodation requests."""
    if sent_in_writing:
        placeholder = _("[the registration link – the person got it in a message]")
    else:
        placeholder = _("[the registration link – not shown in the admin]")
    return _link_pattern().sub(placeholder, text)


def matches(registration: Registration, query: str) -> bool:
    """Whether the dashboard's search ``query`` finds the registration: a part of the name,
    the registration code (or its beginning) or the number."""
    query = query.strip()
    if not query:
        return True
    folded = query.casefold()
    return (
        folded in registration.name.casefold()
        or registration.reference.casefold().startswith(folded)
        or (query.isdigit() and int(query) == registration.pk)
    )


def _require(request: HttpRequest, *codenames: str) -> None:
    if not all(can(request.user, codename) for codename in codenames):
        raise PermissionDenied


def _home() -> dict[str, Any]:
    return {"url": reverse("wagtailadmin_home"), "label": _("Home")}


def _index() -> dict[str, Any]:
    return {"url": url("index"), "label": _("Registrations")}


# --- the setups: Wagtail's generic views -------------------------------------------------------


def _confirmed_sum(field: str) -> Coalesce:
    """The sum of ``field`` over a setup's confirmed registrations, as a subquery: a join with
    the accommodation requests beside it would count a registration once per request."""
    totals = (
        Registration.objects.filter(setup=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
        .order_by()
        .values("setup")
        .annotate(total=Sum(field))
        .values("total")
    )
    return Coalesce(Subquery(totals), 0)


def annotated_setups(queryset: QuerySet[RegistrationSetup], *, today: Any) -> QuerySet[Any]:
    """Setups with their live figures, in one query."""
    return queryset.select_related("event__locale").annotate(
        seats_taken=_confirmed_sum("seats_held"),
        wheelchair_taken=_confirmed_sum("wheelchair_spaces_held"),
        waiting_count=Count(
            "registrations",
            filter=Q(registrations__status=RegistrationStatus.WAITING),
            distinct=True,
        ),
        moderation_count=Count(
            "registrations",
            filter=Q(registrations__status=RegistrationStatus.MODERATION),
            distinct=True,
        ),
        overdue_count=Count(
            "registrations__accommodations",
            filter=Q(
                registrations__status__in=ACTIVE_STATUSES,
                registrations__accommodations__status__in=OPEN_CASE_STATUSES,
                registrations__accommodations__due_on__lt=today,
            ),
            distinct=True,
        ),
    )


class TemplateColumn(Column):
    """A cell rendered by one of our templates, given the setup as ``instance``."""

    def __init__(self, name: str, template: str, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.cell_template_name = template

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        now = parent_context.get("now") or timezone.now()
        context["now"] = now
        context["state"] = state = instance.state_at(now)
        context["state_label"] = state_label(state)
        return context


def state_label(state: str) -> str:
    """Registration's state by the clock, as the admin says it."""
    return {
        "off": _("switched off"),
        "not_yet": _("not open yet"),
        "open": _("open"),
        "closed": _("closed"),
    }[state]


class SetupPaginator(WagtailPaginator):
    """The list's "5 zapisy na wydarzenia" said as a count of events, in every plural form."""

    @cached_property
    def items_count_label(self) -> str:
        return ngettext(
            "%(count)s event with registration", "%(count)s events with registration", self.count
        ) % {"count": self.count}


class SetupIndexView(generic.IndexView):
    page_title = gettext_lazy("Registrations")
    default_ordering = "-created_at"
    # The header's button: an event "gets registration switched on", not "an item added".
    add_item_label = gettext_lazy("Set up registration for an event")
    paginator_class = SetupPaginator

    def get_base_queryset(self) -> QuerySet[Any]:
        # Counts come from the annotation; Wagtail's own ordering and paging still apply.
        return annotated_setups(super().get_base_queryset(), today=timezone.localdate())

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [_home(), {"url": "", "label": _("Registrations")}]

    @cached_property
    def columns(self) -> list[Column]:
        dashboard = self.request.user.has_perm("registrations.view_registration")

        def link(setup: RegistrationSetup) -> str:
            if dashboard:
                return url("dashboard", quote(setup.pk))
            return self.get_edit_url(setup) or ""

        # Long words of a title break at a syllable with a hyphen in a narrow column (a soft
        # hyphen: admin.css keeps words whole otherwise), never mid-word as "orzecze/nie".
        title = self._get_title_column_class(TitleColumn)(
            "event",
            label=_("Event"),
            accessor=lambda setup: hyphenate(setup.event.title, setup.event.locale.language_code),
            get_url=link,
        )
        admin = "registrations/admin/cells/"
        return [
            title,
            TemplateColumn("when", admin + "when.html", label=_("Date of the event")),
            TemplateColumn("seats", admin + "seats.html", label=_("Seats taken")),
            TemplateColumn(
                "waiting",
                admin + "waiting.html",
                label=pgettext("registrations admin", "Waiting list"),
            ),
            TemplateColumn("state", admin + "state.html", label=_("Registration")),
            TemplateColumn("overdue", admin + "overdue.html", label=_("Overdue answers")),
        ]

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["now"] = timezone.now()
        return context

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("registrations.view_registration"):
            buttons.insert(
                0,
                MenuItem(
                    _("Registered people"),
                    url=url("dashboard", quote(instance.pk)),
                    icon_name="group",
                    priority=5,
                ),
            )
        return buttons


class _SaveThroughService:
    """Create and edit views save through ``services.save_setup`` (it fills places from the
    waiting list when there are more of them); a second setup of the same event saved at the
    same moment is refused like the form's check, never a 500."""

    form: Any
    request: HttpRequest
    object: Any

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[misc]
        except IntegrityError:
            form.add_error("event", _("This event already has its registration set up."))
            self.produced_error_message = _(  # type: ignore[attr-defined]
                "The registration could not be saved. Correct the marked fields."
            )
            return self.form_invalid(form)  # type: ignore[attr-defined]


class SetupCreateView(_SaveThroughService, generic.CreateView):
    page_title = gettext_lazy("Set up registration for an event")
    success_message = gettext_lazy("Registration for “%(object)s” is set up.")
    error_message = gettext_lazy("The registration could not be saved. Correct the marked fields.")
    submit_button_label = gettext_lazy("Save")

    def get_page_subtitle(self) -> str:
        return ""

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [_home(), _index(), {"url": "", "label": self.page_title}]

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        event = self.request.GET.get("event", "")
        if event.isdigit():
            initial["event"] = event
        return initial

    def get_success_message(self, instance: Any) -> str:
        return str(self.success_message) % {"object": instance.event.title}

    def get_success_url(self) -> str:
        if self.request.user.has_perm("registrations.view_registration"):
            return url("dashboard", quote(self.object.pk))
        return url("index")

    def save_instance(self) -> RegistrationSetup:
        with transaction.atomic():
            instance = services.save_setup(setup=self.form.save(commit=False))
            wagtail_log(instance=instance, action="wagtail.create", content_changed=True)
        return instance


class SetupEditView(_SaveThroughService, generic.EditView):
    success_message = gettext_lazy("Registration for “%(object)s” is saved.")
    error_message = gettext_lazy("The registration could not be saved. Correct the marked fields.")

    def get_page_title(self) -> str:
        return _("Registration settings")

    def get_page_subtitle(self) -> str:
        return str(self.object.event.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = [_home(), _index()]
        if self.request.user.has_perm("registrations.view_registration"):
            items.append(
                {"url": url("dashboard", quote(self.object.pk)), "label": self.object.event.title}
            )
        return [*items, {"url": "", "label": _("Registration settings")}]

    def get_success_message(self) -> str:
        return str(self.success_message) % {"object": self.object.event.title}

    def save_instance(self) -> RegistrationSetup:
        with transaction.atomic():
            instance = services.save_setup(setup=self.form.save(commit=False))
            self.has_content_changes = self.form.has_changed()
            wagtail_log(
                instance=instance, action="wagtail.edit", content_changed=self.has_content_changes
            )
        return instance


class SetupDeleteView(generic.DeleteView):
    """A setup with registrations is not deleted (they are kept and purged on schedule):
    switch registration off instead."""

    def get_page_title(self) -> str:
        return _("Delete the registration settings")

    def get_page_subtitle(self) -> str:
        return str(self.object.event.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [_home(), _index(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.object.registrations.exists():
            messages.error(
                request,
                _(
                    "These registration settings cannot be deleted: people have registered. "
                    "Switch registration off instead; their data is deleted on schedule."
                ),
            )
            return redirect(url("edit", quote(self.object.pk)))
        return super().dispatch(request, *args, **kwargs)

    def get_success_message(self) -> str:
        return _("The registration settings of “%(event)s” are deleted.") % {
            "event": self.object.event.title
        }


# --- one event's registrations ---------------------------------------------------------------


class SetupMixin(WagtailAdminTemplateMixin):
    """A view of one setup, for users with the given model permissions."""

    permissions: tuple[str, ...] = ("view_registration",)
    request: HttpRequest
    kwargs: dict[str, Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require(request, *self.permissions)
        self.setup_object = get_object_or_404(
            RegistrationSetup.objects.select_related("event"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    @property
    def coordinator(self) -> bool:
        return is_coordinator(self.request.user)

    def get_page_title(self) -> str:
        return str(self.setup_object.event.title)

    def crumbs(self, *labels: str) -> list[dict[str, Any]]:
        items = [
            _home(),
            _index(),
            {"url": url("dashboard", self.setup_object.pk), "label": self.setup_object.event.title},
        ]
        if not labels:
            items[-1]["url"] = ""
        return [*items, *({"url": "", "label": label} for label in labels)]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs()


class DashboardView(SetupMixin, TemplateView):
    template_name = "registrations/admin/dashboard.html"
    header_icon = "group"

    def get_page_title(self) -> str:
        return _("Registrations: %(event)s") % {"event": self.setup_object.event.title}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        setup = self.setup_object
        user = self.request.user
        now = timezone.now()
        today = timezone.localdate(now)
        coordinator = self.coordinator
        registrations = list(services.registrations_of(setup).select_related("registered_by"))
        mark_removed(registrations)
        cases_by_registration: dict[int, list[AccommodationRequest]] = {}
        open_cases = 0
        overdue = 0
        for registration in registrations:
            registration.preference_label = exports.contact_preference_label(registration)  # type: ignore[attr-defined]
            cases = list(registration.accommodations.all())
            if registration.status in ACTIVE_STATUSES:
                for case in cases:
                    case.is_overdue = case.status in OPEN_CASE_STATUSES and case.due_on < today  # type: ignore[attr-defined]
                    open_cases += case.status in OPEN_CASE_STATUSES
                    overdue += case.is_overdue  # type: ignore[attr-defined]
                    if coordinator:
                        case.form = CaseAnswerForm(  # type: ignore[attr-defined]
                            prefix=f"case-{case.pk}",
                            initial={"status": case.status, "answer": case.answer},
                        )
            cases_by_registration[registration.pk] = cases
            registration.cases = cases  # type: ignore[attr-defined]
        active_cases = sum(
            len(cases_by_registration[registration.pk])
            for registration in registrations
            if registration.status in ACTIVE_STATUSES
        )
        todo = list(
            OutboxMessage.objects.filter(
                setup=setup, status=MessageStatus.MANUAL, registration__isnull=False
            ).select_related("registration")
        )
        # The person got the link in writing when the same message went to them by e-mail or
        # text message too (to_person writes those beside the staff's call).
        written = set(
            OutboxMessage.objects.filter(setup=setup, registration__isnull=False)
            .exclude(channel=MessageChannel.MANUAL)
            .values_list("registration_id", "kind")
        )
        for message in todo:
            # A message about an accommodation answer speaks of health data.
            message.for_coordinator = message.kind == MessageKind.CASE_ANSWERED  # type: ignore[attr-defined]
            message.shown_body = without_links(  # type: ignore[attr-defined]
                message.body, sent_in_writing=(message.registration_id, message.kind) in written
            )
        query = self.request.GET.get("q", "").strip()[:100]
        listed = [
            r
            for r in registrations
            if r.status != RegistrationStatus.MODERATION and matches(r, query)
        ]
        context.update(
            {
                "setup": setup,
                "event": setup.event,
                "now": now,
                "state": setup.state_at(now),
                "counts": services.counts(setup),
                "coordinator": coordinator,
                "registrations": listed,
                "query": query,
                "waiting": [r for r in registrations if r.status == RegistrationStatus.WAITING],
                "held": [r for r in registrations if r.status == RegistrationStatus.MODERATION],
                "summary": queries.accommodation_summary(setup) if coordinator else [],
                "active_cases": active_cases,
                "open_cases": open_cases,
                "overdue": overdue,
                "todo": todo,
                "can_change": can(user, "change_registration"),
                "can_add": can(user, "add_registration"),
                "can_edit_setup": can(user, "change_registrationsetup"),
                "can_answer": coordinator and can(user, "change_accommodationrequest"),
            }
        )
        audit.log(
            setup,
            "biuletyn.registration.list",
            user=user,
            registrations=len(registrations),
            accommodations_shown=coordinator,
        )
        return context


def mark_removed(registrations: list[Registration]) -> None:
    """Give each anonymised registration ``removed``: why its name and contact are gone (the
    person deleted their data through their link, which the audit log records, or the
    retention period ran out); "" for the others."""
    anonymised = [str(item.pk) for item in registrations if item.anonymised_at is not None]
    at_request: set[str] = set()
    if anonymised:
        at_request = set(
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Registration),
                object_id__in=anonymised,
                action="biuletyn.registration.delete",
            ).values_list("object_id", flat=True)
        )
    for item in registrations:
        if item.anonymised_at is None:
            item.removed = ""  # type: ignore[attr-defined]
        elif str(item.pk) in at_request:
            item.removed = _("(data deleted at the person’s request)")  # type: ignore[attr-defined]
        else:
            item.removed = _("(data deleted after the retention period)")  # type: ignore[attr-defined]


class StaffRegisterView(SetupMixin, TemplateView):
    """Register someone who called, wrote or came in, also while the public form is closed."""

    permissions = ("view_registration", "add_registration")
    template_name = "registrations/admin/staff_register.html"

    def get_page_title(self) -> str:
        return _("Register a person: %(event)s") % {"event": self.setup_object.event.title}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs(_("Register a person"))

    def form(self) -> StaffRegistrationForm:
        if self.request.method == "POST":
            return StaffRegistrationForm(self.request.POST, setup=self.setup_object)
        return StaffRegistrationForm(setup=self.setup_object)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render(self.form(), idempotency_key=uuid.uuid4().hex)

    def render(
        self,
        form: StaffRegistrationForm,
        *,
        idempotency_key: str,
        consent_warning: list[str] | None = None,
    ) -> HttpResponse:
        context = self.get_context_data(
            form=form,
            setup=self.setup_object,
            idempotency_key=idempotency_key,
            action=url("register", self.setup_object.pk),
            accommodation_days=settings.REGISTRATION_ACCOMMODATION_DAYS,
            consent_warning=consent_warning or [],
        )
        return self.render_to_response(context)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Needs ticked without the person's consent bring the form back once with a warning
        and the ticks kept (nothing registered yet); sent again without consent, the person is
        registered without their needs."""
        form = self.form()
        key = request.POST.get("idempotency_key", "")[:64] or uuid.uuid4().hex
        if not form.is_valid():
            return self.render(form, idempotency_key=key)
        if warning := form.needs_to_warn_about():
            return self.render(form, idempotency_key=key, consent_warning=warning)
        data = form.cleaned_data
        try:
            outcome = services.register(
                setup=self.setup_object,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                contact_preference=data["contact_preference"],
                seats=data["seats"],
                needs=form.need_answers(),
                health_consent=data["health_consent"],
                idempotency_key=f"staff-{key}",
                channel=data["channel"],
                registered_by=request.user,
                staff_note=data["staff_note"],
            )
        except services.RegistrationError as error:
            form.add_error(None, registration_error_message(error))
            return self.render(form, idempotency_key=key)
        registration = outcome.registration
        audit.log(
            registration,
            "biuletyn.registration.create",
            user=request.user,
            channel=registration.channel,
            status=registration.status,
            result=outcome.result,
            seats=registration.seats,
        )
        messages.success(request, staff_outcome_message(outcome))
        return redirect(url("dashboard", self.setup_object.pk))


def registration_error_message(error: services.RegistrationError) -> str:
    if error.code == "too_many_seats":
        most = int(error.details.get("most") or 0)
        return ngettext(
            "One registration can take at most %(most)s seat.",
            "One registration can take at most %(most)s seats.",
            most,
        ) % {"most": most}
    if error.code == "full":
        return _(
            "All seats are taken and this event has no waiting list, so the person cannot be "
            "registered. Add seats or switch the waiting list on in the registration settings."
        )
    if error.code == "missing_contact":
        return _("Enter the person’s name and a phone number or an e-mail address.")
    return _("The person could not be registered. Check the form and try again.")


def staff_outcome_message(outcome: services.Outcome) -> str:
    number = outcome.registration.pk
    texts = {
        "confirmed": _("Registration no. %(number)s is confirmed."),
        "waiting": _("Registration no. %(number)s is on the waiting list: all seats are taken."),
        "moderation": _("Registration no. %(number)s is waiting for a check."),
        "already_registered": _(
            "This person is already registered (no. %(number)s); nothing new was added."
        ),
        "duplicate": _("This form was already sent: registration no. %(number)s."),
    }
    text = texts.get(outcome.result, texts["confirmed"]) % {"number": number}
    text += " " + _("The registration code to give the person: %(reference)s.") % {
        "reference": outcome.registration.reference
    }
    if outcome.needs_dropped:
        text += " " + _("The accommodation needs were not stored: the person did not agree to it.")
    return text


class RegistrationActionMixin(SetupMixin):
    """An action on one registration of the setup."""

    permissions = ("view_registration", "change_registration")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require(request, *self.permissions)
        self.registration = get_object_or_404(
            Registration.objects.select_related("setup__event"), pk=kwargs["registration"]
        )
        if self.registration.setup_id != kwargs["pk"]:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def back(self) -> HttpResponseRedirect:
        return redirect(url("dashboard", self.setup_object.pk) + "#people")


class CancelView(RegistrationActionMixin, TemplateView):
    """Ask first (GET), then cancel (POST): the places go to the waiting list at once."""

    template_name = "registrations/admin/cancel.html"

    def get_page_title(self) -> str:
        return _("Cancel registration no. %(number)s") % {"number": self.registration.pk}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs(self.get_page_title())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration,
            setup=self.setup_object,
            action=url("cancel", self.setup_object.pk, self.registration.pk),
        )
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.registration.status == RegistrationStatus.CANCELLED:
            messages.info(request, _("This registration is already cancelled."))
            return self.back()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        before = self.registration.status
        if before == RegistrationStatus.CANCELLED:
            messages.info(request, _("This registration is already cancelled."))
            return self.back()
        registration = services.cancel(registration=self.registration, by_person=False)
        audit.log(
            registration,
            "biuletyn.registration.cancel",
            user=request.user,
            status_before=before,
            status=registration.status,
        )
        messages.success(
            request,
            _("Registration no. %(number)s is cancelled.") % {"number": registration.pk},
        )
        return self.back()


class CheckInView(RegistrationActionMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = self.registration
        if registration.status != RegistrationStatus.CONFIRMED:
            messages.error(
                request,
                _("Only a confirmed registration can be checked in (no. %(number)s).")
                % {"number": registration.pk},
            )
            return self.back()
        if registration.checked_in_at is None:
            services.check_in(registration=registration)
            audit.log(registration, "biuletyn.registration.check_in", user=request.user)
        messages.success(
            request,
            _("Registration no. %(number)s is checked in.") % {"number": registration.pk},
        )
        return self.back()


class ModerateView(RegistrationActionMixin, TemplateView):
    """Accept or reject a registration the honeypot held back."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = request.POST.get("decision")
        if decision not in ("accept", "reject"):
            messages.error(request, _("Choose whether to accept or reject the registration."))
            return self.back()
        if self.registration.status != RegistrationStatus.MODERATION:
            messages.info(request, _("This registration was already checked."))
            return self.back()
        registration = services.release_moderated(
            registration=self.registration, accept=decision == "accept"
        )
        audit.log(
            registration,
            "biuletyn.registration.moderate",
            user=request.user,
            accepted=decision == "accept",
            status=registration.status,
        )
        if decision == "reject":
            text = _("Registration no. %(number)s is rejected.")
        elif registration.status == RegistrationStatus.CONFIRMED:
            text = _("Registration no. %(number)s is accepted and confirmed.")
        else:
            text = _("Registration no. %(number)s is accepted and on the waiting list.")
        messages.success(request, text % {"number": registration.pk})
        return redirect(url("dashboard", self.setup_object.pk) + "#held")


class CaseAnswerView(SetupMixin, TemplateView):
    """The answer to one accommodation request (coordinators only). The dashboard's forms post
    here; on an error this page shows the one form again with what was typed."""

    permissions = ("view_registration", "view_accommodationrequest", "change_accommodationrequest")
    template_name = "registrations/admin/case_answer.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require(request, *self.permissions)
        self.case = get_object_or_404(
            AccommodationRequest.objects.select_related("registration__setup__event"),
            pk=kwargs["case"],
        )
        if self.case.registration.setup_id != kwargs["pk"]:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Answer to accommodation request no. %(number)s") % {"number": self.case.pk}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs(self.get_page_title())

    def prefix(self) -> str:
        return f"case-{self.case.pk}"

    def render(self, form: CaseAnswerForm) -> HttpResponse:
        case = self.case
        case.is_overdue = (  # type: ignore[attr-defined]
            case.status in OPEN_CASE_STATUSES and case.due_on < timezone.localdate()
        )
        context = self.get_context_data(
            form=form,
            case=case,
            registration=case.registration,
            setup=self.setup_object,
            action=url("answer", self.setup_object.pk, case.pk),
        )
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        audit.log(self.case.registration, "biuletyn.registration.view", user=request.user)
        return self.render(
            CaseAnswerForm(
                prefix=self.prefix(),
                initial={"status": self.case.status, "answer": self.case.answer},
            )
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CaseAnswerForm(request.POST, prefix=self.prefix())
        if not form.is_valid():
            return self.render(form)
        try:
            case = services.answer_case(
                case=self.case,
                status=form.cleaned_data["status"],
                answer=form.cleaned_data["answer"],
                user=request.user,
            )
        except services.RegistrationError:
            form.add_error(
                "answer",
                _("Write to the person what you offer instead or why you cannot provide it."),
            )
            return self.render(form)
        audit.log(
            case,
            "biuletyn.case.answer",
            user=request.user,
            registration=case.registration_id,
            status=case.status,
        )
        messages.success(
            request,
            _("The answer to request no. %(number)s is saved; the person will be told.")
            % {"number": case.pk},
        )
        return redirect(url("dashboard", self.setup_object.pk) + f"#case-{case.pk}")


class ContactDoneView(SetupMixin, TemplateView):
    """Staff contacted the person themselves: the to-do row is done."""

    permissions = ("view_registration", "change_registration")
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        message = get_object_or_404(
            OutboxMessage.objects.select_related("registration"),
            pk=kwargs["message"],
            setup=self.setup_object,
            registration__isnull=False,
        )
        if message.kind == MessageKind.CASE_ANSWERED and not self.coordinator:
            raise PermissionDenied
        done = services.mark_contacted(message=message)
        assert message.registration is not None
        audit.log(
            message.registration,
            "biuletyn.registration.change",
            user=request.user,
            message=done.pk,
            contacted=done.status == MessageStatus.DONE,
        )
        messages.success(request, _("Marked as done: the person was contacted."))
        return redirect(url("dashboard", self.setup_object.pk) + "#to-contact")


# --- exports --------------------------------------------------------------------------------


class ExportCsvView(SetupMixin, TemplateView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        coordinator = self.coordinator
        text, rows = exports.registrations_csv(self.setup_object, with_accommodations=coordinator)
        audit.log(
            self.setup_object,
            "biuletyn.registration.export",
            user=request.user,
            format="csv",
            rows=rows,
            accommodations=coordinator,
        )
        response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
        filename = exports.csv_filename(self.setup_object)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class CheckInListView(SetupMixin, TemplateView):
    """A page to print for the door: who is expected, their seats, a box to tick."""

    template_name = "registrations/admin/check_in_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        coordinator = self.coordinator
        rows = exports.check_in_rows(self.setup_object, with_accommodations=coordinator)
        audit.log(
            self.setup_object,
            "biuletyn.registration.export",
            user=self.request.user,
            format="check_in_list",
            rows=len(rows),
            accommodations=coordinator,
        )
        context.update(
            setup=self.setup_object,
            event=self.setup_object.event,
            rows=rows,
            coordinator=coordinator,
            seats=sum(row.seats for row in rows),
            printed_at=timezone.now(),
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = TemplateResponse(self.request, self.template_name, context)
        response["Cache-Control"] = "private, no-store"
        return response
