"""The « Agenda » menu of the admin: proposing an atelier, then the lists."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdminGroup

from agenda.admin.lists import OccurrenceAdmin, RegistrationAdmin
from agenda.admin.permissions import can_register_people
from core.groups import is_coordinator
from home.models import member_pages_for


class ProposeAtelierMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user) or member_pages_for(request.user).exists()


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return can_register_people(request.user)


class AgendaAdminGroup(ModelAdminGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 250
    items = [RegistrationAdmin, OccurrenceAdmin]

    def get_submenu_items(self):
        propose = ProposeAtelierMenuItem(_("Proposer un atelier"), reverse("agenda_propose_atelier"), icon_name="plus")
        desk = DeskMenuItem(_("Accompagner une personne"), reverse("agenda_desk"), icon_name="user")
        return [desk, propose, *super().get_submenu_items()]
