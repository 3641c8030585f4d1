from django.urls import path

from reemploi import views

urlpatterns = [
    path("reemploi/donner/", views.donate, name="reemploi_donate"),
    path("reemploi/don/<str:token>/", views.donation_page, name="reemploi_donation"),
    path("reemploi/ordinateurs/", views.devices, name="reemploi_devices"),
    path("reemploi/ordinateurs/<slug:member_slug>/demande/", views.ask, name="reemploi_ask"),
    path("reemploi/demande/<str:token>/", views.request_page, name="reemploi_request"),
    path("reemploi/reparations-ords.csv", views.ords_export, name="reemploi_ords"),
    path("reemploi/repair-cafe/", views.repair_sessions, name="reemploi_repair_sessions"),
    path("reemploi/repair-cafe/seance-<int:occurrence_id>/", views.repair_log, name="reemploi_repair_log"),
]
