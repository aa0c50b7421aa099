from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "biuletyn.pages"
    label = "pages"
    verbose_name = "Biuletyn: pages"
