"""The site's URLs with the white-space redirect before them (biuletyn.core.forgiving), for
tests of addresses typed with spaces."""

from biuletyn.core import forgiving
from biuletyn.urls import urlpatterns as site_urlpatterns

urlpatterns = [*forgiving.urlpatterns, *site_urlpatterns]
handler500 = "biuletyn.core.views.server_error"
