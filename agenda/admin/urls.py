"""The addresses of the agenda's own admin pages."""

from django.urls import path

from agenda.admin.views.calls import calls_view, record_call_view
from agenda.admin.views.desk import desk_view
from agenda.admin.views.messages import message_participants_view
from agenda.admin.views.occurrences import cancel_occurrence_view, propose_atelier_view
from agenda.admin.views.session import attendance_sheet_view, session_registrations_view
from agenda.admin.views.someone import cancel_registration_view, register_someone_view, registration_print_view

urlpatterns = [
    path("agenda/accompagner/", desk_view, name="agenda_desk"),
    path("agenda/appels/", calls_view, name="agenda_calls"),
    path("agenda/appels/<int:registration_id>/", record_call_view, name="agenda_record_call"),
    path("agenda/seances/<int:occurrence_id>/annuler/", cancel_occurrence_view, name="agenda_cancel_occurrence"),
    path("agenda/seances/<int:occurrence_id>/ecrire/", message_participants_view, name="agenda_message_participants"),
    path(
        "agenda/seances/<int:occurrence_id>/inscrits/",
        session_registrations_view,
        name="agenda_session_registrations",
    ),
    path("agenda/seances/<int:occurrence_id>/emargement/", attendance_sheet_view, name="agenda_attendance_sheet"),
    path("agenda/seances/<int:occurrence_id>/inscrire/", register_someone_view, name="agenda_register_someone"),
    path(
        "agenda/inscriptions/<int:registration_id>/imprimer/",
        registration_print_view,
        name="agenda_admin_registration_print",
    ),
    path(
        "agenda/inscriptions/<int:registration_id>/annuler/",
        cancel_registration_view,
        name="agenda_admin_cancel_registration",
    ),
    path("agenda/proposer/", propose_atelier_view, name="agenda_propose_atelier"),
]
