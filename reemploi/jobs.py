"""Réemploi's scheduled job (core.schedule), run by the worker."""

from django.conf import settings
from django.utils.translation import gettext as _

from core import schedule
from reemploi import rules


@schedule.job("reemploi_purge_personal_data", daily_at="03:40")
def purge_personal_data():
    purged = rules.purge_personal_data(settings.REEMPLOI_KEEP_DAYS)
    return _("%(count)s don(s) ou demande(s) rendu(s) anonyme(s).") % {"count": purged}
