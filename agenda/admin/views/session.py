"""One session's people, for its organisers: the list with a phone for those without
email and the attendance of everyone in one form, and the attendance sheet to print
(« feuille d'émargement ») that funders ask for. The attendance entered here is what
the activity report counts as present."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext

from agenda.admin.forms import AttendanceForm
from agenda.admin.views.occurrences import managed_occurrence
from agenda.models import Registration, RegistrationStatus

# Lines left empty on the sheet, for people who come without registering.
BLANK_LINES = 5


def active_registrations(occurrence):
    return (
        occurrence.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("registered_by")
        .order_by("status", "name", "pk")
    )


def save_attendance(occurrence, attendance):
    """{registration pk: True / False / None} in one UPDATE per answer, only for this
    session's registrations (a forged pk of another session changes nothing)."""
    with transaction.atomic():
        for value in (True, False, None):
            chosen = [pk for pk, answer in attendance.items() if answer is value]
            Registration.objects.filter(occurrence=occurrence, pk__in=chosen).update(attended=value)


def session_registrations_view(request, occurrence_id):
    occurrence = managed_occurrence(request, occurrence_id)
    registrations = list(active_registrations(occurrence))
    form = AttendanceForm(request.POST or None, registrations=registrations)
    if request.method == "POST" and form.is_valid():
        save_attendance(occurrence, form.attendance())
        present = sum(r.people for r in registrations if form.attendance().get(r.pk))
        messages.success(
            request,
            ngettext(
                "Présences enregistrées\u00a0: %(count)s personne présente.",
                "Présences enregistrées\u00a0: %(count)s personnes présentes.",
                present,
            )
            % {"count": present},
        )
        return redirect("agenda_session_registrations", occurrence.pk)
    return TemplateResponse(
        request,
        "agenda/admin/session_registrations.html",
        {"occurrence": occurrence, "rows": list(zip(registrations, form.rows(), strict=True)), "form": form},
    )


def attendance_sheet_view(request, occurrence_id):
    occurrence = managed_occurrence(request, occurrence_id)
    holding = [r for r in active_registrations(occurrence) if r.holds_places]
    return TemplateResponse(
        request,
        "agenda/admin/attendance_sheet.html",
        {
            "occurrence": occurrence,
            "atelier": occurrence.atelier,
            "organisers": occurrence.atelier.organisers.all(),
            "registrations": sorted(holding, key=lambda r: r.name.casefold()),
            "blank_lines": range(BLANK_LINES),
            "title": gettext("Feuille d'émargement"),
        },
    )
