from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from agenda import registration
from agenda.admin_access import can_manage_occurrence, registrations_visible_to
from agenda.models import AgendaIndexPage, Category, Occurrence, Registration
from core.admin_lists import GuardedIndexView, yes_no, yes_no_column
from core.exports import FrenchExportIndexView
from core.groups import is_coordinator, let_members_add_under, review_under
from home.models import member_pages_for


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Catégories d'ateliers")
    add_to_admin_menu = False


register_snippet(CategoryViewSet)


class OwnRegistrationsPermissionHelper(PermissionHelper):
    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._visible(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._visible(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._visible(user, obj)

    def user_can_create(self, user):
        return False  # people register themselves, through the public form

    def _visible(self, user, obj):
        return registrations_visible_to(user, Registration.objects.filter(pk=obj.pk)).exists()


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


class ProposeAtelierMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user) or member_pages_for(request.user).exists()


class AgendaAdminGroup(ModelAdminGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 250
    items = [RegistrationAdmin, OccurrenceAdmin]

    def get_submenu_items(self):
        propose = ProposeAtelierMenuItem(_("Proposer un atelier"), reverse("agenda_propose_atelier"), icon_name="plus")
        return [propose, *super().get_submenu_items()]


modeladmin_register(AgendaAdminGroup)


def cancel_occurrence_view(request, occurrence_id):
    """Asks for confirmation, then cancels the session and emails the people registered."""
    occurrence = get_object_or_404(Occurrence.objects.select_related("atelier"), pk=occurrence_id)
    if not can_manage_occurrence(request.user, occurrence):
        raise PermissionDenied
    if request.method == "POST":
        count = registration.cancel_occurrence(occurrence)
        messages.success(
            request,
            gettext("Séance annulée. %(count)s personne(s) inscrite(s) prévenue(s) par courriel.") % {"count": count},
        )
        return redirect("agenda_occurrence_modeladmin_index")
    return TemplateResponse(
        request,
        "agenda/admin/cancel_occurrence.html",
        {"occurrence": occurrence, "registrations": occurrence.registrations.exclude(status="cancelled").count()},
    )


def propose_atelier_view(request):
    """« Proposer un atelier »: the atelier form, in the agenda, one click from the
    dashboard and the menu (a member's new atelier already names it as organiser)."""
    index = AgendaIndexPage.objects.first()
    if index is None:
        raise Http404
    return redirect("wagtailadmin_pages:add", "agenda", "atelierpage", index.pk)


@hooks.register("register_admin_urls")
def agenda_admin_urls():
    return [
        path("agenda/seances/<int:occurrence_id>/annuler/", cancel_occurrence_view, name="agenda_cancel_occurrence"),
        path("agenda/proposer/", propose_atelier_view, name="agenda_propose_atelier"),
    ]


@hooks.register("espace_setup_member_group")
def let_members_propose_ateliers(group, member_page):
    """Members propose ateliers in the agenda (reviewed by Coordination through the
    workflow) and see the registrations of their own ateliers."""
    grant_models(group, ["view_registration", "change_registration", "view_occurrence"])
    let_members_add_under(group, AgendaIndexPage.objects.first())


@hooks.register("espace_setup_coordination_group")
def let_coordination_manage_the_agenda(group, workflow):
    grant_models(
        group,
        ["view_registration", "change_registration", "delete_registration", "view_occurrence", "change_occurrence"]
        + [f"{action}_category" for action in ("add", "change", "delete", "view")],
    )
    review_under(AgendaIndexPage.objects.first(), workflow)


def grant_models(group, codenames):
    group.permissions.add(*Permission.objects.filter(content_type__app_label="agenda", codename__in=codenames))


@hooks.register("espace_my_space_sections")
def my_upcoming_sessions(request, member_pages):
    """The member's next sessions on its dashboard, with their registrations."""
    sessions = (
        Occurrence.objects.filter(atelier__organisers__in=member_pages, end__gte=timezone.now(), cancelled=False)
        .select_related("atelier")
        .distinct()
        .order_by("start")[:8]
    )
    index_url = reverse("agenda_registration_modeladmin_index")
    items = [(gettext("Proposer un atelier"), reverse("agenda_propose_atelier"))]
    items += [
        (
            gettext("%(occurrence)s — %(count)s place(s) prise(s)")
            % {"occurrence": occurrence, "count": occurrence.places_taken},
            f"{index_url}?occurrence__id__exact={occurrence.pk}",
        )
        for occurrence in sessions
    ]
    return (gettext("Mes ateliers et leurs inscriptions"), items)
