"""« Rapport d'activité » in the admin's menu, and on a member's « Mon espace »."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.menu import MenuItem

from reports.admin.permissions import may_see_reports


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


def report_menu_item():
    # Not named « reports »: that is Wagtail's own menu, which members do not see.
    return ReportMenuItem(
        gettext_lazy("Rapport d'activité"),
        reverse_lazy("reports_activity"),
        name="activity-report",
        icon_name="clipboard-list",
        order=270,
    )


def my_space_section(member_pages):
    url = reverse("reports_activity")
    items = [
        (gettext("Rapport d'activité\u00a0: %(member)s") % {"member": page.title}, f"{url}?member={page.pk}")
        for page in member_pages
    ]
    return (gettext("Mon rapport d'activité"), items)
