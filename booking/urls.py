from django.urls import path

from booking import views

urlpatterns = [
    path("reserver/", views.room_list, name="booking_rooms"),
    path("reserver/mes-reservations/", views.my_bookings, name="booking_mine_request"),
    path("reserver/mes-reservations/<str:token>/", views.my_bookings_list, name="booking_mine"),
    path("reserver/reservation/<str:token>/", views.manage_booking, name="booking_manage"),
    path("reserver/reservation/<str:token>/annuler/", views.cancel_booking, name="booking_cancel"),
    path("reserver/<slug:slug>/", views.room_week, name="booking_room"),
    path("reserver/<slug:slug>/demande/", views.request_booking, name="booking_request"),
]
