from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from biuletyn.core.choosers import chooser_viewset

from .models import Venue


class VenueViewSet(SnippetViewSet):
    # Whole sentences, so that Polish can say "Wybierz miejsce" (see core/choosers.py).
    chooser_viewset_class = chooser_viewset(
        choose_one=_("Choose a venue"),
        choose_another=_("Choose another venue"),
        edit=_("Edit this venue"),
    )
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "city", "step_free_entrance"]
    list_filter = ["city"]
    search_fields = ["name", "city"]


register_snippet(VenueViewSet)
