"""The addresses of the team's own booking pages, under /admin/reservations/."""

from django.urls import path

from booking.admin.views import bookings, planning, series

urlpatterns = [
    path("reservations/planning/", planning.planning_view, name="booking_admin_planning"),
    path("reservations/pour-quelqu-un/", bookings.book_for_someone_view, name="booking_admin_book_for_someone"),
    path("reservations/<int:booking_id>/imprimer/", bookings.booking_print_view, name="booking_admin_print"),
    path(
        "reservations/<int:booking_id>/accepter/",
        bookings.booking_action_view,
        {"action": "approve"},
        name="booking_admin_approve",
    ),
    path(
        "reservations/<int:booking_id>/refuser/",
        bookings.booking_action_view,
        {"action": "decline"},
        name="booking_admin_decline",
    ),
    path(
        "reservations/<int:booking_id>/annuler/",
        bookings.booking_action_view,
        {"action": "cancel"},
        name="booking_admin_cancel",
    ),
    path("reservations/series/demander/", series.series_request_view, name="booking_admin_series_request"),
    path("reservations/series/<int:series_id>/", series.series_detail_view, name="booking_admin_series"),
    path(
        "reservations/series/<int:series_id>/annuler/",
        series.series_cancel_view,
        name="booking_admin_series_cancel",
    ),
    path(
        "reservations/series/<int:series_id>/annuler/<int:booking_id>/",
        series.series_cancel_view,
        name="booking_admin_series_cancel_date",
    ),
    path(
        "reservations/series/<int:series_id>/accepter/",
        series.series_approve_view,
        name="booking_admin_series_approve",
    ),
]
