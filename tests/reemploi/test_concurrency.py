"""Two people move the same donation on at the same moment: threads released together at a
barrier, on SQLite (a file) and PostgreSQL; one step is recorded, the others are told."""

import threading

from django.db import connection

import pytest

from reemploi import rules
from tests.reemploi.conftest import donation

ATTEMPTS = 8


@pytest.mark.django_db(transaction=True)
def test_one_of_several_simultaneous_steps_wins(committed_demo):
    made = donation()
    barrier = threading.Barrier(ATTEMPTS)
    outcomes = []

    def attempt(target, reason):
        barrier.wait()
        try:
            outcomes.append(rules.change_status(made, "promis", target, reason))
        except rules.StepRefused:
            outcomes.append("refusé")
        finally:
            connection.close()

    targets = [("recu", "") if n % 2 else ("recycle", "Écran cassé") for n in range(ATTEMPTS)]
    threads = [threading.Thread(target=attempt, args=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    made.refresh_from_db()
    assert outcomes.count("refusé") == ATTEMPTS - 1
    (won,) = [outcome for outcome in outcomes if outcome != "refusé"]
    assert made.status == won
    assert made.recycled_reason == ("Écran cassé" if won == "recycle" else "")
