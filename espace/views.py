from django.http import HttpResponse
from django.views.decorators.http import require_GET

from core.site import absolute_url


@require_GET
def robots_txt(request):
    sitemap = absolute_url("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /dev/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
