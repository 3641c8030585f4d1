"""Development settings: what `make run` uses. The only insecure values live here."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Mails are kept on disk and listed at /dev/courriels/, never sent.
EMAIL_BACKEND = "espace.mail.OutboxBackend"
EMAIL_OUTBOX_DIR = BASE_DIR / "var" / "courriels"

DEMO_CONTENT_ALLOWED = True

# Static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
