"""The project's form renderer: every field template emits the ids Django puts in
``aria-describedby`` (``<id>_helptext``, ``<id>_error``) and marks optional fields."""

from django.forms.renderers import TemplatesSetting


class BiuletynFormRenderer(TemplatesSetting):
    field_template_name = "core/forms/field.html"
