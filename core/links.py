"""Signed values for the links sent by email (no account is needed to use them):
a forged, altered or expired link reads as None."""

import datetime

from django.conf import settings
from django.core import signing


def sign(value, salt):
    return signing.dumps(value, salt=salt)


def unsign(token, salt, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired included
        return None


def unsign_personal(token, salt):
    """A link to one person's booking or registration: it opens for PERSONAL_LINK_DAYS after
    the mail that carried it was written (each mail signs anew), then never again."""
    return unsign(token, salt, max_age=datetime.timedelta(days=settings.PERSONAL_LINK_DAYS))
