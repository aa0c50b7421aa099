from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What the editorial groups may do with consultations in the admin: moderate and answer comments
# (the comment's change permission is the moderator's: admin_views.MODERATE_PERMISSION), and see
# them and the report.
MODERATOR_PERMISSIONS = ("view_comment", "change_comment", "view_commentflag")
# Wagtail's own default groups, where a site still has them (registrations.services does so too).


class ConsultationsConfig(AppConfig):
    name = "biuletyn.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_groups, sender=self)


def ensure_editor_permissions(*, using: str = "default") -> None:
    """Let the editorial groups moderate and answer comments and publish the report. Runs
    after every migrate; safe to run again."""
    from biuletyn.articles.services import grant_to_editorial_groups

    grant_to_editorial_groups("consultations", MODERATOR_PERMISSIONS, using=using)


def _groups(**kwargs: Any) -> None:
    from django.contrib.auth.management import create_permissions

    # This app may come before django.contrib.auth in INSTALLED_APPS, so its permissions may not
    # exist yet when this runs on a fresh database: create them first (idempotent).
    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))
