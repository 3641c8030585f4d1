"""Signed values for the links sent by email (no account is needed to use them):
a forged, altered or expired link reads as None."""

from django.core import signing


def sign(value, salt):
    return signing.dumps(value, salt=salt)


def unsign(token, salt, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired included
        return None
