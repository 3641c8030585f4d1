"""« Appels de la veille »: the call list of a day (tomorrow unless asked), one page
for the screen and for paper, and the outcome of each call."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from agenda import calls
from agenda.admin.forms import CallDayForm, CallOutcomeForm
from agenda.admin.permissions import can_register_people, registrations_visible_to
from agenda.models import Registration


def callable_registrations(user):
    """Those of the user's ateliers (all for Coordination), and those the user registered
    for other members' ateliers: a mediator calls the people they registered."""
    visible = registrations_visible_to(user, Registration.objects.all())
    return Registration.objects.filter(Q(pk__in=visible.values("pk")) | Q(registered_by=user))


def calls_view(request):
    if not can_register_people(request.user):
        raise PermissionDenied
    form = CallDayForm(request.GET or None)
    day = form.cleaned_data.get("day") if form.is_valid() else None
    day = day or calls.tomorrow()
    people = list(calls.people_to_call(day, callable_registrations(request.user)))
    sessions = {}
    for registration in people:
        sessions.setdefault(registration.occurrence, []).append((registration, CallOutcomeForm(registration)))
    return TemplateResponse(
        request,
        "agenda/admin/calls.html",
        {"form": form, "day": day, "sessions": sessions.items(), "title": gettext("Appels de la veille")},
    )


def record_call_view(request, registration_id):
    if request.method != "POST":
        return redirect("agenda_calls")
    made = get_object_or_404(callable_registrations(request.user).select_related("occurrence"), pk=registration_id)
    form = CallOutcomeForm(made, request.POST)
    if form.is_valid():
        calls.record_call(made, form.cleaned_data["outcome"])
        messages.success(request, gettext("Appel de %(name)s noté.") % {"name": made.name})
    else:
        messages.error(request, gettext("Choisissez ce qu'a donné l'appel de %(name)s.") % {"name": made.name})
    day = calls.day_of(made.occurrence)
    return redirect(f"{reverse('agenda_calls')}?{urlencode({'day': day.isoformat()})}#appel-{made.pk}")
