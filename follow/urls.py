from django.urls import path

from follow import views

urlpatterns = [
    path("suivre-les-ateliers/", views.subscribe, name="follow_subscribe"),
    path("suivre-les-ateliers/confirmer/<str:token>/", views.confirm, name="follow_confirm"),
    path("suivre-les-ateliers/mes-choix/<str:token>/", views.manage, name="follow_manage"),
    path("suivre-les-ateliers/desabonnement/<str:token>/", views.unsubscribe, name="follow_unsubscribe"),
    path("suivre-les-ateliers/desabonnement/<str:token>/un-clic/", views.one_click, name="follow_one_click"),
]
