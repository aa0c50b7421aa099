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
        from . import signals

        signals.connect()


def _groups(**kwargs: Any) -> None:
    from django.contrib.auth.management import create_permissions

    from .services import ensure_coordinator_group, ensure_editor_permissions

    # This app may come before django.contrib.auth in INSTALLED_APPS, so its permissions may not
    # exist yet when this runs on a fresh database: create them first (idempotent).
    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_coordinator_group(using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))
