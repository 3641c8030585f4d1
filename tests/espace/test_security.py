from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from espace.middleware import ADMIN_CSP, PUBLIC_CSP


def test_public_pages_send_a_strict_policy_and_security_headers(home_page, client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert csp == PUBLIC_CSP
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script(home_page, client):
    paths = [
        "/",
        "/le-projet/",
        "/recherche/?q=numérique",
        "/introuvable/",
        "/le-collectif/",
        "/le-collectif/les-mulots/",
    ]
    for path in paths:
        html = BeautifulSoup(client.get(path).content, "html.parser")
        # Only data blocks (JSON-LD), which browsers never run.
        assert all(script.get("type") == "application/ld+json" for script in html.find_all("script")), path
        assert not html.find(style=True), path


def test_admin_gets_its_own_looser_policy(home_page, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_CSP
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # page previews are framed by the admin


def test_admin_contacts_no_third_party(home_page, client, settings):
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    client.force_login(get_user_model().objects.get(username="admin"))
    body = client.get("/admin/").content.decode()
    assert "gravatar" not in body
    assert "releases.wagtail.io" not in body


def test_healthz_answers_ok_when_the_database_answers(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_healthz_skips_host_validation_and_the_https_redirect(db, client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["espace.example"]
    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400


@pytest.mark.parametrize("method", ["post", "put"])
def test_robots_txt_refuses_writes(db, client, method):
    assert getattr(client, method)("/robots.txt").status_code == 405


def test_uploaded_media_are_served_by_the_site_and_nothing_outside_them(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "fablab.jpg").write_bytes(b"une photo")
    (tmp_path / "secret.txt").write_text("secret")
    response = client.get("/media/images/fablab.jpg")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"une photo"
    assert response["Cache-Control"] == "public, max-age=86400"
    for outside in ("/media/../secret.txt", "/media/%2e%2e/secret.txt", "/media//tmp/secret.txt"):
        assert client.get(outside).status_code in (400, 404), outside
    assert client.get("/media/images/absent.jpg").status_code == 404


def test_security_txt_gives_the_contact_of_the_site_settings(home_page, client, settings):
    from home.models import EspaceSettings

    settings.SITE_URL = "https://espace.example"
    contact = EspaceSettings.for_site(home_page.get_site())
    contact.email = "securite@espace.example"
    contact.save()
    response = client.get("/.well-known/security.txt")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Contact: mailto:securite@espace.example" in lines
    assert "Canonical: https://espace.example/.well-known/security.txt" in lines
    expires = next(line for line in lines if line.startswith("Expires: "))
    assert expires.endswith("Z") and int(expires[9:13]) >= 2026
    contact.email = ""
    contact.save()
    assert client.get("/.well-known/security.txt").status_code == 404


def test_the_frame_header_is_set_in_one_place(settings):
    assert "django.middleware.clickjacking.XFrameOptionsMiddleware" not in settings.MIDDLEWARE


def test_a_private_collections_document_is_served_only_by_wagtail_to_whoever_may_see_it(db, client, settings, tmp_path):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    settings.MEDIA_ROOT = tmp_path / "media"
    # On disk, as in production: Wagtail serves a document from its file's path.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    root = Collection.get_first_root_node()
    private = root.add_child(name="Comptes rendus internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document.objects.create(
        title="Compte rendu", collection=private, file=ContentFile(b"secret", name="compte-rendu.pdf")
    )
    public = Document.objects.create(title="Affiche", collection=root, file=ContentFile(b"affiche", name="affiche.pdf"))

    for address in (f"/media/{document.file.name}", f"/media/images/../{document.file.name}"):
        assert client.get(address).status_code == 404, address
    assert client.get(f"/media/{public.file.name}").status_code == 404  # documents go through /documents/ only
    refused = client.get(document.url)
    assert refused.status_code == 302 and "/login" in refused["Location"]
    served = client.get(public.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"affiche"
