from django.urls import path

from opendata import views

# Stable addresses, given to the directories that read them: never rename one.
urlpatterns = [
    path("donnees-ouvertes/", views.open_data_page, name="open_data"),
    path("donnees-ouvertes/seances.json", views.sessions_json, name="open_data_sessions_json"),
]
for dataset in views.DATASETS:
    urlpatterns += [
        path(f"donnees-ouvertes/{dataset}.json", views.dataset_json, {"dataset": dataset}, f"open_data_{dataset}_json"),
        path(f"donnees-ouvertes/{dataset}.csv", views.dataset_csv, {"dataset": dataset}, f"open_data_{dataset}_csv"),
    ]
