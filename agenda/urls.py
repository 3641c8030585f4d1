from django.urls import path

from agenda import feeds, views

# Feeds end in a file extension and signed tokens hold ":", which Wagtail's page
# routes cannot serve: these are plain Django views, before Wagtail's catch-all.
urlpatterns = [
    path("agenda/inscription/<str:token>/", views.manage_registration, name="agenda_registration"),
    path("agenda/inscription/<str:token>/annuler/", views.cancel_registration, name="agenda_registration_cancel"),
    path("agenda/calendrier.ics", feeds.agenda_ics, name="agenda_ics"),
    path("agenda/flux.xml", feeds.AgendaAtomFeed(), name="agenda_atom"),
    path("agenda/atelier-<int:atelier_id>.ics", feeds.atelier_ics, name="agenda_atelier_ics"),
    path(
        "agenda/festival-<int:festival_id>/programme.ics",
        feeds.festival_programme_ics,
        name="agenda_festival_programme",
    ),
    path("agenda/seance-<int:occurrence_id>.ics", feeds.session_ics, name="agenda_session_ics"),
]
