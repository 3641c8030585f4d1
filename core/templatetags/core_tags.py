from django import template

from core import twofactor

register = template.Library()


@register.filter
def minutes(duration):
    """A timedelta in whole minutes (at least one)."""
    return max(round(duration.total_seconds() / 60), 1) if duration else 0


@register.filter
def totp_key(device):
    return twofactor.readable_key(device)
