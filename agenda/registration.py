"""The rules of registration: places, waiting list, offers of freed places.

Places are taken by a conditional UPDATE (Occurrence.take_places), never by
counting then inserting, so that concurrent requests cannot oversell.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from agenda import emails
from agenda.models.occurrences import UNCONFIRMED_VALIDITY, Occurrence, Registration, RegistrationStatus
from core.forms import filling_key

OFFER_VALIDITY = datetime.timedelta(hours=24)


class RegistrationRefused(Exception):
    """Why a registration cannot be made, in French, for the person."""


def check_can_register(occurrence, people, now=None):
    atelier = occurrence.atelier
    now = now or timezone.now()
    if not atelier.registration_required:
        raise RegistrationRefused(gettext("Cet atelier est sans inscription\u00a0: venez directement."))
    if occurrence.is_cancelled:
        raise RegistrationRefused(gettext("Cette séance est annulée."))
    if occurrence.start <= now:
        raise RegistrationRefused(gettext("Cette séance est passée."))
    if now >= occurrence.registration_deadline:
        raise RegistrationRefused(gettext("Les inscriptions pour cette séance sont closes."))
    if people > atelier.max_people_per_registration:
        raise RegistrationRefused(
            gettext("Une inscription compte au plus %(count)s personnes.")
            % {"count": atelier.max_people_per_registration}
        )
    if atelier.places is not None and people > atelier.places:
        raise RegistrationRefused(gettext("Cette séance n'a que %(count)s places en tout.") % {"count": atelier.places})


def register(
    occurrence, name, email, people, message="", now=None, form_key=None, phone="", registered_by=None, prescriber=""
):
    """Registers, or puts on the waiting list when full; refuses with RegistrationRefused.
    The same form sent again (same `form_key` and details) returns the registration it
    made. The team registers people without email (`registered_by`): the same places, no
    emails. A `prescriber` registers someone else with their own email: the person is called."""
    form_key = filling_key(form_key, name, email, people, message, phone)
    if form_key and (made := Registration.objects.filter(form_key=form_key, occurrence=occurrence).first()):
        return made
    check_can_register(occurrence, people, now)
    try:
        with transaction.atomic():
            if occurrence.take_places(people):
                status = RegistrationStatus.REGISTERED
            elif occurrence.atelier.waiting_list:
                status = RegistrationStatus.WAITING
            else:
                raise RegistrationRefused(gettext("Cette séance est complète."))
            registration = Registration.objects.create(
                occurrence=occurrence,
                name=name,
                email=email,
                phone=phone,
                people=people,
                message=message,
                status=status,
                form_key=form_key,
                registered_by=registered_by,
                prescriber=prescriber,
                call_me=bool(prescriber),
            )
            emails.send_confirmation_request(registration)
    except IntegrityError:
        if form_key:  # sent twice at the same moment: the other request made it, places included
            return Registration.objects.get(form_key=form_key)
        raise
    return registration


def register_someone(occurrence, member, name, people, phone="", message="", form_key=None, now=None):
    """A member of the team (often a mediator) registers someone who has no email: the
    same places and waiting list as the public form, and, like it, once per filling of
    the form (`form_key`): a double click makes one registration."""
    return register(
        occurrence, name, "", people, message=message, now=now, form_key=form_key, phone=phone, registered_by=member
    )


def confirm_email(registration, now=None):
    """Confirms the address once: True for the request that confirmed it (a second press
    changes nothing). Someone waiting who confirms late is offered a place freed meanwhile."""
    confirmed = (
        Registration.objects.filter(pk=registration.pk, email_confirmed_at__isnull=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .update(email_confirmed_at=now or timezone.now())
    )
    registration.refresh_from_db(fields=["email_confirmed_at", "status"])
    if confirmed and registration.status == RegistrationStatus.WAITING:
        offer_freed_places(registration.occurrence, now)
        registration.refresh_from_db(fields=["status", "offer_expires_at"])
    return bool(confirmed)


def confirm_and_tell(registration, now=None):
    """« Confirmer » in the email: confirms the address and, for a place already held,
    sends « Votre place est réservée » once, however many times the button is pressed."""
    with transaction.atomic():
        confirmed = confirm_email(registration, now)
        if confirmed and registration.status == RegistrationStatus.REGISTERED:
            emails.send_registered(registration)
    return confirmed


def cancel(registration, now=None, notify=True):
    """Cancels and frees the places, which go to the waiting list. False when it
    was already cancelled (a replayed link, or two presses at once, change nothing)."""
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status == RegistrationStatus.CANCELLED:
            return False
        held = locked.holds_places
        had_place = locked.status == RegistrationStatus.REGISTERED
        # Conditional on the status read: of two cancellations at once, one frees the places.
        if not change_status(locked, locked.status, RegistrationStatus.CANCELLED, cancelled_at=now or timezone.now()):
            return False
        if held:
            locked.occurrence.release_places(locked.people)
        registration.refresh_from_db()
        if notify:
            emails.send_cancellation(registration, had_place)
    if held:
        offer_freed_places(registration.occurrence, now)
    return True


def change_status(registration, seen, status, **fields):
    """One conditional UPDATE: the registration moves from `seen` to `status` only if no
    one changed it since it was read. True for the request that moved it."""
    return Registration.objects.filter(pk=registration.pk, status=seen).update(status=status, **fields) == 1


def offer_freed_places(occurrence, now=None):
    """Offers the free places to the waiting list, first come first served, each
    offer valid for OFFER_VALIDITY. Someone the team put on the list without an email
    cannot claim an offer: the place is theirs at once, and the team member who
    registered them is emailed to call them.

    Safe when several run at once (cancellations at the same moment): each person's
    move and the places it takes are conditional UPDATEs in one savepoint, so a person
    read as waiting by two of them is offered once, and no place is taken for nobody."""
    now = now or timezone.now()
    if not occurrence.registration_open(now):
        return []
    offered = []
    waiting = occurrence.registrations.filter(
        Q(email_confirmed_at__isnull=False) | Q(email=""), status=RegistrationStatus.WAITING
    )
    for registration in waiting.order_by("created_at", "pk"):
        with transaction.atomic():
            if registration.email:
                moved = change_status(
                    registration,
                    RegistrationStatus.WAITING,
                    RegistrationStatus.OFFERED,
                    offer_expires_at=now + OFFER_VALIDITY,
                )
            else:
                moved = change_status(registration, RegistrationStatus.WAITING, RegistrationStatus.REGISTERED)
            if not moved:  # offered by another request since the list was read
                continue
            if not occurrence.take_places(registration.people):
                # The first in line needs more places than are free: keep the order.
                transaction.set_rollback(True)
                break
            registration.refresh_from_db(fields=["status", "offer_expires_at"])
            if registration.email:
                emails.send_offer(registration)
            else:
                emails.send_place_to_call(registration)
        offered.append(registration)
    return offered


def offer_all_freed_places(now=None):
    """Housekeeping: the free places of every open session go to its confirmed people
    waiting (a place may have been freed while no one could take it). Returns how many
    were offered."""
    now = now or timezone.now()
    sessions = Occurrence.objects.filter(
        cancelled=False,
        start__gt=now,
        registrations__status=RegistrationStatus.WAITING,
    ).distinct()
    return sum(len(offer_freed_places(occurrence, now)) for occurrence in sessions.select_related("atelier"))


def claim_offer(registration, now=None):
    """« Je prends la place »: True for the press that took it (one mail); False when the
    place was already taken by this person (a second press); refused when gone."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = (
            Registration.objects.filter(
                pk=registration.pk, status=RegistrationStatus.OFFERED, offer_expires_at__gte=now
            ).update(status=RegistrationStatus.REGISTERED, offer_expires_at=None)
            == 1
        )
        registration.refresh_from_db(fields=["status", "offer_expires_at"])
        if claimed:
            emails.send_registered(registration)
            return True
    if registration.status == RegistrationStatus.REGISTERED:
        return False
    if registration.status == RegistrationStatus.OFFERED:
        raise RegistrationRefused(gettext("Le délai pour accepter cette place est passé."))
    raise RegistrationRefused(gettext("Cette place n'est plus proposée."))


def expire(now=None):
    """Daily housekeeping: offers not taken in time and registrations never
    confirmed free their places, which go to the next people waiting."""
    now = now or timezone.now()
    stale = Registration.objects.filter(
        status=RegistrationStatus.OFFERED, offer_expires_at__lt=now
    ) | Registration.objects.filter(
        status=RegistrationStatus.REGISTERED, email_confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_VALIDITY
    ).exclude(email="")  # without an email there is nothing to confirm: the team registered them
    count = 0
    for registration in stale.select_related("occurrence__atelier"):
        count += cancel(registration, now, notify=True)
    return count


def cancel_occurrence(occurrence):
    """Coordination or the organiser cancels one session: everyone registered is told,
    and no place stays taken."""
    with transaction.atomic():
        Occurrence.objects.filter(pk=occurrence.pk).update(
            cancelled=True, cancelled_by_team=True, places_taken=0, **Occurrence.next_version()
        )
        occurrence.refresh_from_db()
        active = occurrence.registrations.exclude(status=RegistrationStatus.CANCELLED)
        for registration in active:
            emails.send_occurrence_cancelled(registration)
        return active.update(status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now())


REMINDER_BEFORE = datetime.timedelta(hours=48)


def send_reminders(now=None):
    """Reminds confirmed people of their session in the next two days, once."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        email_confirmed_at__isnull=False,
        reminder_sent_at__isnull=True,
        occurrence__cancelled=False,
        occurrence__start__gt=now,
        occurrence__start__lte=now + REMINDER_BEFORE,
    ).select_related("occurrence__atelier")
    sent = 0
    for registration in due:
        with transaction.atomic():
            emails.send_reminder(registration)
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent


def purge_personal_data(keep_days, now=None):
    """Deletes the registrations of sessions that ended more than `keep_days` ago;
    their people stay on each session as anonymous counts, so that no figure changes."""
    now = now or timezone.now()
    ended = now - datetime.timedelta(days=keep_days)
    doomed = Registration.objects.filter(occurrence__end__lt=ended)
    with transaction.atomic():
        # Locked before counting (PostgreSQL): nothing changes between the count and the
        # delete, and a purge running at the same time waits, then finds nothing to add.
        list(doomed.select_for_update().values_list("pk", flat=True))
        Occurrence.objects.filter(end__lt=ended).keep_people_counts()
        deleted, _ = doomed.delete()
    return deleted
