from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Registrations for events, with accommodation requests kept as health data (ADR 0011)."""

    name = "biuletyn.registrations"
    label = "registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_groups, sender=self)


def _groups(**kwargs: Any) -> None:
    from .services import ensure_coordinator_group

    ensure_coordinator_group(using=kwargs.get("using", "default"))
