"""The figures page's table, for its template (FiguresPage's model stays as it is)."""

from django import template

from reports import public

register = template.Library()


@register.simple_tag
def figures_table(page):
    return public.figures_table(page)
