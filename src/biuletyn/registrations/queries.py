"""Reads of registrations (ADR 0011)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .enums import ACTIVE_STATUSES, NEED_SHORT_LABELS, OPEN_CASE_STATUSES, Need, RegistrationStatus
from .models import AccommodationRequest, Registration, RegistrationSetup

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage


def setup_for(event: EventPage) -> RegistrationSetup | None:
    """The registration of an event, whichever language version it is asked for."""
    return (
        RegistrationSetup.objects.select_related("event")
        .filter(event_key=event.translation_key)
        .first()
    )


def overdue_cases(*, today: dt.date | None = None) -> QuerySet[AccommodationRequest]:
    """Accommodation requests still waiting for an answer after their due date, of events not
    yet over, oldest due first."""
    today = today or timezone.localdate()
    return (
        AccommodationRequest.objects.filter(
            status__in=OPEN_CASE_STATUSES,
            due_on__lt=today,
            registration__status__in=ACTIVE_STATUSES,
        )
        .select_related("registration__setup__event")
        .order_by("due_on", "pk")
    )


def accommodation_summary(setup: RegistrationSetup) -> list[tuple[str, int]]:
    """("PJM", 2), ("induction loop", 1) …: the needs of active registrations, in the
    vocabulary's order, as the organiser's summary reads them ("2 × PJM, 1 × pętla")."""
    rows = dict(
        AccommodationRequest.objects.filter(
            registration__setup=setup, registration__status__in=ACTIVE_STATUSES
        )
        .values_list("need")
        .annotate(n=Count("pk"))
        .values_list("need", "n")
    )
    return [
        (str(NEED_SHORT_LABELS[Need(need)]), rows[need]) for need in Need.values if need in rows
    ]


def waiting_position(registration: Registration) -> int | None:
    """The registration's place in its event's waiting list (1: the first in line), in the
    order ``services._promote`` goes through it; None when it is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = registration.setup.registrations.filter(status=RegistrationStatus.WAITING).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1
