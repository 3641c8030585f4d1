"""Registers the activity report in Wagtail: its admin pages (`reports/admin/`), its menu
item, and a link on each member's « Mon espace »."""

from wagtail import hooks

from reports.admin import urls
from reports.admin.menu import my_space_section, report_menu_item


@hooks.register("register_admin_urls")
def reports_admin_urls():
    return urls.urlpatterns


@hooks.register("register_admin_menu_item")
def activity_report_menu_item():
    return report_menu_item()


@hooks.register("espace_my_space_sections")
def my_activity_report(request, member_pages):
    return my_space_section(member_pages)
