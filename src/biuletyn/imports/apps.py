from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Who sees the "Imported, needs an editor" list: whoever may view import records, which the
# editorial groups get after every migrate.
VIEW_PERMISSION = "view_importeditem"


class ImportsConfig(AppConfig):
    name = "biuletyn.imports"
    label = "imports"
    verbose_name = _("Import from WordPress")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        post_migrate.connect(_groups, sender=self)
        page_published.connect(_recompute, dispatch_uid="imports-recompute-needs-editor")


def ensure_editor_permissions(*, using: str = "default") -> None:
    """Let the administrators and the bulletin's editors see the list of imported pages that
    need an editor. Runs after every migrate; safe to run again."""
    from biuletyn.articles.services import grant_to_editorial_groups

    grant_to_editorial_groups("imports", (VIEW_PERMISSION,), using=using, wagtail_groups=False)


def _groups(**kwargs: Any) -> None:
    from django.contrib.auth.management import create_permissions

    create_permissions(kwargs["app_config"], verbosity=0, using=kwargs.get("using", "default"))
    ensure_editor_permissions(using=kwargs.get("using", "default"))


def _recompute(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A published page leaves the list once nothing in it breaks a rule any more."""
    from .services import recompute_needs_editor

    recompute_needs_editor(page=instance)
