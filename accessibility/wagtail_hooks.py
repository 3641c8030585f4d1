"""Coordination reads and answers the accessibility reports (`accessibility/admin/`);
members do not see them."""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from accessibility.admin.lists import PERMISSIONS, ReportAdmin
from core.groups import grant

modeladmin_register(ReportAdmin)


@hooks.register("espace_setup_coordination_group")
def let_coordination_answer_reports(group, workflow):
    grant(group, "accessibility", PERMISSIONS)
