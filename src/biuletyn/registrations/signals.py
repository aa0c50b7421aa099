"""Signal receivers of registrations: a published event tells its registrants what changed
(ADR 0011). Connected in ``apps.RegistrationsConfig.ready``.

Any language version's publication counts (an event's registration covers them all). The work
waits for the commit, so a publication that rolls back tells nobody; the service compares the
event's state with what registrants were last told, so a publication that changes nothing of it
(or the alias Wagtail updates beside the page) sends nothing.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from wagtail.signals import page_published


def notify_after_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    from biuletyn.events.models import EventPage

    if not isinstance(instance, EventPage):
        return
    transaction.on_commit(partial(_notify, instance.pk))


def _notify(page_id: int) -> None:
    from biuletyn.events.models import EventPage

    from . import queries, services

    page = EventPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    setup = queries.setup_for(page)
    if setup is not None:
        services.notify_event_change(setup=setup)


def connect() -> None:
    page_published.connect(notify_after_publish, dispatch_uid="registrations_event_change")
