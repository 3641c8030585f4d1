from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.site import absolute_url


@require_GET
def robots_txt(request):
    sitemap = absolute_url("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /dev/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_GET
def media(request, path):
    """An uploaded file (Django's static view refuses paths outside MEDIA_ROOT). Names
    never change once uploaded (Wagtail renames, renditions carry a hash): cached a day."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
