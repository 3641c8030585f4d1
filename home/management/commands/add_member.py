import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.groups import ensure_coordination_group, setup_member
from home.models import HomePage, MemberIndexPage, MemberKind, MemberPage


class Command(BaseCommand):
    help = (
        "Adds a member of the collective in one step: its page (published), its group, its "
        "collection of images and documents, and optionally the account of its first editor."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help=_("Nom du membre, par exemple «\u00a0Les Mulots\u00a0»"))
        parser.add_argument("--kind", choices=MemberKind.values, default=MemberKind.ASSOCIATION)
        parser.add_argument("--summary", default="", help=_("Présentation en une phrase"))
        parser.add_argument("--username", help=_("Identifiant de la première personne qui rédige"))
        parser.add_argument("--email", default="", help=_("Son adresse électronique"))

    @transaction.atomic
    def handle(self, name, kind, summary, username, email, **options):
        index = MemberIndexPage.objects.first()
        if index is None:
            raise CommandError(_("Créez d'abord la page «\u00a0Le collectif\u00a0» (liste des membres)."))
        slug = slugify(name)
        if not slug or MemberPage.objects.filter(slug=slug).exists():
            raise CommandError(
                _("Un membre «\u00a0%(name)s\u00a0» existe déjà, ou ce nom ne peut pas servir d'adresse.")
                % {"name": name}
            )
        User = get_user_model()
        if username and User.objects.filter(username=username).exists():
            raise CommandError(_("L'identifiant «\u00a0%(username)s\u00a0» est déjà pris.") % {"username": username})

        ensure_coordination_group(HomePage.objects.get())
        page = MemberPage(title=name, slug=slug, kind=kind, summary=summary or name)
        index.add_child(instance=page)
        page.save_revision().publish()
        group, collection = setup_member(page)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Membre créé\u00a0: %(url)s (groupe «\u00a0%(group)s\u00a0», "
                    "collection «\u00a0%(collection)s\u00a0»)."
                )
                % {"url": page.url, "group": group.name, "collection": collection.name}
            )
        )

        if username:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username, email=email, password=password)
            user.groups.add(group)
            self.stdout.write(
                _("Compte créé\u00a0: %(username)s / %(password)s (à changer à la première connexion).")
                % {"username": username, "password": password}
            )
