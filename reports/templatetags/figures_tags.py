"""The figures page's table, for its template. Not FiguresPage.get_context: the table comes
from the activity report, which imports the models, and a model importing it back would
close an import cycle."""

from django import template

from reports import public

register = template.Library()


@register.simple_tag
def figures_table(page):
    return public.figures_table(page)
