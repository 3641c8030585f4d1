"""Expanding an atelier's dates: one date, or a weekly or monthly rule (RFC 5545
rules through dateutil), in Paris wall-clock time so that « 14 h – 17 h » stays
14 h – 17 h across the daylight-saving changes."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from dateutil import rrule

WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
MAX_OCCURRENCES = 500


def local_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def nth_weekday_of_month(day):
    """1 for the first Saturday of its month, …, -1 for the last one when it is the fifth."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def build_rule(frequency, interval, start_local, until=None):
    """The dateutil rule for `frequency` ("weekly" or "monthly"), or None for a single date."""
    if frequency == "weekly":
        return rrule.rrule(rrule.WEEKLY, interval=interval, dtstart=start_local, until=until)
    if frequency == "monthly":
        weekday = WEEKDAYS[start_local.weekday()](nth_weekday_of_month(start_local))
        return rrule.rrule(rrule.MONTHLY, interval=interval, byweekday=weekday, dtstart=start_local, until=until)
    return None


def expand(start, end, frequency="", interval=1, until=None, horizon=None):
    """[(start, end), …] aware datetimes of every occurrence up to `until` (a date,
    inclusive) and `horizon` (an aware datetime), at most MAX_OCCURRENCES."""
    zone = local_zone()
    start_local = timezone.localtime(start, zone).replace(tzinfo=None)
    duration = timezone.localtime(end, zone).replace(tzinfo=None) - start_local
    limits = []
    if until:
        limits.append(datetime.datetime.combine(until, datetime.time.max))
    if horizon:
        limits.append(timezone.localtime(horizon, zone).replace(tzinfo=None))
    rule = build_rule(frequency, interval, start_local, until=min(limits, default=None))
    starts = [start_local] if rule is None else list(rule[:MAX_OCCURRENCES])
    return [(aware(moment, zone), aware(moment + duration, zone)) for moment in starts]


def aware(naive, zone):
    # A wall-clock time that does not exist (spring forward) is moved an hour on by
    # zoneinfo's fold=0 rules; one that exists twice (fall back) takes the first.
    return naive.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone)


def describe(frequency, interval, start):
    """The rule in plain French, e.g. « le 1er samedi de chaque mois »."""
    local = timezone.localtime(start)
    day = DAY_NAMES[local.weekday()]
    if frequency == "weekly":
        if interval == 1:
            return gettext("chaque %(day)s") % {"day": day}
        return gettext("un %(day)s sur %(interval)s") % {"day": day, "interval": interval}
    if frequency == "monthly":
        n = nth_weekday_of_month(local)
        if n == -1:
            rank = pgettext("rang dans le mois", "dernier")
        elif n == 1:
            rank = pgettext("rang dans le mois", "1er")
        else:
            rank = pgettext("rang dans le mois", "%(n)se") % {"n": n}
        if interval == 1:
            return gettext("le %(rank)s %(day)s de chaque mois") % {"rank": rank, "day": day}
        return gettext("le %(rank)s %(day)s de tous les %(interval)s mois") % {
            "rank": rank,
            "day": day,
            "interval": interval,
        }
    return ""


DAY_NAMES = [_("lundi"), _("mardi"), _("mercredi"), _("jeudi"), _("vendredi"), _("samedi"), _("dimanche")]
