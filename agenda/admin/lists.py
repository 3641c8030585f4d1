"""The agenda's lists (wagtail-modeladmin): the registrations, and the sessions to come."""

from django.db.models import BooleanField
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import InspectView

from agenda.admin.permissions import (
    OwnRegistrationsPermissionHelper,
    can_manage_occurrence,
    registrations_visible_to,
)
from agenda.models import Occurrence, Registration, RegistrationStatus
from core.admin_lists import GuardedIndexView, yes_no, yes_no_column
from core.exports import FrenchExportIndexView


class RegistrationAdmin(ModelAdmin):
    model = Registration
    menu_label = _("Inscriptions")
    menu_icon = "group"
    attended_column = yes_no_column("attended", _("présent·e"))
    list_display = [
        "name", "people", "status", "contact", "email_confirmed", "registered_by_label", "occurrence", attended_column,
    ]  # fmt: skip
    list_filter = ["status", "attended"]
    search_fields = ["name", "email", "occurrence__atelier__title"]
    list_export = [
        "occurrence", "name", "email", "people", "get_status_display", "email_confirmed_at", "attended", "message",
        "phone",
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
            FieldPanel("phone", read_only=True),
            FieldPanel("people", read_only=True),
            FieldPanel("message", read_only=True),
        ]
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("occurrence__atelier", "registered_by")
        return registrations_visible_to(request.user, queryset)

    @staticmethod
    def email_confirmed(obj):
        if not obj.email:
            return gettext("sans adresse")
        return yes_no(obj.email_confirmed_at is not None)

    @staticmethod
    def contact(obj):
        """The phone of people without email: the only way to reach them."""
        return obj.email or obj.phone or "—"

    @staticmethod
    def registered_by_label(obj):
        """« inscrit·e par Anne » for people the team registered; empty for the public form."""
        if obj.prescriber:
            return gettext("par %(name)s (personne relais, %(email)s)") % {"name": obj.prescriber, "email": obj.email}
        if obj.registered_by is None:
            return "" if obj.email else "—"
        by = obj.registered_by.get_full_name() or obj.registered_by.get_username()
        return gettext("inscrit·e par %(user)s") % {"user": by}


RegistrationAdmin.email_confirmed.short_description = _("adresse confirmée")
RegistrationAdmin.contact.short_description = _("adresse ou téléphone")
RegistrationAdmin.registered_by_label.short_description = _("inscription")


class OccurrenceButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not can_manage_occurrence(self.request.user, obj):
            return buttons
        small = "button button-small button-secondary"
        buttons.append(
            {
                "url": reverse("agenda_message_participants", args=[obj.pk]),
                "label": gettext("Écrire aux participants"),
                "classname": small,
                "title": gettext("Écrire aux personnes inscrites à la séance %(occurrence)s") % {"occurrence": obj},
            }
        )
        if not obj.cancelled and obj.end > timezone.now():
            buttons.append(
                {
                    "url": reverse("agenda_register_someone", args=[obj.pk]),
                    "label": gettext("Inscrire quelqu'un"),
                    "classname": small,
                    "title": gettext("Inscrire à la séance %(occurrence)s une personne sans adresse électronique")
                    % {"occurrence": obj},
                }
            )
            buttons.append(
                {
                    "url": reverse("agenda_cancel_occurrence", args=[obj.pk]),
                    "label": gettext("Annuler la séance"),
                    "classname": small,
                    "title": gettext("Annuler la séance %(occurrence)s et prévenir les inscrits") % {"occurrence": obj},
                }
            )
        return buttons


class OccurrencePermissionHelper(PermissionHelper):
    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and can_manage_occurrence(user, obj)


class OccurrenceInspectView(InspectView):
    """The session with the messages sent to its people (« Messages envoyés »)."""

    def get_field_display_value(self, field_name, field=None):
        if isinstance(field, BooleanField):  # « annulée : non », not « False »
            return yes_no(getattr(self.instance, field_name))
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        registrations = self.instance.registrations.exclude(status=RegistrationStatus.CANCELLED)
        return super().get_context_data(
            session_messages=self.instance.messages.select_related("sent_by"),
            registrations=registrations.select_related("registered_by"),
            registrations_url=reverse("agenda_registration_modeladmin_index")
            + f"?occurrence__id__exact={self.instance.pk}",
            **kwargs,
        )


class OccurrenceAdmin(ModelAdmin):
    model = Occurrence
    menu_label = _("Séances")
    menu_icon = "date"
    list_display = ["atelier", "start", "places_taken", yes_no_column("cancelled", _("annulée"))]
    list_filter = ["cancelled"]
    search_fields = ["atelier__title"]
    button_helper_class = OccurrenceButtonHelper
    permission_helper_class = OccurrencePermissionHelper
    index_view_class = GuardedIndexView
    inspect_view_enabled = True
    inspect_view_class = OccurrenceInspectView
    inspect_view_fields = ["atelier", "start", "end", "places_taken", "cancelled"]
    inspect_template_name = "agenda/admin/occurrence_inspect.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("atelier").filter(end__gte=timezone.now())
