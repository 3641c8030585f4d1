"""The compliance state the statement shows, from the criteria met (RGAA 4.1)."""

import pytest

from accessibility.rules import Compliance, compliance, criteria_met_percent


@pytest.mark.parametrize(
    ("met", "applicable", "percent", "state"),
    [
        (None, None, None, Compliance.NONE),  # no audit yet
        (None, 80, None, Compliance.NONE),
        (0, 80, 0, Compliance.NONE),
        (39, 80, 48, Compliance.NONE),
        (40, 80, 50, Compliance.PARTIAL),  # half of them: partially
        (79, 80, 98, Compliance.PARTIAL),
        (105, 106, 99, Compliance.PARTIAL),  # never rounded up to 100 % while one fails
        (80, 80, 100, Compliance.FULL),
    ],
)
def test_compliance_follows_the_rgaa_thresholds(met, applicable, percent, state):
    assert criteria_met_percent(met, applicable) == percent
    assert compliance(met, applicable) == state


def test_more_criteria_met_than_applicable_counts_as_all():
    assert criteria_met_percent(90, 80) == 100
    assert compliance(90, 80) == Compliance.FULL
