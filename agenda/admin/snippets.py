"""The agenda's vocabulary, chosen inside atelier pages: its categories."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from agenda.models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Catégories d'ateliers")
    add_to_admin_menu = False
