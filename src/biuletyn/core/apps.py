from django.apps import AppConfig
from django.core import checks


class CoreConfig(AppConfig):
    name = "biuletyn.core"
    label = "core"
    verbose_name = "Biuletyn: core"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the page-cache invalidation)
        from .checks import check_publicity

        checks.register(check_publicity)
