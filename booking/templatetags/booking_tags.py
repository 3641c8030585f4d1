from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

register = template.Library()


def sentence(message, **parts):
    """A translated message with its parts escaped, as {% blocktranslate %} builds it."""
    return mark_safe(message % {name: conditional_escape(part) for name, part in parts.items()})  # noqa: S308


@register.simple_tag
def booking_slot(cell, form_url):
    """A slot of a room's week, or a run of slots of one state: its time and state, and for
    « Indisponible » why, in words. A free slot is a link whose name starts with what it shows, for
    voice control. Built here rather than included from a template: a week has some sixty of them,
    and an include per slot, with its translations, took a third of the page's first render."""
    start_at = localtime(cell.start)
    start = time_format(start_at, "G\\hi")
    if cell.state == "free":
        shown = sentence(gettext("%(start)s · %(label)s"), start=start, label=cell.label)
        day = date_format(start_at, "l j F")
        name = sentence(gettext("%(shown)s : réserver le %(day)s à %(start)s"), shown=shown, day=day, start=start)
        address = f"{form_url}?date={date_format(start_at, 'Y-m-d')}&debut={time_format(start_at, 'H:i')}"
        return format_html('<li class="slot--free"><a href="{}" aria-label="{}">{}</a></li>', address, name, shown)
    end = time_format(localtime(cell.end), "G\\hi")
    if cell.reason:
        text = sentence(
            gettext("%(start)s – %(end)s · %(label)s : %(reason)s"),
            start=start,
            end=end,
            label=cell.label,
            reason=cell.reason,
        )
    else:
        text = sentence(gettext("%(start)s – %(end)s · %(label)s"), start=start, end=end, label=cell.label)
    return format_html('<li class="slot--{}">{}</li>', cell.state, text)
