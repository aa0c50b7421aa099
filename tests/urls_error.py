"""URLs for tests that need a forced server error: the project's URLs plus a view that fails,
in both languages."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from biuletyn.urls import urlpatterns as project_urlpatterns


def failing_view(request):
    raise RuntimeError("Forced failure for the 500-page tests")


urlpatterns = [
    *i18n_patterns(path("blad-testowy/", failing_view), prefix_default_language=False),
    *project_urlpatterns,
]

handler500 = "biuletyn.core.views.server_error"
