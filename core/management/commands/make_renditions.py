from django.core.management.base import BaseCommand

from wagtail.models import Page

from core import renditions


class Command(BaseCommand):
    help = (
        "Prépare les images de toutes les pages publiées (les tailles et formats que leurs gabarits "
        "demandent), pour qu'aucun visiteur n'attende leur encodage\u00a0: après une restauration ou un "
        "déploiement qui change les gabarits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="confier le travail au worker (au démarrage du site)")

    def handle(self, *args, **options):
        if options["queue"]:
            count = renditions.queue_every_page()
            self.stdout.write(f"Préparation des images de {count} page(s) confiée au worker.")
        else:
            self.stdout.write(renditions.make_renditions(Page.objects.all()))
