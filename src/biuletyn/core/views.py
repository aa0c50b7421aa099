"""Error pages. They render from templates alone (no database), so that a broken database still
gets a readable, accessible page in the reader's language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        template = loader.get_template("500.html")
        return HttpResponseServerError(
            # without_database: base.html leaves out what would read it (the main navigation).
            template.render(
                {"request": request, "LANGUAGE_CODE": language, "without_database": True}
            )
        )
