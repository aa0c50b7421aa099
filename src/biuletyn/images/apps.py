from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """Biuletyn's image model: alt text, decorative flag, posters with their text version."""

    name = "biuletyn.images"
    label = "images"
    verbose_name = "Biuletyn: images"
