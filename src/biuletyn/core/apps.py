from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "biuletyn.core"
    label = "core"
    verbose_name = "Biuletyn: core"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the page-cache invalidation)
