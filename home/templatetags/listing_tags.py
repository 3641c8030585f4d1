from django import template

from home import listings

register = template.Library()


@register.simple_tag
def listing(source, count, member=None):
    """An automatic listing ("ateliers", "guides"…), optionally of one member's items."""
    return listings.get_listing(source, count, member=member)
