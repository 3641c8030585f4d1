import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD. A data block, not a script that runs, so the
    strict Content-Security-Policy allows it."""
    data = json.dumps(page.structured_data(context.get("request")), ensure_ascii=False)
    # Escaped as JSON allows, so that no text can close the element early.
    data = data.translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308


@register.simple_tag
def opening_status(page, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    return {
        "has_hours": bool(page.opening_hours.all()),
        "open": page.is_open_at(now),
        "closure": page.closure_on(today),
        "upcoming_closures": page.upcoming_closures(today),
    }
