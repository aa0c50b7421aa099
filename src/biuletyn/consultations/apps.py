from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What the editorial groups may do with consultations in the admin: moderate and answer comments
# (the comment's change permission is the moderator's: admin_views.MODERATE_PERMISSION), and see
# them and the report.
MODERATOR_PERMISSIONS = ("view_comment", "change_comment", "view_commentflag")
# Wagtail's own default groups, where a site still has them (registrations.services does so too).
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


class ConsultationsConfig(AppConfig):
    name = "biuletyn.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_groups, sender=self)


def ensure_editor_permissions(*, using: str = "default") -> None:
    """Let the editorial groups (articles.services: the administrators and the bulletin's
    editors; Wagtail's "Editors" and "Moderators" where they exist) moderate and answer comments
    and publish the report. Runs after every migrate; safe to run again."""
    from django.contrib.auth.models import Group, Permission

    from biuletyn.articles.services import ADMINISTRATORS, BULLETIN_EDITORS

    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="consultations", codename__in=MODERATOR_PERMISSIONS
        )
    )
    groups = [
        Group.objects.using(using).get_or_create(name=ADMINISTRATORS)[0],
        Group.objects.using(using).get_or_create(name=BULLETIN_EDITORS)[0],
        *Group.objects.using(using).filter(name__in=WAGTAIL_DEFAULT_GROUPS),
    ]
    for group in groups:
        group.permissions.add(*permissions)


def _groups(**kwargs: Any) -> None:
    from django.contrib.auth.management import create_permissions

    # This app may come before django.contrib.auth in INSTALLED_APPS, so its permissions may not
    # exist yet when this runs on a fresh database: create them first (idempotent).
    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))
