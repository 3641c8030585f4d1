# The demo with an empty agenda, as the agenda's own tests have it.
from tests.agenda.conftest import agenda  # noqa: F401
