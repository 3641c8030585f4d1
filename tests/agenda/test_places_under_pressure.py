"""Places when people act at the same moment (threads released at a barrier, each with
its own database connection, on SQLite and PostgreSQL), with the mails counted in the
real task queue: at every moment the places taken are the people holding a place, and
a freed place goes to the first confirmed person waiting, once."""

from django.db.models import Sum
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from agenda import registration as rules
from agenda.models import Registration, RegistrationStatus
from tests.agenda.factories import make_atelier
from tests.concurrency import call_together, minimal_site
from tests.core.conftest import DATABASE_TASKS

REGISTERED, WAITING, OFFERED = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.OFFERED


@pytest.fixture
def site_root(transactional_db, settings):
    """Tasks stored in the database: the mails a test makes are counted there."""
    minimal_site()
    settings.TASKS = DATABASE_TASKS


def mails(subject):
    """The addresses of the queued mails whose subject starts with `subject`."""
    queued = DBTaskResult.objects.filter(task_path="core.mail.deliver")
    return sorted(
        address
        for task in queued
        if task.args_kwargs["args"][0]["subject"].startswith(subject)
        for address in task.args_kwargs["args"][0]["to"]
    )


def people(occurrence, *rows):
    """(name, status, confirmed) rows stored in order, one person each."""
    made = []
    for name, status, confirmed in rows:
        made.append(
            Registration.objects.create(
                occurrence=occurrence,
                name=name,
                email=f"{name}@exemple.fr",
                people=1,
                status=status,
                email_confirmed_at=timezone.now() if confirmed else None,
            )
        )
    return made


def assert_places_are_people_holding_them(occurrence):
    occurrence.refresh_from_db()
    holding = occurrence.registrations.filter(status__in=Registration.HOLDING_PLACES).aggregate(n=Sum("people"))
    assert occurrence.places_taken == (holding["n"] or 0)


def test_five_cancellations_at_once_offer_each_freed_place_once(site_root):
    occurrence = make_atelier(places=10).occurrences.get()
    registered = people(occurrence, *[(f"inscrit{n}", REGISTERED, True) for n in range(10)])
    waiting = people(occurrence, *[(f"attente{n}", WAITING, True) for n in range(10)])
    occurrence.take_places(10)

    results = call_together(*[lambda one=one: rules.cancel(one) for one in registered[:5]])

    assert results == [True] * 5
    assert_places_are_people_holding_them(occurrence)
    assert occurrence.places_taken == 10
    statuses = [one.status for one in Registration.objects.filter(pk__in=[w.pk for w in waiting]).order_by("pk")]
    assert statuses == [OFFERED] * 5 + [WAITING] * 5  # the first five in line, in order
    assert mails("Une place est libre pour vous") == sorted(f"attente{n}@exemple.fr" for n in range(5))


def test_a_place_freed_before_a_late_confirmation_goes_to_that_person_before_a_newcomer(site_root):
    occurrence = make_atelier(places=2).occurrences.get()
    first, _second = people(occurrence, ("annie", REGISTERED, True), ("bruno", REGISTERED, True))
    (late,) = people(occurrence, ("chloe", WAITING, False))
    occurrence.take_places(2)
    rules.cancel(first)  # no one confirmed is waiting: the place stays free
    late.refresh_from_db()
    assert late.status == WAITING

    assert rules.confirm_and_tell(late)
    newcomer = rules.register(occurrence, "Denis", "denis@exemple.fr", 1)

    late.refresh_from_db()
    assert late.status == OFFERED
    assert newcomer.status == WAITING
    assert mails("Une place est libre pour vous") == ["chloe@exemple.fr"]
    assert_places_are_people_holding_them(occurrence)


def test_housekeeping_offers_places_that_became_free_to_the_people_waiting(site_root):
    atelier = make_atelier(places=1)
    occurrence = atelier.occurrences.get()
    people(occurrence, ("annie", REGISTERED, True), ("bruno", WAITING, True))
    occurrence.take_places(1)
    atelier.places = 2  # the organiser found another computer
    atelier.save_revision().publish()

    assert rules.offer_all_freed_places() == 1

    assert Registration.objects.get(name="bruno").status == OFFERED
    assert_places_are_people_holding_them(occurrence)
    assert rules.offer_all_freed_places() == 0  # once


def test_confirm_pressed_twice_at_once_sends_one_mail(site_root):
    occurrence = make_atelier(places=5).occurrences.get()
    (annie,) = people(occurrence, ("annie", REGISTERED, False))
    occurrence.take_places(1)

    results = call_together(*[lambda: rules.confirm_and_tell(Registration.objects.get(pk=annie.pk))] * 2)

    assert sorted(results, key=str) == [False, True]
    assert mails("Votre place est réservée") == ["annie@exemple.fr"]


def test_i_take_the_place_pressed_twice_at_once_sends_one_mail(site_root):
    occurrence = make_atelier(places=5).occurrences.get()
    (annie,) = people(occurrence, ("annie", OFFERED, True))
    Registration.objects.filter(pk=annie.pk).update(offer_expires_at=timezone.now() + rules.OFFER_VALIDITY)
    occurrence.take_places(1)

    results = call_together(*[lambda: rules.claim_offer(Registration.objects.get(pk=annie.pk))] * 2)

    assert sorted(results, key=str) == [False, True]  # the second press: already hers, nothing refused
    assert Registration.objects.get(pk=annie.pk).status == REGISTERED
    assert mails("Votre place est réservée") == ["annie@exemple.fr"]
    assert_places_are_people_holding_them(occurrence)


def test_a_claimed_place_cannot_be_claimed_after_it_was_given_back(site_root):
    occurrence = make_atelier(places=5).occurrences.get()
    (annie,) = people(occurrence, ("annie", OFFERED, True))
    Registration.objects.filter(pk=annie.pk).update(offer_expires_at=timezone.now() - rules.OFFER_VALIDITY)
    annie.refresh_from_db()

    with pytest.raises(rules.RegistrationRefused, match="Le délai pour accepter cette place est passé"):
        rules.claim_offer(annie)
    rules.cancel(annie)
    with pytest.raises(rules.RegistrationRefused, match="Cette place n'est plus proposée"):
        rules.claim_offer(annie)


def test_a_mediator_registering_someone_twice_at_once_makes_one_registration(site_root):
    from django.contrib.auth import get_user_model

    occurrence = make_atelier(places=5, max_people_per_registration=3).occurrences.get()
    mediator = get_user_model().objects.create_user("mediatrice", email="mediatrice@exemple.fr")

    def press():
        return rules.register_someone(
            occurrence, mediator, "Émile", 3, phone="02 99 00 00 00", form_key="une-seule-fiche"
        ).pk

    results = call_together(press, press)

    assert results[0] == results[1]
    assert Registration.objects.filter(occurrence=occurrence).count() == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 3
