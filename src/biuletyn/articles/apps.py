from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The bulletin: articles, categories, tags and the archive."""

    name = "biuletyn.articles"
    label = "articles"
    verbose_name = "Biuletyn: articles"
