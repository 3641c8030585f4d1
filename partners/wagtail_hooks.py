"""Registers « Calendriers importés » in the admin (partners.calendar_admin)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from partners import calendar_admin as views


class CalendarsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


@hooks.register("register_admin_urls")
def calendar_admin_urls():
    return [
        path("calendriers/", views.calendars_view, name="partners_calendars"),
        path("calendriers/ajouter/", views.edit_view, name="partners_calendar_add"),
        path("calendriers/<int:source_id>/", views.edit_view, name="partners_calendar_edit"),
        path("calendriers/<int:source_id>/lire/", views.read_now_view, name="partners_calendar_read"),
        path("calendriers/<int:source_id>/retirer/", views.delete_view, name="partners_calendar_delete"),
    ]


@hooks.register("register_admin_menu_item")
def calendars_menu_item():
    return CalendarsMenuItem(
        _("Calendriers importés"), reverse("partners_calendars"), icon_name="calendar-alt", order=260
    )
