"""The members' calendars, read every hour by the worker (core.schedule): one task per
calendar, so that a slow one does not hold up the others."""

from django.utils.translation import gettext as _

from django_tasks import task

from core import schedule
from partners import calendar_import
from partners.models import CalendarSource


@task()
def import_calendar(source_id):
    return calendar_import.run(source_id) or ""


@schedule.job("partners_calendar_import", every_minutes=60)
def import_calendars():
    sources = list(CalendarSource.objects.values_list("pk", flat=True))
    for source_id in sources:
        import_calendar.enqueue(source_id)
    return _("%(count)s calendrier(s) à lire.") % {"count": len(sources)}
