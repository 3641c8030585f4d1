"""Registering someone who has no email, from the admin (often with a mediator), for
any session of the collective, and the slip to print for them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from agenda import registration as rules
from agenda.admin.forms import RegisterForSomeoneForm
from agenda.admin.permissions import can_manage_occurrence, can_print_registration, can_register_people
from agenda.admin.views.occurrences import occurrence_page
from agenda.models import Occurrence, Registration, RegistrationStatus
from home.models import EspaceSettings


def register_someone_view(request, occurrence_id):
    """Any member's editor registers someone for any member's atelier (the organiser
    sees who did, in its list); the form sent twice makes one registration."""
    if not can_register_people(request.user):
        raise PermissionDenied
    occurrence = get_object_or_404(Occurrence.objects.select_related("atelier"), pk=occurrence_id)
    form = RegisterForSomeoneForm(request.POST if request.method == "POST" else None, atelier=occurrence.atelier)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = rules.register_someone(
                occurrence,
                request.user,
                data["name"],
                data["people"],
                phone=data["phone"],
                message=data["message"],
                form_key=data["form_key"] or None,
            )
        except rules.RegistrationRefused as refused:
            form.add_error(None, str(refused))
        else:
            if made.status == RegistrationStatus.WAITING:
                messages.warning(
                    request,
                    gettext(
                        "La séance est complète\u00a0: %(name)s est sur la liste d'attente. Si une place se "
                        "libère, elle lui est donnée et vous recevez un courriel pour la prévenir."
                    )
                    % {"name": made.name},
                )
            else:
                messages.success(request, gettext("%(name)s est inscrit·e.") % {"name": made.name})
            return redirect("agenda_admin_registration_print", made.pk)
    return TemplateResponse(
        request,
        "agenda/admin/register_someone.html",
        {"occurrence": occurrence, "form": form, "course": occurrence.position_in_course()},
    )


def registration_print_view(request, registration_id):
    """A plain A4 page in large type to hand to the person: no admin around it."""
    made = get_object_or_404(
        Registration.objects.select_related("occurrence__atelier").prefetch_related("occurrence__atelier__organisers"),
        pk=registration_id,
    )
    if not can_print_registration(request.user, made):
        raise PermissionDenied
    atelier = made.occurrence.atelier
    organiser = can_manage_occurrence(request.user, made.occurrence)
    return TemplateResponse(
        request,
        "agenda/admin/registration_print.html",
        {
            "registration": made,
            "occurrence": made.occurrence,
            "atelier": atelier,
            "contacts": [member for member in atelier.organisers.all() if member.phone],
            "waiting": made.status == RegistrationStatus.WAITING,
            "course": made.occurrence.position_in_course(),
            "espace": EspaceSettings.for_request(request),
            "back_url": occurrence_page(made.occurrence) if organiser else reverse("agenda_desk"),
        },
    )


def cancel_registration_view(request, registration_id):
    """Someone without email calls to cancel: the team does it for them (GET asks, POST
    cancels); the places go to the waiting list as when the person cancels by email."""
    made = get_object_or_404(Registration.objects.select_related("occurrence__atelier"), pk=registration_id)
    if not can_manage_occurrence(request.user, made.occurrence):
        raise PermissionDenied
    if request.method == "POST":
        if rules.cancel(made):
            messages.success(request, gettext("Inscription de %(name)s annulée.") % {"name": made.name})
        return redirect(occurrence_page(made.occurrence))
    return TemplateResponse(request, "agenda/admin/cancel_registration.html", {"registration": made})
