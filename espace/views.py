import datetime
import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.site import absolute_url
from home.models import EspaceSettings

# Where Wagtail uploads documents (AbstractDocument.file's upload_to).
DOCUMENTS_FOLDER = "documents"


@require_GET
def robots_txt(request):
    sitemap = absolute_url("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /dev/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_GET
def media(request, path):
    """An uploaded image (Django's static view refuses paths outside MEDIA_ROOT). Names
    never change once uploaded (Wagtail renames, renditions carry a hash): cached a day.
    Documents are not served here: Wagtail's /documents/ view serves them, and refuses
    those of a private collection to whoever may not see them."""
    if posixpath.normpath(path).lstrip("/").split("/")[0] == DOCUMENTS_FOLDER:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def security_txt(request):
    """RFC 9116: whom to tell about a security problem (the contact of the site settings)."""
    contact = EspaceSettings.for_request(request).email
    if not contact:
        raise Http404
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
    lines = [
        f"Contact: mailto:{contact}",
        f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {absolute_url('/.well-known/security.txt')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
