"""The emails of a booking: one at each change of status, each with the booking's
details, an .ics file and a signed link to a page where the person can cancel
(opening the link changes nothing: mail scanners open links). Queued for the
worker (core.mail): call these inside the transaction that changes the booking."""

from django.utils import timezone
from django.utils.translation import gettext

from booking import rules
from booking.models import Status
from core import calendar, mail
from core.emails import Button, compose
from core.site import absolute_reverse


def manage_url(booking):
    return absolute_reverse("booking_manage", rules.make_token(booking))


def booking_calendar(booking):
    cancelled = booking.status in (Status.CANCELLED, Status.DECLINED, Status.EXPIRED)
    confirmed = booking.status == Status.CONFIRMED
    cal = calendar.new_calendar("Réservations", method="CANCEL" if cancelled else "PUBLISH")
    cal.add_component(
        calendar.new_event(
            f"reservation-{booking.pk}",
            gettext("Réservation\u00a0: %(room)s") % {"room": booking.room.name},
            booking.purpose,
            booking.start,
            booking.end,
            stamp=timezone.now(),
            location=booking.room.name,
            status="CANCELLED" if cancelled else "CONFIRMED" if confirmed else "TENTATIVE",
            sequence=booking.sequence,
            with_organizer=True,
        )
    )
    return cal


SUBJECTS = {
    Status.UNCONFIRMED: "Confirmez votre demande de réservation",
    Status.PENDING: "Demande de réservation reçue\u00a0: en attente de validation",
    Status.CONFIRMED: "Réservation confirmée",
    Status.DECLINED: "Réservation refusée",
    Status.CANCELLED: "Réservation annulée",
    Status.EXPIRED: "Demande de réservation expirée",
}


# A calendar file only for what is, or was, in the person's calendar: never for a mere request.
WITH_CALENDAR = {Status.CONFIRMED, Status.CANCELLED}


def subject(booking):
    """What to do, and before when, where the mail asks for an action (its subject and first line)."""
    if booking.status == Status.UNCONFIRMED:
        before = mail.deadline(booking.created_at + rules.UNCONFIRMED_VALIDITY)
        return gettext("Confirmez votre demande de réservation avant le %(deadline)s") % {"deadline": before}
    return gettext(SUBJECTS[booking.status])


def send_status(booking):
    """The email telling the person the booking's current status."""
    if not booking.email:  # booked on behalf of someone without email: the mediator prints it
        return
    with_calendar = booking.status in WITH_CALENDAR
    context = {
        "booking": booking,
        "room": booking.room,
        "action": subject(booking),
        "manage_url": manage_url(booking),
        "mine_url": absolute_reverse("booking_mine_request"),
        "hold_hours": rules.hold_hours(),
        "with_calendar": with_calendar,
    }
    # The one mail that asks for an action: its button has the words of the page's button.
    button = (
        Button(context["manage_url"], gettext("Confirmer ma demande")) if booking.status == Status.UNCONFIRMED else None
    )
    message = compose(
        f"{context['action']} — {booking.room.name}",
        f"booking/emails/{booking.status}.txt",
        context,
        [booking.email],
        button=button,
    )
    if with_calendar:
        calendar.attach(message, "reservation.ics", booking_calendar(booking))
    mail.queue(message)


def send_my_bookings_link(email):
    url = absolute_reverse("booking_mine", rules.make_email_token(email))
    # The page it opens has no button: the big button carries the page's title.
    button = Button(url, gettext("Mes réservations et inscriptions"))
    message = compose(
        gettext("Vos réservations et inscriptions"), "booking/emails/my_bookings.txt", {"url": url}, [email], button
    )
    mail.queue(message)


SERIES_SUBJECTS = {
    "cancelled": "Série de réservations annulée",
    "confirmed": "Série de réservations confirmée",
}


def send_series_summary(series, bookings, kind, reason=""):
    """One email listing the dates of a series that changed together (not one per
    date), to each address given for them (usually one)."""
    by_email = {}
    for booking in bookings:
        if booking.email:
            by_email.setdefault(booking.email, []).append(booking)
    for email, items in by_email.items():
        context = {"series": series, "bookings": items, "name": items[0].name, "kind": kind, "reason": reason}
        subject = f"{gettext(SERIES_SUBJECTS[kind])} — {series.room.name}"
        message = compose(subject, "booking/emails/series.txt", context, [email])
        mail.queue(message)
