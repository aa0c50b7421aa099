"""Create (or reset) the demo editor account and print how to log in. Development only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from biuletyn.registrations.services import ensure_coordinator_group

DEMO_USERNAME = "redakcja"
DEMO_PASSWORD = "biuletyn-demo-2026"  # noqa: S105  (a published demo password, DEBUG only)


class Command(BaseCommand):
    help = "Create the demo editor account (DEBUG only) and print its login."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, port: int, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo editor exists only with DEBUG on (make run).")
        user, _ = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME, defaults={"email": "redakcja@example.org"}
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        editors = Group.objects.filter(name="Editors").first()
        if editors is not None:
            user.groups.add(editors)
        # Sees and answers accommodation requests (the member organisation's account does not).
        user.groups.add(ensure_coordinator_group())
        self.stdout.write(
            f"Demo editor: http://127.0.0.1:{port}/admin/  login {DEMO_USERNAME}  "
            f"password {DEMO_PASSWORD}"
        )
