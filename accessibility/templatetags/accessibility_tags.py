from django import template

from accessibility.models import AccessibilityStatementPage

register = template.Library()


@register.inclusion_tag("accessibility/compliance.html")
def accessibility_compliance():
    """The compliance level the law asks the home page to show, with the link to the statement."""
    return {"statement": AccessibilityStatementPage.objects.live().first()}
