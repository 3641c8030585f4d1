from django import template

from core import listings

register = template.Library()


@register.simple_tag
def listing(source, count, **filters):
    """An automatic listing ("ateliers", "guides"…), optionally filtered: `member=`
    one member's items, `topics=` items about some library topics."""
    return listings.get_listing(source, count, **filters)
