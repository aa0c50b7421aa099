"""The source's admin form (issue 12): the section where its drafts go is a list of the
bulletins and member organisations' sections, each with its language, instead of Wagtail's page
chooser, whose tree greys out every page that may not be chosen (too faint to read) and makes an
editor walk the site to reach one of a handful of pages."""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from biuletyn.articles.models import ArticleIndexPage, ArticleSectionPage


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.locale.get_display_name()})"


class SourceForm(WagtailAdminModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["section"]
        self.fields["section"] = SectionChoiceField(
            queryset=Page.objects.type(ArticleIndexPage, ArticleSectionPage)
            .select_related("locale")
            .order_by("path"),
            label=field.label,
            help_text=field.help_text,
            required=field.required,
            widget=forms.Select,
        )
