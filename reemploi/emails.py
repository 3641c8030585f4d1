"""The emails of réemploi, queued for the worker (core.mail): to the person who gives a
device or asks for one, a link to confirm their address (and, for a donation, where and
when to bring it); to the member, a word that a request came in (no personal data in it)."""

from django.utils.translation import gettext

from core import mail
from core.emails import Button, compose
from core.site import absolute_reverse


def send(to, template, subject, link=None, **context):
    """Queues one email, in text and large print; none to someone who gave no address (a request
    by phone). `link`: the link of a mail that asks to confirm, in its text and on its button
    (the page's own button: « Confirmer mon adresse »)."""
    to = [address for address in to if address]
    if to:
        action = Button(link, gettext("Confirmer mon adresse")) if link else None
        context = {**context, "link": link}
        mail.queue(compose(subject, f"reemploi/emails/{template}.txt", context, to, button=action))


def send_donation_confirmation(donation):
    link = absolute_reverse("reemploi_donation", donation.make_token())
    send(
        [donation.email],
        "donation",
        gettext("Votre don d'appareil\u00a0: confirmez"),
        donation=donation,
        link=link,
    )


def send_request_confirmation(device_request):
    link = absolute_reverse("reemploi_request", device_request.make_token())
    send(
        [device_request.email],
        "request",
        gettext("Votre demande d'ordinateur\u00a0: confirmez"),
        device_request=device_request,
        link=link,
    )
    if device_request.member.email:
        admin = absolute_reverse("reemploi_devicerequest_modeladmin_index")
        send([device_request.member.email], "request_member", gettext("Une demande d'ordinateur"), admin=admin)
