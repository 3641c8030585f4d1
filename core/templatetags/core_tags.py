import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import twofactor

register = template.Library()

# Escaped as JSON allows, so that no text can close the element early.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """schema.org data for search engines. A data block, not a script that runs,
    so the strict Content-Security-Policy allows it."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def minutes(duration):
    """A timedelta in whole minutes (at least one)."""
    return max(round(duration.total_seconds() / 60), 1) if duration else 0


@register.filter
def totp_key(device):
    return twofactor.readable_key(device)
