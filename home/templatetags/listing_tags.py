from django import template

from home import listings

register = template.Library()


@register.simple_tag
def listing(source, count, member=None, topics=None):
    """An automatic listing ("ateliers", "guides"…), optionally of one member's items
    or of items about some library topics."""
    return listings.get_listing(source, count, member=member, topics=topics)
