from django import template

register = template.Library()

EVENTS_IN_PAGE = 10  # enough for search engines; a weekly atelier has dozens of dates


@register.filter
def events_data(atelier, occurrences):
    """The schema.org Events of the atelier's next sessions, one per session, for the json_ld tag."""
    return atelier.structured_data(occurrences[:EVENTS_IN_PAGE])
