"""The public pages of the ateliers by email: the form, and the pages the links of the
emails lead to. Those carry a signed token: one person's own pages, never kept by the
page cache or the browser (never_cache). Opening a link changes nothing; the buttons
POST (mail scanners open links)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.ratelimit import RateLimit
from follow import emails
from follow.forms import ChoicesForm, SubscriptionForm
from follow.models import Subscription, erase_subscription

SUBSCRIBE_LIMIT = RateLimit("follow-subscribe", "FOLLOW_REQUESTS_PER_HOUR")
ONE_CLICK_BODY = "One-Click"


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscriptionForm(request.POST or None)
    refusal = None
    if request.method == "POST":
        if SUBSCRIBE_LIMIT.exceeded(request):
            refusal = gettext("Trop de demandes depuis votre connexion. Réessayez dans une heure, ou appelez-nous.")
        else:
            SUBSCRIBE_LIMIT.record(request, accepted=form.is_valid())
            if form.is_valid():
                store(form)
                # The same answer whether the address was known or not.
                return TemplateResponse(request, "follow/subscribed.html", {"email": form.cleaned_data["email"]})
    status = 429 if refusal else 400 if form.errors else 200
    context = {"form": form, "refusal": refusal, "unconfirmed_days": settings.FOLLOW_UNCONFIRMED_DAYS}
    return TemplateResponse(request, "follow/subscribe.html", context, status=status)


def store(form):
    """A new address is kept unconfirmed and asked to confirm; a known one is sent the link
    to its choices (a confirmed address keeps them: only its owner changes them). The same
    address sent several times at once makes one subscription (the database's unique rule
    on the address without case decides), and one mail."""
    email = form.cleaned_data["email"]
    try:
        with transaction.atomic():
            known = Subscription.objects.select_for_update().filter(email__iexact=email).first()
            if known and known.confirmed_at:
                emails.send_already_subscribed(known)
                return
            subscription = form.save_to(known or Subscription(email=email))
            emails.send_confirmation_request(subscription)
    except IntegrityError:
        # Another request stored this address meanwhile: it asks for the confirmation.
        return


def bad_link(request):
    context = {"back_url": reverse("follow_subscribe"), "back_label": gettext("S'abonner à nouveau")}
    return TemplateResponse(request, "pages/bad_link.html", context, status=400)


def with_subscription(view):
    """A page of one subscription's link: the subscription its token names, or the bad
    link page; never cached; GET shows, POST acts."""

    @never_cache
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def wrapped(request, token):
        subscription = Subscription.from_token(token)
        if subscription is None:
            return bad_link(request)
        return view(request, subscription, token)

    return wrapped


@with_subscription
def confirm(request, subscription, token):
    if request.method == "POST":
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
        return redirect(request.path)
    context = {"subscription": subscription, "manage_url": reverse("follow_manage", args=[token]), "token": token}
    return TemplateResponse(request, "follow/confirm.html", context)


@with_subscription
def manage(request, subscription, token):
    if request.method == "POST":
        form = ChoicesForm(request.POST)
        if form.is_valid():
            form.save_to(subscription)
            messages.success(request, gettext("Vos choix sont enregistrés."))
            return redirect(request.path)
    else:
        form = ChoicesForm(initial=ChoicesForm.initial_for(subscription))
    context = {
        "form": form,
        "subscription": subscription,
        "unsubscribe_url": reverse("follow_unsubscribe", args=[token]),
    }
    return TemplateResponse(request, "follow/manage.html", context, status=400 if form.errors else 200)


@with_subscription
def unsubscribe(request, subscription, token):
    if request.method == "POST":
        erase_subscription(subscription)
        return TemplateResponse(request, "follow/unsubscribed.html")
    context = {"subscription": subscription, "manage_url": reverse("follow_manage", args=[token])}
    return TemplateResponse(request, "follow/unsubscribe.html", context)


@csrf_exempt  # RFC 8058: the mail app posts without a form; the signed token is the proof.
@never_cache
@require_http_methods(["GET", "POST"])
def one_click(request, token):
    """The List-Unsubscribe address. A mail app POSTs « List-Unsubscribe=One-Click » to it;
    a person who opens it is shown the page with the button."""
    if request.method == "GET":
        return redirect("follow_unsubscribe", token)
    if request.POST.get("List-Unsubscribe") != ONE_CLICK_BODY:
        return HttpResponseBadRequest(gettext("Demande de désabonnement incomplète."), content_type="text/plain")
    if not Subscription.is_genuine(token):
        return HttpResponseBadRequest(gettext("Ce lien n'est pas valable."), content_type="text/plain")
    subscription = Subscription.from_token(token)
    if subscription is not None:  # else gone already (a second press): the same answer
        erase_subscription(subscription)
    return HttpResponse(gettext("Vous êtes désabonné."), content_type="text/plain; charset=utf-8")
