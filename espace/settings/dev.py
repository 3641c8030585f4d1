"""Development settings: what `make run` uses. The only insecure values live here."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# `make run` passes http://127.0.0.1:$PORT, so that every link in the outbox opens.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Mails are kept on disk and listed at /dev/courriels/, never sent; no worker is
# needed: tasks run at once.
EMAIL_BACKEND = "espace.outbox.OutboxBackend"
EMAIL_OUTBOX_DIR = Path(os.environ.get("EMAIL_OUTBOX_DIR") or BASE_DIR / "var" / "courriels")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Run at once, the renders would make the editor's publish (and `load_demo`) wait for the encoding.
RENDITIONS_AFTER_PUBLISH = False

DEMO_CONTENT_ALLOWED = True
# A changed template shows at once; PAGE_CACHE_SECONDS=30 tries the page cache locally.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

# Static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo accounts log in with a password only; ADMIN_2FA_REQUIRED=true tries the codes.
WAGTAIL_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
