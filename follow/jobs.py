"""The follow app's scheduled jobs (core.schedule), run by the worker."""

from django.utils.translation import gettext as _

from core import schedule
from follow import sending


@schedule.job("follow_new_ateliers", every_minutes=15)
def new_ateliers():
    return _("%(count)s courriel(s) de nouveaux ateliers envoyé(s).") % {"count": sending.send_new_ateliers()}


@schedule.job("follow_weekly_digest", daily_at=sending.DIGEST_TIME.isoformat("minutes"))
def weekly_digest():
    # Daily: Monday's run sends the week's summary, a later one catches up a Monday missed.
    return _("%(count)s résumé(s) de la semaine envoyé(s).") % {"count": sending.send_digests()}


@schedule.job("follow_purge_unconfirmed", daily_at="03:15")
def purge_unconfirmed():
    return _("%(count)s abonnement(s) non confirmé(s) effacé(s).") % {"count": sending.purge_unconfirmed()}
