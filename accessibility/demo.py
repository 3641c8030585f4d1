"""Demo accessibility statement and multi-year plan, read from accessibility/demo_data/:
the statement replaces nothing and is linked from the footer (the site settings' page
« accessibilité »). Left alone when it already exists."""

from wagtail.models import Site

from accessibility.models import AccessibilityPlanPage, AccessibilityStatementPage
from core import demo_data
from home.demo import publish_child
from home.models import EspaceSettings, HomePage


def build():
    home = HomePage.objects.get()
    statement = AccessibilityStatementPage.objects.first()
    if statement is None:
        content = demo_data.read("accessibility", "declaration")
        statement = publish_child(
            home, AccessibilityStatementPage(**demo_data.fields(AccessibilityStatementPage, content))
        )
        plan = demo_data.read("accessibility", "schema")
        publish_child(statement, AccessibilityPlanPage(**demo_data.fields(AccessibilityPlanPage, plan)))
    espace_settings = EspaceSettings.for_site(Site.objects.get(root_page=home))
    if espace_settings.accessibility_page_id is None:
        espace_settings.accessibility_page = statement
        espace_settings.save(update_fields=["accessibility_page"])
    return []
