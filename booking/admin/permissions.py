"""Who may do what with bookings and series: Coordination holds every permission,
members only add and view series (given by the group setup, `booking/wagtail_hooks.py`)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from wagtail_modeladmin.helpers import PermissionHelper

from booking.models import Series
from core.groups import MEMBER_GROUP_PREFIX

ACT_ON_BOOKINGS = "booking.change_booking"
SEE_BOOKINGS = "booking.view_booking"
BOOK_FOR_SOMEONE = "booking.add_booking"
REQUEST_SERIES = "booking.add_series"
MANAGE_ALL_SERIES = "booking.change_series"


def series_visible_to(user, queryset):
    """Coordination sees every series; a member those asked by someone of its group."""
    if user.has_perm(MANAGE_ALL_SERIES):
        return queryset
    if not user.has_perm(REQUEST_SERIES):
        return queryset.none()
    member_groups = user.groups.filter(name__startswith=MEMBER_GROUP_PREFIX)
    colleagues = get_user_model().objects.filter(groups__in=member_groups)
    return queryset.filter(Q(requested_by=user) | Q(requested_by__in=colleagues))


def visible_series_or_403(user, series_id):
    series = get_object_or_404(Series.objects.select_related("room", "requested_by"), pk=series_id)
    if not series_visible_to(user, Series.objects.filter(pk=series.pk)).exists():
        raise PermissionDenied
    return series


class BookingPermissionHelper(PermissionHelper):
    """The team reads bookings and acts on them through the buttons (accept, decline,
    cancel); what the person wrote is never edited here, nor deleted (old bookings
    are anonymised on schedule)."""

    def user_can_create(self, user):
        return user.has_perm(BOOK_FOR_SOMEONE)  # through « Réserver pour quelqu'un »

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SeriesPermissionHelper(PermissionHelper):
    """A series is changed by cancelling its dates, on its own page."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
