from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What the editorial groups may do: keep the sources, and review what they bring (the item's
# change permission is the reviewer's: admin_views.REVIEW_PERMISSION).
EDITOR_PERMISSIONS = (
    "add_source",
    "change_source",
    "delete_source",
    "view_source",
    "view_sourceitem",
    "change_sourceitem",
)
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


class SourcesConfig(AppConfig):
    name = "biuletyn.sources"
    label = "sources"
    verbose_name = _("Republishing sources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        post_migrate.connect(_groups, sender=self)
        page_published.connect(_published, dispatch_uid="sources_item_published")


def ensure_editor_permissions(*, using: str = "default") -> None:
    """Let the editorial groups (articles.services: the administrators and the bulletin's
    editors; Wagtail's "Editors" and "Moderators" where they exist) keep the sources and review
    the queue. Runs after every migrate; safe to run again."""
    from django.contrib.auth.models import Group, Permission

    from biuletyn.articles.services import ADMINISTRATORS, BULLETIN_EDITORS

    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="sources", codename__in=EDITOR_PERMISSIONS
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

    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))


def _published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A draft from a source, published: its item leaves the review queue."""
    from .services import mark_published

    mark_published(page=instance)
