"""Registers the reports in Wagtail: the counters entered by hand and what the groups may do."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.groups import grant
from reports.admin.counters import CountersViewSetGroup, refuse_others_entries

register_snippet(CountersViewSetGroup)
hooks.register("before_delete_snippet", refuse_others_entries)


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
