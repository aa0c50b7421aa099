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
    """Let the editorial groups keep the sources and review the queue. Runs after every
    migrate; safe to run again."""
    from biuletyn.articles.services import grant_to_editorial_groups

    grant_to_editorial_groups("sources", EDITOR_PERMISSIONS, using=using)


def _groups(**kwargs: Any) -> None:
    from django.contrib.auth.management import create_permissions

    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))


def _published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A draft from a source, published: its item leaves the review queue."""
    from .services import mark_published

    mark_published(page=instance)
