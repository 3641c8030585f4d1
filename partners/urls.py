from django.urls import path

from partners import views

# Outside /agenda/, whose addresses are the ateliers' own (an atelier could be named « intégrer »).
urlpatterns = [
    path("partager-l-agenda/", views.share, name="partners_share"),
    path("agenda-integre/", views.widget, name="partners_widget"),
]
