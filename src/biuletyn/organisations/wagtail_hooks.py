from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from biuletyn.core.choosers import chooser_viewset

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    # Whole sentences, so that Polish can say "Wybierz organizację" (see core/choosers.py).
    chooser_viewset_class = chooser_viewset(
        choose_one=_("Choose an organisation"),
        choose_another=_("Choose another organisation"),
        edit=_("Edit this organisation"),
    )
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "city", "phone", "email"]
    search_fields = ["name", "city"]


register_snippet(OrganisationViewSet)
