"""Pages of a long list (``?strona=``), forgiving of the number in the address (ADR 0010).

A number past the end shows the last page, a number that is not a page number (``abc``, ``0``,
``-1``) shows the first; the view then redirects to the address of the page it shows, so one
page has one address and a reader never meets an error for a page that moved away.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponseRedirect

PAGE_PARAM = "strona"


def page_number(value: Any) -> int:
    """The page number written in ``value``; 1 for anything that is not a whole number above 0."""
    text = str(value or "").strip()
    # str.isdigit() also says yes to "²" and other digits int() refuses.
    if not text.isascii() or not text.isdigit():
        return 1
    return max(int(text), 1)


def page_of(queryset: Any, value: Any, per_page: int) -> PaginatorPage:
    """The page ``value`` asks for, or the nearest that exists: never an error."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    return paginator.page(min(page_number(value), paginator.num_pages))


def redirect_to_shown_page(
    request: HttpRequest, page_obj: PaginatorPage, param: str = PAGE_PARAM
) -> HttpResponseRedirect | None:
    """A redirect to the address of ``page_obj`` when the request asked for another one.

    Past the end, the redirect is temporary (302): the list grows, and page 9 may exist
    tomorrow. A number that can never be a page (``abc``, ``0``) or one written another way
    (``02``) redirects for good (301). ``?strona=1`` is left alone: it is the first page, and
    the pagination links to it."""
    asked = request.GET.get(param)
    if asked is None or asked == str(page_obj.number):
        return None
    query = request.GET.copy()
    if page_obj.number == 1:
        query.pop(param)
    else:
        query[param] = str(page_obj.number)
    # One leading slash: "//host/" would send the reader to another site.
    path = "/" + request.path.lstrip("/")
    response = HttpResponseRedirect(path + (f"?{query.urlencode()}" if query else ""))
    if page_number(asked) <= page_obj.number:
        response.status_code = 301
    return response
