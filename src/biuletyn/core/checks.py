"""System checks of the core app: every model of ours declares its publicity. ADR 0001."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.apps import AppConfig, apps
from django.core.checks import CheckMessage, Error
from django.db.models import Model
from wagtail.models import Page

from .publicity import NEUTRAL_MODELS, PAGE_PARTS, PUBLIC_MODELS


def publicity_errors(models: Iterable[type[Model]]) -> list[CheckMessage]:
    """Errors for models of ``biuletyn.*`` apps that are declared nowhere, or twice."""
    errors: list[CheckMessage] = []
    for model in models:
        app_config = model._meta.app_config
        if app_config is None or not app_config.name.startswith("biuletyn."):
            continue
        label = model._meta.label_lower
        lists = [
            name
            for name, members in (
                ("PUBLIC_MODELS", PUBLIC_MODELS),
                ("PAGE_PARTS", PAGE_PARTS),
                ("NEUTRAL_MODELS", NEUTRAL_MODELS),
            )
            if label in members
        ]
        if issubclass(model, Page):
            lists.insert(0, "page models (public by rule)")
        if not lists:
            errors.append(
                Error(
                    f"{model._meta.label} does not say whether its changes show on public pages.",
                    hint="Add it to PUBLIC_MODELS, PAGE_PARTS or NEUTRAL_MODELS in "
                    "biuletyn/core/publicity.py (ADR 0001).",
                    obj=model,
                    id="biuletyn.E001",
                )
            )
        elif len(lists) > 1:
            errors.append(
                Error(
                    f"{model._meta.label} is declared more than once: {', '.join(lists)}.",
                    obj=model,
                    id="biuletyn.E002",
                )
            )
    return errors


def declaration_errors() -> list[CheckMessage]:
    """Errors for entries that name no installed model, or page parts without their page."""
    errors: list[CheckMessage] = []
    for label in sorted(PUBLIC_MODELS | NEUTRAL_MODELS | PAGE_PARTS.keys()):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            errors.append(
                Error(f"publicity.py names {label!r}, not an installed model.", id="biuletyn.E003")
            )
            continue
        if label in PAGE_PARTS:
            field = model._meta.get_field(PAGE_PARTS[label])
            target = getattr(field, "related_model", None)
            if not (isinstance(target, type) and issubclass(target, Page)):
                errors.append(
                    Error(
                        f"{model._meta.label}.{PAGE_PARTS[label]} is not a key to a page.",
                        obj=model,
                        id="biuletyn.E004",
                    )
                )
    return errors


def check_publicity(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """The registered check: ``manage.py check`` runs it."""
    configs = app_configs if app_configs is not None else apps.get_app_configs()
    models = [model for config in configs for model in config.get_models()]
    return publicity_errors(models) + (declaration_errors() if app_configs is None else [])
