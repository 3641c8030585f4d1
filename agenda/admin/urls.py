"""The addresses of the agenda's own admin pages."""

from django.urls import path

from agenda.admin.views import cancel_occurrence_view, propose_atelier_view

urlpatterns = [
    path("agenda/seances/<int:occurrence_id>/annuler/", cancel_occurrence_view, name="agenda_cancel_occurrence"),
    path("agenda/proposer/", propose_atelier_view, name="agenda_propose_atelier"),
]
