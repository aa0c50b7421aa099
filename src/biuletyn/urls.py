import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from biuletyn.consultations import api as consultations_api
from biuletyn.core import forgiving, media
from biuletyn.pages.sitemaps import TranslatedSitemap
from biuletyn.registrations import api as registrations_api
from biuletyn.venues.sitemaps import VenueSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedSitemap, "venues": VenueSitemap}},
        name="sitemap",
    ),
    # An event's live registration figures (issue 10); the page id names its language version.
    path("api/events/<int:pk>.json", registrations_api.event_json, name="event_json"),
    # A consultation's status and comment figures (issue 11), always current.
    path(
        "api/consultations/<int:pk>.json",
        consultations_api.consultation_json,
        name="consultation_json",
    ),
]

# Uploaded images in every environment, documents never (ADR 0009). Before Wagtail's catch-all,
# so that nothing under MEDIA_URL is ever answered by a page.
_MEDIA = re.escape(settings.MEDIA_URL.lstrip("/"))
urlpatterns += [
    re_path(
        rf"^{_MEDIA}(?P<folder>images|original_images)/(?P<name>[^/]+)\Z",
        media.serve_image,
        name="media_image",
    ),
    re_path(rf"^{_MEDIA}", media.not_public),
]

# An address typed with spaces (a tag written by hand) goes to its hyphenated form (ADR 0010):
# Wagtail serves only letters, digits, "-" and "_", so this comes before its catch-all.
urlpatterns += forgiving.urlpatterns

# Polish at /, English at /en/ (ADR 0004). Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("biuletyn.organisations.urls")),
    path("", include("biuletyn.venues.urls")),
    path("", include("biuletyn.events.urls")),
    path("", include("biuletyn.registrations.urls")),
    path("", include("biuletyn.consultations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "biuletyn.core.views.server_error"
