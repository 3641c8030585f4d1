"""What the scheduled jobs send: new ateliers once to « each » addresses, the Monday
summary to « weekly » ones, matching the choices; and the erasure of unconfirmed ones."""

import datetime

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from agenda.models import AtelierStatus, Category
from core import schedule
from follow import sending
from follow.models import SentAtelier, Subscription
from home.models import MemberPage
from tests.agenda.factories import PARIS, make_atelier, paris
from tests.follow.conftest import subscribe

pytestmark = pytest.mark.django_db


def test_new_atelier_goes_once_to_each_subscriber_even_when_the_job_runs_twice(agenda):
    subscription = subscribe()
    atelier = make_atelier(title="Réparer son vélo électrique")
    assert sending.send_new_ateliers() == 1
    assert sending.send_new_ateliers() == 0
    (message,) = mail.outbox
    assert message.to == [subscription.email]
    assert "Réparer son vélo électrique" in message.body
    assert SentAtelier.objects.filter(subscription=subscription, atelier=atelier).count() == 1


def queries_of_a_run_with(addresses):
    """The queries of the job for `addresses` « each » subscriptions already told of everything."""
    emails = [f"abonne{number}@exemple.fr" for number in range(6)]
    Subscription.objects.filter(email__in=emails).update(rhythm="weekly")
    Subscription.objects.filter(email__in=emails[:addresses]).update(rhythm="each")
    with CaptureQueriesContext(connection) as queries:
        assert sending.send_new_ateliers() == 0
    return len(queries)


def test_what_each_address_was_sent_is_read_in_queries_that_do_not_grow_with_the_addresses(agenda):
    make_atelier(title="Déjà annoncé")
    for number in range(6):
        subscribe(email=f"abonne{number}@exemple.fr")
    assert sending.send_new_ateliers() == 6
    assert queries_of_a_run_with(2) == queries_of_a_run_with(6)


def test_unconfirmed_weekly_and_earlier_ateliers_are_not_sent(agenda):
    make_atelier(title="Publié avant l'abonnement")
    subscribe(email="recente@exemple.fr").__class__.objects.filter(email="recente@exemple.fr").update(
        confirmed_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    subscribe(email="pas-confirmee@exemple.fr", confirmed=False)
    subscribe(email="hebdo@exemple.fr", rhythm="weekly")
    assert sending.send_new_ateliers() == 0
    assert mail.outbox == []


def test_draft_cancelled_and_past_ateliers_are_not_sent(agenda):
    subscribe()
    make_atelier(title="Brouillon", publish=False)
    make_atelier(title="Annulé", status=AtelierStatus.CANCELLED)
    past = datetime.datetime.now(PARIS) - datetime.timedelta(days=3)
    make_atelier(title="Passé", start=past)
    assert sending.send_new_ateliers() == 0


def publish(atelier, categories, organisers):
    atelier.categories.set(categories)
    atelier.organisers.set(organisers)
    atelier.save_revision().publish()


def test_matching_by_category_audience_and_member(agenda):
    repair, other = Category.objects.order_by("pk")[:2]
    member, other_member = MemberPage.objects.order_by("pk")[:2]
    by_category = subscribe(email="categorie@exemple.fr", categories=[repair])
    by_audience = subscribe(email="public@exemple.fr", audiences=["seniors"])
    by_member = subscribe(email="membre@exemple.fr", members=[member])
    everything = subscribe(email="tout@exemple.fr")
    publish(make_atelier(title="Premier", audience="seniors", publish=False), [repair], [other_member])
    publish(make_atelier(title="Second", audience="jeunes", publish=False), [other], [member])
    third = make_atelier(title="Troisième", audience="tout-public")
    sending.send_new_ateliers()
    sent = {
        subscription.email: set(subscription.sent.values_list("atelier__title", flat=True))
        for subscription in (by_category, by_audience, by_member, everything)
    }
    assert sent == {
        "categorie@exemple.fr": {"Premier"},
        "public@exemple.fr": {"Premier", "Troisième"},
        "membre@exemple.fr": {"Second"},
        "tout@exemple.fr": {"Premier", "Second", "Troisième"},
    }
    assert third.audience == "tout-public"


def test_every_mail_has_unsubscribe_headers_and_a_plain_html_alternative(agenda):
    subscription = subscribe()
    make_atelier(title="Atelier courriel")
    sending.send_new_ateliers()
    (message,) = mail.outbox
    token = subscription.make_token()
    one_click = f"http://testserver/suivre-les-ateliers/desabonnement/{token}/un-clic/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{one_click}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Se désabonner\u00a0: http://testserver/suivre-les-ateliers/desabonnement/" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html and "<h1" in html and "Atelier courriel" in html
    assert "<img" not in html and "https://" not in html.replace(one_click, "")


def next_monday_8am():
    today = datetime.datetime.now(PARIS).replace(hour=8, minute=0, second=0, microsecond=0)
    return today + datetime.timedelta(days=7 - today.weekday())


def test_digest_lists_the_weeks_sessions_and_new_ateliers_matching_the_choices(agenda):
    monday = next_monday_8am()
    seniors = subscribe(rhythm="weekly", audiences=["seniors"])
    make_atelier(title="Tablette pour débuter", audience="seniors", start=monday + datetime.timedelta(days=2, hours=6))
    make_atelier(title="Jeux vidéo", audience="jeunes", start=monday + datetime.timedelta(days=3, hours=6))
    make_atelier(title="Plus tard", audience="seniors", start=monday + datetime.timedelta(days=12))
    assert sending.send_digests(now=monday - datetime.timedelta(minutes=1)) == 0  # not due before 08:00
    assert sending.send_digests(now=monday) == 1
    (message,) = mail.outbox
    assert message.subject == "Les ateliers de la semaine"
    week, new = message.body.split("LES NOUVEAUX ATELIERS")
    assert "mercredi" in week and "Tablette pour débuter" in week and "Plus tard" not in week
    assert "Tablette pour débuter" in new and "Plus tard" in new
    assert "Jeux vidéo" not in message.body
    assert "<h2" in message.alternatives[0][0]
    seniors.refresh_from_db()
    assert seniors.last_sent_at == monday and seniors.digest_week == monday.date()
    # Run again the same Monday: nothing more; the next Monday: only the week, nothing « new ».
    assert sending.send_digests(now=monday + datetime.timedelta(hours=1)) == 0
    assert sending.send_digests(now=monday + datetime.timedelta(days=7)) == 1
    assert "LES NOUVEAUX ATELIERS" not in mail.outbox[1].body
    assert "Plus tard" in mail.outbox[1].body


def digest_week_text(message):
    """The part of a summary that lists the week's sessions."""
    return message.body.split("LES NOUVEAUX ATELIERS")[0]


def test_a_missed_monday_is_caught_up_at_the_next_run_with_what_is_left_of_the_week(agenda):
    monday = next_monday_8am()
    subscribe(rhythm="weekly")
    for title, days, hours in [
        ("Mardi matin", 1, 2), ("Mercredi après-midi", 2, 6), ("Dimanche soir", 6, 13), ("Lundi suivant", 7, 2),
    ]:  # fmt: skip
        make_atelier(title=title, start=monday + datetime.timedelta(days=days, hours=hours))
    wednesday = monday + datetime.timedelta(days=2)
    assert sending.send_digests(now=wednesday) == 1  # nothing ran on Monday nor on Tuesday
    (message,) = mail.outbox
    week = digest_week_text(message)
    assert "JUSQU'AU DIMANCHE" in week and "Mercredi après-midi" in week and "Dimanche soir" in week
    assert "Mardi matin" not in week  # over by Wednesday
    assert "Lundi suivant" not in week  # next week's summary lists it
    assert "Lundi suivant" in message.body.split("LES NOUVEAUX ATELIERS")[1]
    # The rest of the week: nothing more; the next Monday: that week's summary.
    for day in (1, 2, 3, 4):
        assert sending.send_digests(now=wednesday + datetime.timedelta(days=day)) == 0
    assert sending.send_digests(now=monday + datetime.timedelta(days=7)) == 1
    assert "Lundi suivant" in digest_week_text(mail.outbox[1])


def test_the_week_runs_from_monday_to_sunday_midnight_in_paris_across_the_clock_change(agenda):
    # Clocks go back on Sunday 26 October 2025: that week lasts 169 hours.
    monday = paris(2025, 10, 20, 8, 0)
    subscribe(rhythm="weekly", confirmed_at=monday - datetime.timedelta(days=1))
    make_atelier(title="Dimanche tard", start=paris(2025, 10, 26, 23, 30))
    make_atelier(title="Lundi à minuit et demi", start=paris(2025, 10, 27, 0, 30))
    assert sending.send_digests(now=monday) == 1
    week = digest_week_text(mail.outbox[0])
    assert "Dimanche tard" in week and "dimanche 26 octobre, 23h30" in week
    assert "Lundi à minuit et demi" not in week


def test_unconfirmed_addresses_get_no_summary_and_late_confirmed_ones_wait_for_monday(agenda):
    monday = next_monday_8am()
    unconfirmed = subscribe(email="pas-confirmee@exemple.fr", rhythm="weekly", confirmed=False)
    late = subscribe(email="tardive@exemple.fr", rhythm="weekly", confirmed_at=monday + datetime.timedelta(hours=1))
    make_atelier(title="Toute la semaine", start=monday + datetime.timedelta(days=4))
    make_atelier(title="La semaine suivante", start=monday + datetime.timedelta(days=9))
    assert sending.send_digests(now=monday) == 0
    assert sending.send_digests(now=monday + datetime.timedelta(days=2)) == 0
    assert sending.send_digests(now=monday + datetime.timedelta(days=7)) == 1
    (message,) = mail.outbox
    assert message.to == [late.email] and "La semaine suivante" in message.body
    unconfirmed.refresh_from_db()
    assert unconfirmed.digest_week is None


def test_a_week_with_nothing_to_say_is_done_all_the_same(agenda):
    monday = next_monday_8am()
    subscribe(rhythm="weekly")
    assert sending.send_digests(now=monday) == 0
    make_atelier(title="Publié le mardi", start=monday + datetime.timedelta(days=9))
    assert sending.send_digests(now=monday + datetime.timedelta(days=1)) == 0  # Monday's summary was made
    assert sending.send_digests(now=monday + datetime.timedelta(days=7)) == 1


def test_the_week_is_taken_once_even_by_two_runs_side_by_side(home_page):
    subscription = subscribe(rhythm="weekly")
    monday = next_monday_8am().date()
    assert sending.take_week(subscription, monday)
    assert not sending.take_week(subscription, monday)  # a second run, which read the address before
    assert not sending.take_week(subscription, monday - datetime.timedelta(days=7))  # never an older week


def test_digest_with_nothing_to_say_sends_no_mail(agenda):
    subscribe(rhythm="weekly")
    make_atelier(title="Dans un mois", start=next_monday_8am() + datetime.timedelta(days=30), publish=False)
    assert sending.send_digests(now=next_monday_8am()) == 0
    assert mail.outbox == []


def test_unconfirmed_subscriptions_are_erased_after_the_delay(home_page, settings):
    settings.FOLLOW_UNCONFIRMED_DAYS = 7
    old = subscribe(email="ancienne@exemple.fr", confirmed=False)
    recent = subscribe(email="recente@exemple.fr", confirmed=False)
    kept = subscribe(email="confirmee@exemple.fr")
    now = timezone.now()
    Subscription.objects.filter(pk__in=[old.pk, kept.pk]).update(created_at=now - datetime.timedelta(days=7, minutes=1))
    assert sending.purge_unconfirmed(now=now) == 1
    assert set(Subscription.objects.values_list("email", flat=True)) == {recent.email, kept.email}


def test_jobs_are_registered_with_the_scheduler():
    jobs = schedule.jobs()
    assert jobs["follow_new_ateliers"].every == datetime.timedelta(minutes=15)
    assert jobs["follow_weekly_digest"].daily_at == datetime.time(8, 0)
    assert jobs["follow_purge_unconfirmed"].daily_at is not None


def test_the_scheduled_job_sends_and_says_what_it_did(agenda):
    subscribe()
    make_atelier(title="Atelier du planificateur")
    assert schedule.jobs()["follow_new_ateliers"].func() == "1 courriel(s) de nouveaux ateliers envoyé(s)."
    assert schedule.jobs()["follow_new_ateliers"].func() == "0 courriel(s) de nouveaux ateliers envoyé(s)."
    assert len(mail.outbox) == 1
