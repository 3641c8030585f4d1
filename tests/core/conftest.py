import socket
import threading

import pytest
from aiosmtpd.controller import Controller

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def free_port():
    """A port nothing listens on (connections to it are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """Collects what a local SMTP server receives."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        with self.lock:
            self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_settings(smtp_port, settings):
    """Real SMTP to 127.0.0.1:<smtp_port> (closed until `smtp_server` starts) and tasks
    stored in the database, as in production."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = "https://espace.example"
    return smtp_port


@pytest.fixture
def smtp_server(smtp_port):
    """Starts a local SMTP server on the port (call it); stopped after the test."""
    started = []

    def start():
        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        started.append(controller)
        return sink

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Writes whose transaction commits: the purge runs then, as on the site."""

    def write(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return write
