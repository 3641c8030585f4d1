"""One booking in the admin: accept, decline or cancel it with a reason emailed to the
person, print it for them, or book for someone who has no email."""

import contextlib
import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking import emails, rules
from booking.admin.forms import BookForSomeoneForm, ReasonForm
from booking.admin.permissions import ACT_ON_BOOKINGS, BOOK_FOR_SOMEONE, SEE_BOOKINGS
from booking.models import ACTIVE, Booking, Status
from core.forms import small_number


def next_url(request, default):
    """Where to go back after an action: ?next= when it is on this site."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return default


def told_message(booking):
    """How the person learns about the change: by email, or by the team."""
    if booking.email:
        return gettext("Un courriel a été envoyé à %(name)s.") % {"name": booking.name}
    if booking.phone:
        return gettext("Pas d'adresse électronique\u00a0: prévenez %(name)s par téléphone (%(phone)s).") % {
            "name": booking.name,
            "phone": booking.phone,
        }
    return gettext("Ni adresse électronique ni téléphone\u00a0: pensez à prévenir %(name)s.") % {"name": booking.name}


# Accept, decline, cancel -------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    title: str
    intro: str
    button: str
    done: str
    from_statuses: tuple
    reason: str  # "none", "optional" or "required"
    change: Callable  # (booking, reason) -> True when the status changed
    button_class: str = "button"


ACTIONS = {
    "approve": Action(
        title=_("Accepter la réservation"),
        intro=_("La réservation sera confirmée. La personne recevra un courriel avec les instructions d'accès."),
        button=_("Oui, accepter"),
        done=_("Réservation acceptée."),
        from_statuses=(Status.PENDING,),
        reason="none",
        change=lambda booking, reason: rules.approve(booking),
    ),
    "decline": Action(
        title=_("Refuser la réservation"),
        intro=_(
            "La demande sera refusée et le créneau libéré. Le motif est envoyé à la personne\u00a0: restez aimable."
        ),
        button=_("Refuser la demande"),
        done=_("Demande refusée."),
        from_statuses=(Status.PENDING, Status.UNCONFIRMED),
        reason="required",
        change=rules.decline,
        button_class="button no",
    ),
    "cancel": Action(
        title=_("Annuler la réservation"),
        intro=_("La réservation sera annulée et le créneau libéré. La personne recevra un courriel."),
        button=_("Annuler la réservation"),
        done=_("Réservation annulée."),
        from_statuses=tuple(ACTIVE),
        reason="optional",
        change=rules.cancel,
        button_class="button no",
    ),
}


def booking_action_view(request, booking_id, action):
    """Asks for confirmation (and a reason), then changes the status and emails the person."""
    if not request.user.has_perm(ACT_ON_BOOKINGS):
        raise PermissionDenied
    act = ACTIONS[action]
    booking = get_object_or_404(Booking.objects.select_related("room", "series"), pk=booking_id)
    back = next_url(request, reverse("booking_booking_modeladmin_index"))
    possible = booking.status in act.from_statuses
    form = ReasonForm(request.POST if request.method == "POST" else None, mode=act.reason)
    if request.method == "POST":
        if not possible:
            messages.warning(request, not_possible_message(booking))
            return redirect(back)
        if form.is_valid():
            with transaction.atomic():
                changed = act.change(booking, form.cleaned_data.get("reason", ""))
                if changed:
                    emails.send_status(booking)
            if changed:
                messages.success(request, f"{act.done} {told_message(booking)}")
            else:  # changed in between (a double click, a colleague)
                booking.refresh_from_db()
                messages.warning(request, not_possible_message(booking))
            return redirect(back)
    return TemplateResponse(
        request,
        "booking/admin/booking_action.html",
        {"booking": booking, "act": act, "form": form, "possible": possible, "back": back},
    )


def not_possible_message(booking):
    return gettext("Rien n'a changé\u00a0: cette réservation est maintenant «\u00a0%(status)s\u00a0».") % {
        "status": booking.get_status_display()
    }


def booking_print_view(request, booking_id):
    """A plain page to print and hand to the person: no admin around it."""
    if not request.user.has_perm(SEE_BOOKINGS):
        raise PermissionDenied
    booking = get_object_or_404(Booking.objects.select_related("room"), pk=booking_id)
    return TemplateResponse(
        request,
        "booking/admin/booking_print.html",
        {"booking": booking, "room": booking.room, "confirmed": booking.status == Status.CONFIRMED},
    )


# Booking for someone -----------------------------------------------------------------


def initial_from_query(query):
    initial = {}
    if (room := small_number(query.get("salle", ""))) is not None:
        initial["room"] = room
    with contextlib.suppress(ValueError):
        initial["date"] = datetime.date.fromisoformat(query.get("date", ""))
    return initial


def book_for_someone_view(request):
    if not request.user.has_perm(BOOK_FOR_SOMEONE):
        raise PermissionDenied
    form = BookForSomeoneForm(
        request.POST if request.method == "POST" else None, initial=initial_from_query(request.GET)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                booking = rules.book(
                    data["room"],
                    data["start_at"],
                    data["end_at"],
                    status=Status.CONFIRMED,
                    booked_by=request.user,
                    **form.person(),
                )
                emails.send_status(booking)
        except rules.SlotTaken:
            form.add_error(
                None,
                gettext(
                    "Ce créneau est déjà pris (une autre réservation ou un atelier). "
                    "Choisissez une autre heure ou une autre salle\u00a0: le planning montre ce qui est libre."
                ),
            )
        else:
            messages.success(request, gettext("Réservation confirmée.") + " " + told_message(booking))
            return redirect("booking_admin_print", booking.pk)
    return TemplateResponse(request, "booking/admin/book_for_someone.html", {"form": form})
