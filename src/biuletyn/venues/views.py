"""Public views of venues: the filterable directory and a venue's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale

from biuletyn.core.translations import data_language

from .forms import VenueFilterForm
from .models import Venue
from .queries import venue_cities, venues_filtered
from .structured_data import place


def venue_list(request: HttpRequest) -> HttpResponse:
    form = VenueFilterForm(request.GET or None, cities=venue_cities())
    venues = None
    if not request.GET:
        venues = venues_filtered()
    elif form.is_valid():
        venues = venues_filtered(form.cleaned_data["city"], form.cleaned_data["feature"])
    # An invalid filter shows the form with its errors and no list: a list that ignored the
    # filter would look like an answer to the question asked.
    return render(
        request,
        "venues/venue_list.html",
        {"form": form, "venues": venues, "content_lang": data_language()},
    )


def venue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Events use venues, not the other way round: imported here, where a venue shows its events.
    from biuletyn.events.queries import upcoming_at

    venue = get_object_or_404(Venue.objects.prefetch_related("photos__image"), slug=slug)
    return render(
        request,
        "venues/venue_detail.html",
        {
            "venue": venue,
            "upcoming_events": upcoming_at(venue, Locale.get_active()),
            "structured_data": place(venue, request),
            "content_lang": data_language(),
        },
    )
