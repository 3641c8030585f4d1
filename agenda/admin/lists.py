"""The agenda's lists (wagtail-modeladmin): the registrations, and the sessions to come."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin

from agenda.admin.permissions import (
    OwnRegistrationsPermissionHelper,
    can_manage_occurrence,
    registrations_visible_to,
)
from agenda.models import Occurrence, Registration
from core.admin_lists import GuardedIndexView, yes_no, yes_no_column
from core.exports import FrenchExportIndexView


class RegistrationAdmin(ModelAdmin):
    model = Registration
    menu_label = _("Inscriptions")
    menu_icon = "group"
    attended_column = yes_no_column("attended", _("présent·e"))
    list_display = ["name", "people", "status", "email_confirmed", "occurrence", attended_column]
    list_filter = ["status", "attended"]
    search_fields = ["name", "email", "occurrence__atelier__title"]
    list_export = [
        "occurrence", "name", "email", "people", "get_status_display", "email_confirmed_at", "attended", "message",
    ]  # fmt: skip
    export_headings = {"occurrence": _("Séance"), "get_status_display": _("Statut")}
    export_filename = "inscriptions"
    index_view_class = FrenchExportIndexView
    address_lookups = ["occurrence__id__exact"]  # « Mon espace » links to one session's registrations
    inspect_view_enabled = True
    permission_helper_class = OwnRegistrationsPermissionHelper
    # Organisers only mark attendance; the rest is the person's own data.
    edit_handler = ObjectList(
        [
            FieldPanel("attended"),
            FieldPanel("name", read_only=True),
            FieldPanel("people", read_only=True),
            FieldPanel("message", read_only=True),
        ]
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("occurrence__atelier")
        return registrations_visible_to(request.user, queryset)

    @staticmethod
    def email_confirmed(obj):
        return yes_no(obj.email_confirmed_at is not None)


RegistrationAdmin.email_confirmed.short_description = _("adresse confirmée")


class OccurrenceButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not obj.cancelled and obj.end > timezone.now() and can_manage_occurrence(self.request.user, obj):
            buttons.append(
                {
                    "url": reverse("agenda_cancel_occurrence", args=[obj.pk]),
                    "label": gettext("Annuler la séance"),
                    "classname": "button button-small button-secondary",
                    "title": gettext("Annuler la séance %(occurrence)s et prévenir les inscrits") % {"occurrence": obj},
                }
            )
        return buttons


class OccurrenceAdmin(ModelAdmin):
    model = Occurrence
    menu_label = _("Séances")
    menu_icon = "date"
    list_display = ["atelier", "start", "places_taken", yes_no_column("cancelled", _("annulée"))]
    list_filter = ["cancelled"]
    search_fields = ["atelier__title"]
    button_helper_class = OccurrenceButtonHelper
    index_view_class = GuardedIndexView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("atelier").filter(end__gte=timezone.now())
