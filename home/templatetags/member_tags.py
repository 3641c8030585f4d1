from django import template
from django.utils import timezone

register = template.Library()


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
