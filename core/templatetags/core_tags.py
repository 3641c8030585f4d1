from django import template

register = template.Library()


@register.filter
def minutes(duration):
    """A timedelta in whole minutes (at least one)."""
    return max(round(duration.total_seconds() / 60), 1) if duration else 0
