"""Load the demo content. Idempotent: running it twice changes nothing the first run made."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from biuletyn.pages.services import ensure_home_pages

HOME_TITLES = {"pl": "Biuletyn", "en": "Biuletyn"}
HOME_INTROS = {
    "pl": (
        "<p>Wiadomości, wydarzenia i konsultacje dla osób z niepełnosprawnościami, ich rodzin "
        "i organizacji, które je wspierają. Piszemy prosto, opisujemy obrazy i mówimy z góry, "
        "jak dostępne jest każde spotkanie.</p>"
    ),
    "en": (
        "<p>News, events and consultations for disabled people, their families and the "
        "organisations that support them. We write plainly, describe every image and say in "
        "advance how accessible each meeting is.</p>"
    ),
}


class Command(BaseCommand):
    help = "Load Biuletyn's demo content (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, port: int, **options: Any) -> None:
        homes = ensure_home_pages(
            titles=HOME_TITLES, intros=HOME_INTROS, hostname="127.0.0.1", port=port
        )
        self.stdout.write(f"Demo content ready: {len(homes)} home pages.")
