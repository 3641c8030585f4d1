"""The booking housekeeping, run by the scheduler (core.schedule) and by
`manage.py booking_daily`; safe to run again."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from booking import emails, rules
from core import schedule


@schedule.job("booking-housekeeping", every_minutes=60)
def housekeeping():
    """Expires requests whose address was not confirmed in time (the person is told)
    and erases who booked BOOKING_KEEP_DAYS after the booking."""
    with transaction.atomic():
        expired = rules.expire_unconfirmed()
        for booking in expired:
            emails.send_status(booking)
    purged = rules.purge_personal_data(settings.BOOKING_KEEP_DAYS)
    return _("%(expired)s demande(s) expirée(s), %(purged)s réservation(s) anonymisée(s).") % {
        "expired": len(expired),
        "purged": purged,
    }
