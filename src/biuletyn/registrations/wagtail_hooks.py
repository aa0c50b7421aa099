"""Registrations in the Wagtail admin (ADR 0011): the "Zapisy" menu (the events' registration
settings, each event's registrations, exports), the audit log's actions, and a way from an
event's editor to its registration."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.admin.widgets.button import Button

from . import admin_views, audit
from .admin_forms import RegistrationSetupForm
from .models import RegistrationSetup

hooks.register("register_log_actions", audit.register_actions)


def _event_chooser() -> AdminPageChooser:
    from biuletyn.events.models import EventPage

    return AdminPageChooser(
        target_models=[EventPage],
        choose_one_text=gettext_lazy("Choose the event"),
        choose_another_text=gettext_lazy("Choose another event"),
        link_to_chosen_text=gettext_lazy("Edit this event"),
    )


class RegistrationSetupViewSet(ModelViewSet):
    model = RegistrationSetup
    name = admin_views.NAMESPACE
    url_prefix = "registrations"
    icon = "form"
    menu_label = gettext_lazy("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    index_view_class = admin_views.SetupIndexView
    index_template_name = "registrations/admin/index.html"
    add_view_class = admin_views.SetupCreateView
    edit_view_class = admin_views.SetupEditView
    delete_view_class = admin_views.SetupDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("event", widget=_event_chooser()),
            FieldPanel("is_open"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                ],
                heading=gettext_lazy("When people can register"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("capacity"),
                    FieldPanel("max_seats_per_registration"),
                    FieldPanel("waiting_list"),
                    FieldPanel("assistant_takes_seat"),
                ],
                heading=gettext_lazy("Seats"),
            ),
            MultiFieldPanel(
                [FieldPanel("wheelchair_spaces"), FieldPanel("wheelchair_release_at")],
                heading=gettext_lazy("Wheelchair spaces"),
            ),
            MultiFieldPanel(
                [FieldPanel("controller"), FieldPanel("controller_contact")],
                heading=gettext_lazy("Personal data"),
            ),
            FieldPanel("organiser_email"),
        ],
        base_form_class=RegistrationSetupForm,
    )

    def get_urlpatterns(self) -> list[Any]:
        views = admin_views
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/people/", views.DashboardView.as_view(), name="dashboard"),
            path("<int:pk>/people/add/", views.StaffRegisterView.as_view(), name="register"),
            path(
                "<int:pk>/people/<int:registration>/cancel/",
                views.CancelView.as_view(),
                name="cancel",
            ),
            path(
                "<int:pk>/people/<int:registration>/check-in/",
                views.CheckInView.as_view(),
                name="check_in",
            ),
            path(
                "<int:pk>/people/<int:registration>/moderate/",
                views.ModerateView.as_view(),
                name="moderate",
            ),
            path("<int:pk>/cases/<int:case>/", views.CaseAnswerView.as_view(), name="answer"),
            path(
                "<int:pk>/to-contact/<int:message>/done/",
                views.ContactDoneView.as_view(),
                name="contact_done",
            ),
            path("<int:pk>/export.csv", views.ExportCsvView.as_view(), name="export_csv"),
            path("<int:pk>/check-in-list/", views.CheckInListView.as_view(), name="check_in_list"),
        ]


registration_setup_viewset = RegistrationSetupViewSet()


@hooks.register("register_admin_viewset")
def register_registration_setups() -> RegistrationSetupViewSet:
    return registration_setup_viewset


@hooks.register("register_page_header_buttons")
def event_registration_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> Any:
    """In an event's header menu: its registration, or setting one up."""
    from biuletyn.events.models import EventPage

    from . import queries

    if not issubclass(page.specific_class or type(page), EventPage):
        return
    setup = queries.setup_for(page)
    if setup is not None and user.has_perm("registrations.view_registration"):
        yield Button(
            _("Registrations for this event"),
            url=reverse(f"{admin_views.NAMESPACE}:dashboard", args=(quote(setup.pk),)),
            icon_name="form",
            priority=40,
        )
    elif setup is not None and user.has_perm("registrations.change_registrationsetup"):
        yield Button(
            _("Registration settings"),
            url=reverse(f"{admin_views.NAMESPACE}:edit", args=(quote(setup.pk),)),
            icon_name="form",
            priority=40,
        )
    elif setup is None and user.has_perm("registrations.add_registrationsetup"):
        yield Button(
            _("Set up registration"),
            url=reverse(f"{admin_views.NAMESPACE}:add") + f"?event={page.pk}",
            icon_name="form",
            priority=40,
        )
