"""Registers the reports in Wagtail: the activity report's admin pages (`reports/admin/`),
its menu item and a link on each member's « Mon espace »; the counters entered by hand and
what the groups may do with them."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.groups import grant
from reports.admin import urls
from reports.admin.counters import CountersViewSetGroup, refuse_others_entries
from reports.admin.menu import my_space_section, report_menu_item

register_snippet(CountersViewSetGroup)
hooks.register("before_delete_snippet", refuse_others_entries)


@hooks.register("register_admin_urls")
def reports_admin_urls():
    return urls.urlpatterns


@hooks.register("register_admin_menu_item")
def activity_report_menu_item():
    return report_menu_item()


@hooks.register("espace_my_space_sections")
def my_activity_report(request, member_pages):
    return my_space_section(member_pages)


@hooks.register("espace_setup_member_group")
def let_members_count(group, member_page):
    """Members enter their own figures (computers redistributed, devices repaired…)."""
    grant(group, "reports", [f"{action}_counterentry" for action in ("add", "change", "delete", "view")])


@hooks.register("espace_setup_coordination_group")
def let_coordination_keep_the_counters(group, workflow):
    grant(
        group,
        "reports",
        [
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("counterkind", "counterentry")
        ],
    )
