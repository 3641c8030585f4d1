from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from agenda import urls as agenda_urls
from booking import urls as booking_urls
from core import login_limits
from espace import outbox, views
from espace.sitemaps import SITEMAPS
from follow import urls as follow_urls
from home.views import search
from opendata import urls as opendata_urls
from partners import urls as partners_urls
from reemploi import urls as reemploi_urls

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Before Wagtail's own: the password reset, with a limit (it sends mail).
    path("admin/password_reset/", login_limits.PasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search, name="search"),
    path("", include(agenda_urls)),
    path("", include(booking_urls)),
    path("", include(opendata_urls)),
    path("", include(follow_urls)),
    path("", include(partners_urls)),
    path("", include(reemploi_urls)),
    path("dev/courriels/", outbox.outbox_list, name="outbox_list"),
    path("dev/courriels/<slug:message_id>/", outbox.outbox_detail, name="outbox_detail"),
]

if settings.SERVE_MEDIA:
    # Uploaded media from the media volume: the compose stack has no other server for them.
    urlpatterns += [path("media/<path:path>", views.media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
