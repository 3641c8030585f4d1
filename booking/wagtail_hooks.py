"""Registers room booking in Wagtail: the public menu entry, the « Réservations » menu
of the admin and its pages (`booking/admin/`), what the groups may do, and the member's
weekly series on its dashboard."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from booking.admin import urls
from booking.admin.menu import BookingAdminGroup
from booking.admin.permissions import REQUEST_SERIES, series_visible_to
from booking.models import Series
from core.groups import grant

modeladmin_register(BookingAdminGroup)


@hooks.register("espace_main_menu_items")
def booking_menu_item():
    """The public menu entry of room booking, whose pages are not Wagtail pages."""
    return [(gettext("Réserver une salle"), reverse("booking_rooms"))]


@hooks.register("register_admin_urls")
def booking_admin_urls():
    return urls.urlpatterns


# Permissions, given when the groups are set up (core/groups.py) --------------------


@hooks.register("espace_setup_coordination_group")
def let_coordination_manage_bookings(group, workflow):
    models = ("room", "booking", "series")
    grant(group, "booking", [f"{action}_{model}" for action in ("add", "change", "view") for model in models])


@hooks.register("espace_setup_member_group")
def let_members_request_series(group, member_page):
    """Members book weekly series for their activities and see their own series;
    never the bookings of the public."""
    grant(group, "booking", ["add_series", "view_series"])


@hooks.register("espace_my_space_sections")
def my_series(request, member_pages):
    """On the member's dashboard: its weekly series still running, and how to ask for one."""
    if not request.user.has_perm(REQUEST_SERIES):
        return None
    running = series_visible_to(
        request.user, Series.objects.filter(until__gte=timezone.localdate()).select_related("room")
    ).order_by("first_date")[:8]
    items = [(f"{item} — {item.room.name}", reverse("booking_admin_series", args=[item.pk])) for item in running]
    ask = gettext("Demander une série (la même salle chaque semaine)")
    items.append((ask, reverse("booking_admin_series_request")))
    return (gettext("Mes réservations de salles chaque semaine"), items)
