from django import template

from resources.blocks import HeadingBlock

register = template.Library()


@register.filter
def anchor(heading):
    """The id of a guide's section title, as its table of contents links to it."""
    return HeadingBlock.anchor(heading)
