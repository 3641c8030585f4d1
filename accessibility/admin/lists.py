"""Coordination's list of the accessibility reports (wagtail-modeladmin, like the other
records people leave): read each one, tick « répondu » once answered."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from accessibility.models import AccessibilityReport
from core.admin_lists import GuardedIndexView, yes_no_column

# Coordination's permissions on the list (given by the group setup, accessibility/wagtail_hooks.py).
PERMISSIONS = ["view_accessibilityreport", "change_accessibilityreport", "delete_accessibilityreport"]


class ReportPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # people report through the public form


class ReportAdmin(ModelAdmin):
    model = AccessibilityReport
    menu_label = _("Signalements d'accessibilité")
    menu_icon = "help"
    menu_order = 270
    list_display = ["created_at", "contact", "short_problem", yes_no_column("answered", _("répondu"))]
    list_filter = ["answered"]
    search_fields = ["name", "email", "phone", "problem"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "name", "email", "phone", "page_address", "problem", "answered"]
    index_view_class = GuardedIndexView
    permission_helper_class = ReportPermissionHelper

    @staticmethod
    def contact(obj):
        return " — ".join(part for part in (obj.name, obj.email, obj.phone) if part)

    @staticmethod
    def short_problem(obj):
        return Truncator(obj.problem).chars(80)


ReportAdmin.contact.short_description = _("personne")
ReportAdmin.short_problem.short_description = _("problème")
