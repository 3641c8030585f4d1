"""Sessions in the admin: cancelling one, proposing an atelier."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from agenda import registration
from agenda.admin.permissions import can_manage_occurrence
from agenda.models import AgendaIndexPage, Occurrence


def managed_occurrence(request, occurrence_id):
    """The session, when the user organises its atelier or is Coordination (else 403)."""
    occurrence = get_object_or_404(Occurrence.objects.select_related("atelier"), pk=occurrence_id)
    if not can_manage_occurrence(request.user, occurrence):
        raise PermissionDenied
    return occurrence


def occurrence_page(occurrence):
    """The session's page in the admin, with its messages and registrations."""
    return reverse("agenda_occurrence_modeladmin_inspect", args=[occurrence.pk])


def cancel_occurrence_view(request, occurrence_id):
    """Asks for confirmation, then cancels the session and emails the people registered."""
    occurrence = managed_occurrence(request, occurrence_id)
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
