"""The addresses of the activity report in the admin."""

from django.urls import path

from reports.admin import views

urlpatterns = [
    path("rapport-activite/", views.activity_view, name="reports_activity"),
    path("rapport-activite/imprimer/", views.activity_print_view, name="reports_activity_print"),
    path("rapport-activite/rapport.csv", views.activity_csv_view, name="reports_activity_csv"),
    path("rapport-activite/rapport.ods", views.activity_ods_view, name="reports_activity_ods"),
    path("rapport-activite/cra.csv", views.activity_cra_csv_view, name="reports_activity_cra_csv"),
]
