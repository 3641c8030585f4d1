"""The emails sent to people who register, queued for the worker (core.mail). Each carries a signed link to a page
where they confirm, claim a place or cancel, with a button: opening a link
changes nothing (mail scanners open links)."""

from django.utils.translation import gettext, gettext_lazy

from agenda import calendar
from core import mail
from core.calendar import attach
from core.emails import Button, compose
from core.site import absolute_reverse

# The mails that ask for an action, and the words of the button that does it on the registration's page.
BUTTONS = {"confirm": gettext_lazy("Confirmer mon adresse"), "offer": gettext_lazy("Je prends la place")}


def manage_url(registration):
    return absolute_reverse("agenda_registration", registration.make_token())


def build(registration, template, subject, manage=None, **extra):
    """One email to the person, in text and large print, with the session's details and their
    registration's link (`manage` stands in for the link where there is none yet: the admin's preview)."""
    occurrence = registration.occurrence
    context = {
        "registration": registration,
        "occurrence": occurrence,
        "atelier": occurrence.atelier,
        "manage_url": manage or manage_url(registration),
        "calendar_url": absolute_reverse("agenda_session_ics", occurrence.pk),
        "mine_url": absolute_reverse("booking_mine_request"),
        **extra,
    }
    button = Button(context["manage_url"], str(BUTTONS[template])) if template in BUTTONS else None
    to = [registration.email] if registration.email else []
    return compose(subject, f"agenda/emails/{template}.txt", context, to, button=button)


def send(registration, template, subject, with_calendar=False, cancelled=False, **extra):
    """Queues one email to the person; none for someone registered by the team without email.
    `with_calendar` attaches the session (`cancelled`: its removal from their calendar)."""
    if not registration.email:
        return
    message = build(registration, template, f"{subject} — {registration.occurrence.atelier.title}", **extra)
    if with_calendar:
        attach(message, "atelier.ics", calendar.mailed_calendar(registration, cancelled))
    mail.queue(message)


def send_session_message(session_message, registration):
    """An organiser's message to one person registered (one email each: nobody sees the others)."""
    if registration.email:
        message = build(registration, "session_message", session_message.subject, session_message=session_message)
        writer = session_message.sent_by
        mail.queue(message, report_to=writer.email if writer else "")


def confirm_action(registration):
    """The mail's subject and first line: what to do, and before when (a person who reads only
    that much keeps the place)."""
    before = mail.deadline(registration.confirm_before)
    return gettext("Confirmez votre inscription avant le %(deadline)s") % {"deadline": before}


def send_confirmation_request(registration):
    action = confirm_action(registration)
    send(registration, "confirm", action, action=action)


def send_registered(registration):
    send(registration, "registered", gettext("Votre place est réservée"), with_calendar=True)


def send_offer(registration):
    before = mail.deadline(registration.offer_expires_at)
    action = gettext("Une place est libre pour vous\u00a0: prenez-la avant le %(deadline)s") % {"deadline": before}
    send(registration, "offer", action, action=action)


def send_cancellation(registration, had_place=False):
    """`had_place`: they were sent the session for their calendar, which this takes back."""
    send(registration, "cancelled", gettext("Inscription annulée"), with_calendar=had_place, cancelled=True)


def send_reminder(registration):
    send(registration, "reminder", gettext("Rappel\u00a0: votre atelier approche"), with_calendar=True)


def send_occurrence_cancelled(registration):
    send(registration, "occurrence_cancelled", gettext("Séance annulée"), with_calendar=True)


def send_place_to_call(registration):
    """To the team member who put someone without email on the waiting list: a place is
    now theirs, call them (their phone is in the email: it goes to the team only)."""
    team = registration.registered_by
    if team is None or not team.email:
        return
    message = build(
        registration,
        "place_to_call",
        gettext("Une place s'est libérée\u00a0: appelez %(name)s") % {"name": registration.name},
    )
    message.to = [team.email]
    mail.queue(message)
