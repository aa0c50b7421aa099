"""Load the demo content. Idempotent: running it twice changes nothing the first run made."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from biuletyn.demo.loader import load


class Command(BaseCommand):
    help = "Load Biuletyn's demo content (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, port: int, **options: Any) -> None:
        result = load(port=port)
        self.stdout.write(
            f"Demo content ready: {result['home_pages']} home pages, {result['articles']} "
            f"articles ({result['translated_articles']} translated into English), "
            f"{result['categories']} categories, {result['organisations']} organisations, "
            f"{result['images']} images, {result['documents']} documents, "
            f"{result['venues']} venues, {result['events']} events "
            f"({result['translated_events']} translated), {result['consultations']} "
            f"consultations; in moderation: "
            f"“{result['in_moderation']}”."
        )
        member = result["member"]
        if settings.DEBUG and member["password"]:
            self.stdout.write(
                f"Demo member organisation: http://127.0.0.1:{port}/admin/  "
                f"login {member['username']}  password {member['password']}"
            )
