"""The follow emails, queued for the worker (core.mail), each in plain text and in
large print (core.emails). Every one carries the links « Modifier mes choix » and « Se désabonner »,
and the List-Unsubscribe headers of RFC 8058, so that a mail app's own button
unsubscribes in one step."""

from django.utils.translation import gettext

from core import mail
from core.emails import Button, compose
from core.site import absolute_reverse


def links(subscription):
    token = subscription.make_token()
    return {
        "confirm_url": absolute_reverse("follow_confirm", token),
        "manage_url": absolute_reverse("follow_manage", token),
        "unsubscribe_url": absolute_reverse("follow_unsubscribe", token),
        "one_click_url": absolute_reverse("follow_one_click", token),
    }


def send(subscription, template, subject, button=None, **context):
    """`button`: the words of the page's button, for the mail that asks to confirm."""
    context = {"subscription": subscription, "subject": subject, **links(subscription), **context}
    message = compose(
        subject,
        f"follow/emails/{template}.txt",
        context,
        [subscription.email],
        button=Button(context["confirm_url"], button) if button else None,
        html_template=f"follow/emails/{template}.html",
        headers={
            "List-Unsubscribe": f"<{context['one_click_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    mail.queue(message)


def send_confirmation_request(subscription):
    subject = gettext("Confirmez votre abonnement aux ateliers")
    send(subscription, "confirm", subject, button=gettext("Confirmer mon abonnement"))


def send_already_subscribed(subscription):
    send(subscription, "already", gettext("Votre abonnement aux ateliers"))


def send_new_ateliers(subscription, ateliers):
    subject = gettext("Un nouvel atelier") if len(ateliers) == 1 else gettext("De nouveaux ateliers")
    send(subscription, "new_ateliers", subject, ateliers=ateliers)


def send_digest(subscription, ateliers, sessions, last_day):
    subject = gettext("Les ateliers de la semaine")
    send(subscription, "digest", subject, ateliers=ateliers, sessions=sessions, last_day=last_day)
