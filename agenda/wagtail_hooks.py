"""Registers the agenda in Wagtail: the category snippets, the « Agenda » menu of the
admin and its pages (`agenda/admin/`), what the groups may do, and the member's next
sessions on its dashboard."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from agenda.admin import urls
from agenda.admin.menu import AgendaAdminGroup
from agenda.admin.panels import DeskPanel
from agenda.admin.permissions import can_register_people
from agenda.admin.snippets import CategoryViewSet
from agenda.models import AgendaIndexPage, AtelierPage, Occurrence
from agenda.templatetags.agenda_tags import spoken_time
from core.groups import grant, let_members_add_under, review_under

register_snippet(CategoryViewSet)
modeladmin_register(AgendaAdminGroup)


@hooks.register("register_admin_urls")
def agenda_admin_urls():
    return urls.urlpatterns


@hooks.register("construct_homepage_panels")
def add_desk_panel(request, panels):
    if can_register_people(request.user):
        panels.insert(0, DeskPanel())


@hooks.register("after_create_page")
def land_on_the_new_atelier(request, page):
    # Wagtail goes back to the agenda's list of pages after « Soumettre », where the
    # member lost sight of the atelier just proposed: its own page instead.
    if isinstance(page.specific, AtelierPage):
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("espace_setup_member_group")
def let_members_propose_ateliers(group, member_page):
    """Members propose ateliers in the agenda (reviewed by Coordination through the
    workflow) and see the registrations of their own ateliers."""
    grant(group, "agenda", ["view_registration", "change_registration", "view_occurrence"])
    let_members_add_under(group, AgendaIndexPage.objects.first())


@hooks.register("espace_setup_coordination_group")
def let_coordination_manage_the_agenda(group, workflow):
    grant(
        group,
        "agenda",
        ["view_registration", "change_registration", "delete_registration", "view_occurrence", "change_occurrence"]
        + [f"{action}_category" for action in ("add", "change", "delete", "view")],
    )
    review_under(AgendaIndexPage.objects.first(), workflow)


@hooks.register("espace_my_space_sections")
def my_upcoming_sessions(request, member_pages):
    """The member's next sessions on its dashboard, with their registrations."""
    sessions = (
        Occurrence.objects.filter(atelier__organisers__in=member_pages, end__gte=timezone.now(), cancelled=False)
        .select_related("atelier")
        .distinct()
        .order_by("start")[:8]
    )
    items = [
        (gettext("Accompagner une personne (l'inscrire à un atelier du collectif)"), reverse("agenda_desk")),
        (gettext("Appels de la veille (les personnes sans adresse électronique)"), reverse("agenda_calls")),
        (gettext("Proposer un atelier"), reverse("agenda_propose_atelier")),
    ]
    items += [(session_card_text(occurrence), None, session_actions(occurrence)) for occurrence in sessions]
    return (gettext("Mes ateliers et leurs inscriptions"), items)


def session_card_text(occurrence):
    """« mar. 22 déc. 14 h — Atelier tablette — 2/6 inscrits »."""
    start = timezone.localtime(occurrence.start)
    places = occurrence.atelier.places
    count = f"{occurrence.places_taken}/{places}" if places is not None else str(occurrence.places_taken)
    return gettext("%(date)s — %(atelier)s — %(count)s inscrits") % {
        "date": f"{date_format(start, 'D j M')} {spoken_time(start)}",
        "atelier": occurrence.atelier.title,
        "count": count,
    }


def session_actions(occurrence):
    return [
        (gettext("Voir les inscrits"), reverse("agenda_session_registrations", args=[occurrence.pk])),
        (gettext("Écrire aux participants"), reverse("agenda_message_participants", args=[occurrence.pk])),
        (gettext("Inscrire quelqu'un"), reverse("agenda_register_someone", args=[occurrence.pk])),
        (gettext("Liste d'émargement"), reverse("agenda_attendance_sheet", args=[occurrence.pk])),
    ]
