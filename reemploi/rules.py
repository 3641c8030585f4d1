"""The rules of réemploi, as plain functions: the steps of a donation, each a conditional
UPDATE; the purge of personal data; the same form sent twice."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from reemploi import emails
from reemploi.models import DeviceRequest, Donation, DonationStatus

S = DonationStatus
# The steps each status may go to. « Recyclé » ends a device that cannot be used again.
NEXT_STEPS = {
    S.PROMISED: (S.RECEIVED, S.RECYCLED),
    S.RECEIVED: (S.REFURBISHED, S.RECYCLED),
    S.REFURBISHED: (S.REDISTRIBUTED, S.RECYCLED),
    S.REDISTRIBUTED: (),
    S.RECYCLED: (),
}


class StepRefused(Exception):
    """Why a donation cannot move to a status, in French."""


def change_status(donation, from_status, to_status, reason="", now=None):
    """Moves a donation from `from_status` (what the person saw) to `to_status`. One
    conditional UPDATE: of two people pressing at once, one wins and the other is told
    the donation changed meanwhile."""
    if to_status not in NEXT_STEPS.get(from_status, ()):
        raise StepRefused(gettext("Cette étape ne peut pas suivre la précédente."))
    reason = reason.strip()
    if to_status == S.RECYCLED and not reason:
        raise StepRefused(gettext("Dites pourquoi l'appareil est recyclé."))
    changed = Donation.objects.filter(pk=donation.pk, status=from_status).update(
        status=to_status,
        status_changed_at=now or timezone.now(),
        recycled_reason=reason if to_status == S.RECYCLED else "",
    )
    if not changed:
        raise StepRefused(gettext("Ce don a changé d'étape entre-temps\u00a0: voici où il en est."))
    return to_status


def create_once(model, form_key, send, **fields):
    """The row made by this form, made once: the same form sent again (its `form_key`), even
    at the same moment, returns the first one. `send` mails it when it is new."""
    if form_key and (made := model.objects.filter(form_key=form_key).first()):
        return made
    try:
        with transaction.atomic():
            made = model.objects.create(form_key=form_key, **fields)
            send(made)
    except IntegrityError:
        if form_key:
            return model.objects.get(form_key=form_key)
        raise
    return made


def offer_donation(form_key=None, **fields):
    return create_once(Donation, form_key, emails.send_donation_confirmation, **fields)


def request_device(form_key=None, **fields):
    return create_once(DeviceRequest, form_key, emails.send_request_confirmation, **fields)


def confirm(model, pk, now=None):
    """The address confirmed once; True when this call did it."""
    return bool(model.objects.filter(pk=pk, confirmed_at__isnull=True).update(confirmed_at=now or timezone.now()))


PERSONAL = {"name": "", "email": "", "phone": ""}


def purge_personal_data(keep_days, now=None):
    """Erases who gave and who asked, `keep_days` after a donation's last change of status
    or a request's sending; the rows stay, anonymous, for the figures. Returns how many."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=keep_days)
    donations = Donation.objects.filter(purged_at__isnull=True, status_changed_at__lt=limit).update(
        **PERSONAL, organisation="", note="", purged_at=now
    )
    requests = DeviceRequest.objects.filter(purged_at__isnull=True, created_at__lt=limit).update(
        **PERSONAL, on_behalf_of="", purpose="", purged_at=now
    )
    return donations + requests
