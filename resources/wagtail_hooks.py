from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.groups import is_coordinator, let_members_add_under, review_under
from resources.models import REVIEW_AFTER, Alternative, GuidePage, ResourceIndexPage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Thèmes des guides")
    add_to_admin_menu = False


class AlternativeViewSet(SnippetViewSet):
    model = Alternative
    icon = "list-ul"
    menu_label = _("Je remplace… par…")
    list_display = ["proprietary", "alternatives", "category", "difficulty"]
    list_filter = ["category", "difficulty"]
    search_fields = ["proprietary", "alternatives"]
    add_to_admin_menu = False


register_snippet(TopicViewSet)
register_snippet(AlternativeViewSet)


class GuidesToReviewPanel(Component):
    """Reminds Coordination of the guides nobody has checked for a year."""

    name = "guides_to_review"
    template_name = "resources/panels/guides_to_review.html"
    order = 60

    def __init__(self, guides):
        self.guides = guides

    def get_context_data(self, parent_context):
        return {"guides": self.guides}


def guides_due_for_review(today=None):
    today = today or timezone.localdate()
    return GuidePage.objects.live().filter(last_reviewed__lt=today - REVIEW_AFTER).order_by("last_reviewed")


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if is_coordinator(request.user):
        guides = list(guides_due_for_review()[:20])
        if guides:
            panels.append(GuidesToReviewPanel(guides))


@hooks.register("espace_setup_member_group")
def let_members_propose_guides(group, member_page):
    let_members_add_under(group, ResourceIndexPage.objects.first())


@hooks.register("espace_setup_coordination_group")
def let_coordination_manage_the_library(group, workflow):
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="resources", codename__regex=r"^(add|change|delete|view)_(topic|alternative)$"
        )
    )
    review_under(ResourceIndexPage.objects.first(), workflow)


@hooks.register("espace_search_suggestions")
def library_topics():
    """When the site search finds nothing: the library's topics, each a list of guides."""
    index = ResourceIndexPage.objects.live().first()
    if index is None:
        return []
    return [(topic.name, f"{index.url}?{urlencode({'theme': topic.slug})}") for topic in Topic.objects.order_by("name")]
