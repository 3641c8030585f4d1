from django.core import mail
from django.test import override_settings

from espace.outbox import OutboxBackend


def test_outbox_keeps_mails_and_lists_them_in_development(db, client, settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_OUTBOX_DIR = tmp_path
    with override_settings(EMAIL_BACKEND="espace.outbox.OutboxBackend"):
        mail.send_mail("Confirmez votre inscription", "Suivez ce lien : https://exemple.test/c/abc", None, ["a@b.fr"])
    assert len(list(tmp_path.glob("*.eml"))) == 1
    listing = client.get("/dev/courriels/")
    assert "Confirmez votre inscription" in listing.content.decode()
    message_id = next(tmp_path.glob("*.eml")).stem
    detail = client.get(f"/dev/courriels/{message_id}/").content.decode()
    assert '<a href="https://exemple.test/c/abc"' in detail


def test_outbox_page_does_not_exist_outside_development(db, client, settings, tmp_path):
    settings.DEBUG = False
    settings.EMAIL_OUTBOX_DIR = tmp_path
    assert client.get("/dev/courriels/").status_code == 404


def test_outbox_detail_of_an_unknown_mail_is_a_404(db, client, settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_OUTBOX_DIR = tmp_path
    assert client.get("/dev/courriels/inconnu/").status_code == 404


def test_outbox_backend_counts_what_it_kept(settings, tmp_path):
    settings.EMAIL_OUTBOX_DIR = tmp_path
    messages = [mail.EmailMessage("Objet", "Texte", to=["x@y.fr"]) for _ in range(3)]
    assert OutboxBackend().send_messages(messages) == 3
    assert len(list(tmp_path.glob("*.eml"))) == 3
