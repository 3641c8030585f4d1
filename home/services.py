"""The shared list of services members offer, seeded by migration 0003 and
editable in the admin."""

DEFAULT_SERVICES = [
    ("materiel-reconditionne", "Vente de matériel reconditionné", "Ordinateurs et accessoires remis en état."),
    ("formation", "Formation aux outils numériques", "Apprendre à se servir d'un ordinateur, d'un téléphone."),
    ("animation", "Animation et ateliers ludiques", "Découvrir le numérique en s'amusant, jeunes et adultes."),
    ("depannage", "Dépannage et maintenance", "Réparer un ordinateur, le rendre plus rapide, sauver des fichiers."),
    ("sensibilisation", "Sensibilisation aux données personnelles", "Comprendre les risques, protéger sa vie privée."),
    ("fabrication", "Fabrication numérique", "Imprimante 3D, découpe laser et machines du fablab."),
    ("reemploi", "Réemploi et réparation", "Donner une deuxième vie au matériel plutôt que le jeter."),
    ("logiciels-libres", "Logiciels libres", "Découvrir et installer des logiciels libres."),
]


def ensure_services(service_model):
    """Creates the default services that are missing; takes the model so that the
    data migration can pass its historical one."""
    for slug, name, description in DEFAULT_SERVICES:
        service_model.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
