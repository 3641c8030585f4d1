"""Demo accessibility statement and multi-year plan, read from accessibility/demo_data/, linked
from the footer (the site settings' page « accessibilité »), and the « Facile à lire » versions
of a few pages of the other apps (this step runs last). Left alone when they already exist."""

from wagtail.models import Page, Site

from accessibility.models import AccessibilityPlanPage, AccessibilityStatementPage
from core import demo_data
from home.demo import demo_picture, publish_child
from home.models import EspaceSettings, HomePage


def easy_read_stream(ideas):
    stream = []
    for idea in ideas:
        image = demo_picture(idea["picture"])
        picture = {"image": image, "alt_text": image.description, "decorative": False}
        stream.append(("idea", {"picture": picture, "text": idea["text"]}))
    return stream


def build_easy_read_versions():
    """The easy-read versions of the home page, two guides and two ateliers, once."""
    for content in demo_data.read("accessibility", "facile_a_lire")["pages"]:
        page = Page.objects.get(slug=content["slug"]).specific
        if not page.easy_read:
            page.easy_read = easy_read_stream(content["ideas"])
            page.save_revision().publish()


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
    build_easy_read_versions()
    return []
