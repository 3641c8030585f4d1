"""The same report form sent several times at the same moment (a double click, a phone
that resends): one report kept, one mail, and each sender gets the thank-you page."""

from django.core import mail

import pytest

from accessibility.models import AccessibilityReport
from tests.concurrency import post_all_at_once

SENDS = 8


@pytest.mark.django_db(transaction=True)
def test_one_form_sent_at_once_from_several_threads_keeps_one_report(demo_site, live_server, settings):
    settings.ACCESSIBILITY_REPORTS_PER_HOUR = 1000
    payload = {
        "problem": "Le plan ne se lit pas au lecteur d'écran.",
        "email": "jeanne@exemple.fr",
        "form_key": "k" * 32,
    }

    statuses = post_all_at_once(f"{live_server.url}/accessibilite/signaler/", [payload] * SENDS)

    assert statuses == [201] * SENDS
    assert AccessibilityReport.objects.count() == 1
    assert len(mail.outbox) == 1
