"""Who follows the ateliers by email, without an account, and which ateliers each
address has already been told about.

The links in the emails carry a token signed with core.links: the subscription's id
and a random key stored with it. Nothing else identifies the person, and the key
dies with the subscription (an unsubscribed address's old links lead nowhere)."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import links
from core.choices import Audience

LINK_SALT = "follow.subscription"


class Rhythm(models.TextChoices):
    EACH = "each", _("À chaque nouvel atelier")
    WEEKLY = "weekly", _("Une fois par semaine, le lundi matin")


def new_key():
    return get_random_string(24)


class Subscription(models.Model):
    """One address and what it wants to hear about; an empty choice means everything."""

    email = models.EmailField(_("adresse électronique"), max_length=254)
    rhythm = models.CharField(_("rythme"), max_length=10, choices=Rhythm.choices, default=Rhythm.WEEKLY)
    categories = models.ManyToManyField(
        "agenda.Category", verbose_name=_("catégories"), related_name="subscriptions", blank=True
    )
    # Values of core.choices.Audience; matched in Python, the lists are short.
    audiences = models.JSONField(_("publics"), default=list, blank=True)
    members = models.ManyToManyField(
        "home.MemberPage", verbose_name=_("membres"), related_name="subscriptions", blank=True
    )
    key = models.CharField(max_length=24, default=new_key, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)
    # The Monday of the last week whose summary was made for the address (sent, or nothing
    # to say): a week's summary is made once, on Monday or at the first run after it.
    digest_week = models.DateField(_("semaine du dernier résumé"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement aux ateliers")
        verbose_name_plural = _("abonnements aux ateliers")
        # One mailbox, one subscription: Follow@Example.org is follow@example.org.
        constraints = [models.UniqueConstraint(Lower("email"), name="one_subscription_per_address")]

    def __str__(self):
        # Not the address: Wagtail's history keeps this label after Coordination erases one.
        return gettext("abonnement n° %(number)s") % {"number": self.pk}

    def make_token(self):
        return links.sign({"id": self.pk, "key": self.key}, LINK_SALT)

    @classmethod
    def from_token(cls, token):
        """The subscription a link names, or None (forged, altered, or unsubscribed since)."""
        value = links.unsign(token, LINK_SALT)
        if not isinstance(value, dict):
            return None
        return cls.objects.filter(pk=value.get("id"), key=value.get("key")).first()

    @staticmethod
    def is_genuine(token):
        """Whether the site signed this token, whether or not its subscription still exists."""
        return isinstance(links.unsign(token, LINK_SALT), dict)

    def matches(self, atelier):
        """Whether an atelier is among the choices. A « tout public » atelier suits every audience."""
        if self.audiences and atelier.audience not in {*self.audiences, Audience.EVERYONE}:
            return False
        chosen = {category.pk for category in self.categories.all()}
        if chosen and not chosen & {category.pk for category in atelier.categories.all()}:
            return False
        members = {member.pk for member in self.members.all()}
        return not members or bool(members & {member.pk for member in atelier.organisers.all()})


def erase_subscription(subscription):
    """Erases an address with its choices and the record of what it was sent, whoever
    asks: the person (its link or its mail app's button) or Coordination for them."""
    subscription.delete()


class SentAtelier(models.Model):
    """An atelier already announced to an address: it never goes there twice."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent")
    atelier = models.ForeignKey("agenda.AtelierPage", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("atelier annoncé")
        verbose_name_plural = _("ateliers annoncés")
        constraints = [models.UniqueConstraint(fields=["subscription", "atelier"], name="one_announcement_per_address")]

    def __str__(self):
        return f"{self.atelier_id} → {self.subscription_id}"
