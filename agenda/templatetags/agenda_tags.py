from django import template

register = template.Library()


@register.filter
def event_data(atelier, occurrence):
    """The schema.org Event of `occurrence`, for the json_ld tag."""
    return atelier.structured_data(occurrence)
