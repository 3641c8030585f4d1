import datetime

from django import template
from django.utils import timezone

register = template.Library()

EVENTS_IN_PAGE = 10  # enough for search engines; a weekly atelier has dozens of dates


@register.filter
def events_data(atelier, occurrences):
    """The schema.org Events of the atelier's next sessions, one per session, for the json_ld tag."""
    return atelier.structured_data(occurrences[:EVENTS_IN_PAGE])


@register.filter
def spoken_time(value):
    """A time as it is said and read aloud: « 14 h », « 9 h 30 »."""
    value = timezone.localtime(value) if isinstance(value, datetime.datetime) else value
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
