"""Demo content for the member pages of the espace numérique of the Pays de Redon.

Pure data, no Django import: a management command reads these structures to
create one page per member of the collective, with its demo editor account.

What each member does comes from the collective's own presentation sheet.
Addresses, phones, emails, websites, opening hours, closures, accessibility
details and editor names are placeholders, to be replaced by real values.
"""

# ---------------------------------------------------------------------------
# Les Mulots
# ---------------------------------------------------------------------------

LES_MULOTS = {
    "slug": "les-mulots",
    "title": "Les Mulots",
    "kind": "association",
    "summary": (
        "Des ateliers et des formations pour apprendre à se servir d'un ordinateur, d'une tablette, "
        "d'un téléphone et des logiciels, à votre rythme."
    ),
    "services": ["formation", "animation"],
    "body": [
        (
            "paragraph",
            "<h2>Apprendre le numérique, pas à pas</h2>"
            "<p>Les Mulots est une <b>association</b>. Elle vous apprend à utiliser les outils et les "
            "logiciels numériques.</p>"
            "<p>Vous débutez ? Vous avez peur de faire une bêtise ? C'est normal. Ici, on part de ce que "
            "vous savez déjà. On avance doucement, en petit groupe. Vous pouvez poser toutes vos "
            "questions, même plusieurs fois.</p>",
        ),
        (
            "cards",
            {
                "title": "Ce que vous pouvez apprendre",
                "intro": "Quelques exemples. Dites-nous ce dont vous avez besoin : nous adaptons l'atelier.",
                "cards": [
                    {
                        "title": "Les premiers pas",
                        "text": "<p>Allumer l'ordinateur, utiliser la souris et le clavier, "
                        "ranger ses fichiers et ses photos.</p>",
                    },
                    {
                        "title": "Internet et le courriel",
                        "text": "<p>Chercher une information, envoyer un message avec une pièce jointe, "
                        "faire une démarche en ligne.</p>",
                    },
                    {
                        "title": "Les logiciels du quotidien",
                        "text": "<p>Écrire une lettre, faire un tableau simple, retoucher une photo, "
                        "faire un appel vidéo avec ses proches.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Pour qui ?</h2>"
            "<p>Pour tout le monde : les personnes âgées, les personnes qui cherchent un emploi, les "
            "parents, les bénévoles d'associations. Pas besoin d'avoir un ordinateur : nous en prêtons "
            "pendant les ateliers. Si vous avez le vôtre, apportez-le.</p>"
            "<h2>Comment venir ?</h2>"
            "<p>Appelez-nous ou passez pendant les heures d'ouverture. Nous regardons ensemble "
            "l'atelier qui vous convient.</p>",
        ),
        (
            "callout",
            {
                "kind": "key",
                "title": "Combien ça coûte ?",
                "text": "<p>Il faut prendre l'<b>adhésion annuelle</b> à l'association. Son montant reste "
                "petit. Si c'est difficile pour vous, parlez-en avec nous : nous trouverons une solution.</p>",
            },
        ),
    ],
    "street_address": "7 rue des Douves",
    "address_complement": "Rez-de-chaussée, porte de gauche",
    "postal_code": "35600",
    "city": "Redon",
    "latitude": 47.6524,
    "longitude": -2.0851,
    "phone": "02 99 00 00 11",
    "email": "contact@lesmulots.example",
    "website": "https://lesmulots.example/",
    "accessibility": (
        "Salle de plain-pied, accès en fauteuil roulant par l'entrée principale. "
        "Toilettes adaptées. Grands écrans et claviers à grosses touches sur demande."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (1, "14:00", "17:30"),
        (2, "09:30", "12:00"),
        (2, "14:00", "17:30"),
        (3, "14:00", "17:30"),
        (5, "10:00", "12:00"),
    ],
    "closures": [
        ("2026-12-24", "2027-01-02", "Congés de fin d'année"),
        ("2027-07-26", "2027-08-22", "Vacances d'été"),
    ],
    "logo_color": "#1f5c3a",
    "username": "mulots",
    "editor_name": ("Gaëlle", "Morice"),
}

# ---------------------------------------------------------------------------
# Clic'n Puces
# ---------------------------------------------------------------------------

CLIC_N_PUCES = {
    "slug": "clic-n-puces",
    "title": "Clic'n Puces",
    "kind": "insertion",
    "summary": (
        "Des ordinateurs d'occasion remis à neuf et vendus à petit prix, par une entreprise "
        "d'insertion qui donne une deuxième vie au matériel."
    ),
    "services": ["materiel-reconditionne", "reemploi"],
    "body": [
        (
            "paragraph",
            "<h2>Un ordinateur à petit prix</h2>"
            "<p>Clic'n Puces récupère des ordinateurs dont les entreprises, les collectivités ou les "
            "particuliers ne veulent plus. L'équipe les nettoie, les répare et les teste. Puis elle "
            "les <b>revend à petit prix</b>.</p>"
            "<p>Vous repartez avec un appareil qui marche, prêt à servir. Et un ordinateur de moins "
            "part à la déchetterie.</p>",
        ),
        (
            "cards",
            {
                "title": "Ce que vous trouverez",
                "intro": "Le stock change souvent. Appelez-nous avant de venir si vous cherchez un appareil précis.",
                "cards": [
                    {
                        "title": "Ordinateurs",
                        "text": "<p>Ordinateurs de bureau et ordinateurs portables, vérifiés et prêts à l'emploi.</p>",
                    },
                    {
                        "title": "Écrans et accessoires",
                        "text": "<p>Écrans, claviers, souris, câbles : tout ce qu'il faut pour s'équiper.</p>",
                    },
                    {
                        "title": "Des conseils",
                        "text": "<p>Nous vous aidons à choisir un appareil adapté à ce que vous voulez "
                        "en faire. Pas besoin d'acheter plus que nécessaire.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Une entreprise d'insertion</h2>"
            "<p>Clic'n Puces est une <b>entreprise d'insertion</b>. Elle embauche des personnes qui ont "
            "du mal à trouver un emploi. Elles apprennent un métier en remettant le matériel en état. "
            "Elles sont accompagnées pour construire la suite de leur parcours.</p>"
            "<p>Acheter ici, c'est donc aider l'emploi près de chez vous.</p>",
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Vous avez du matériel à donner ?",
                "text": "<p>Particulier, association ou entreprise : vos anciens ordinateurs nous "
                "intéressent, même en panne. Appelez-nous avant de les apporter. "
                "Nous vous expliquons comment vos données sont effacées.</p>",
            },
        ),
    ],
    "street_address": "3 rue des Artisans",
    "address_complement": "Zone d'activités du Port",
    "postal_code": "44460",
    "city": "Saint-Nicolas-de-Redon",
    "latitude": 47.6441,
    "longitude": -2.0652,
    "phone": "02 99 00 00 12",
    "email": "contact@clicnpuces.example",
    "website": "https://clicnpuces.example/",
    "accessibility": (
        "Boutique de plain-pied, accès en fauteuil roulant par la grande porte. "
        "Place de stationnement réservée devant l'entrée."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (1, "09:30", "12:30"),
        (1, "14:00", "18:00"),
        (2, "09:30", "12:30"),
        (2, "14:00", "18:00"),
        (3, "09:30", "12:30"),
        (3, "14:00", "18:00"),
        (4, "09:30", "12:30"),
        (4, "14:00", "18:00"),
        (5, "09:30", "12:30"),
    ],
    "closures": [
        ("2027-08-02", "2027-08-20", "Fermeture d'été"),
    ],
    "logo_color": "#8a2b0e",
    "username": "clicnpuces",
    "editor_name": ("Sandrine", "Jouan"),
}

# ---------------------------------------------------------------------------
# Dépan'tek
# ---------------------------------------------------------------------------

DEPANTEK = {
    "slug": "depantek",
    "title": "Dépan'tek",
    "kind": "company",
    "summary": (
        "Votre ordinateur est lent, en panne ou plein de publicités ? Dépan'tek le répare et "
        "l'entretient, pour les particuliers et les petites structures."
    ),
    "services": ["depannage"],
    "body": [
        (
            "paragraph",
            "<h2>Dépannage et entretien informatique</h2>"
            "<p>Dépan'tek est une <b>entreprise</b> du Pays de Redon. Elle répare et entretient les "
            "ordinateurs.</p>"
            "<p>Nous vous expliquons la panne avec des mots simples. Nous vous disons ce qui vaut la "
            "peine d'être réparé, et ce qui ne le vaut pas.</p>",
        ),
        (
            "cards",
            {
                "title": "Ce que nous faisons",
                "intro": "",
                "cards": [
                    {
                        "title": "Réparer",
                        "text": "<p>L'ordinateur ne s'allume plus, l'écran est cassé, la batterie ne "
                        "tient plus : nous cherchons la panne et nous la réparons.</p>",
                    },
                    {
                        "title": "Remettre en forme",
                        "text": "<p>Un ordinateur trop lent ou rempli de publicités ? Nous le nettoyons "
                        "et nous retirons les virus.</p>",
                    },
                    {
                        "title": "Sauver vos fichiers",
                        "text": "<p>Photos, papiers, courriers : nous essayons de récupérer vos fichiers "
                        "et nous vous aidons à les sauvegarder.</p>",
                    },
                    {
                        "title": "Installer",
                        "text": "<p>Installer un nouvel ordinateur, une imprimante ou un réseau, et "
                        "l'entretenir ensuite.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Pour qui ?</h2>"
            "<h3>Les particuliers</h3>"
            "<p>Apportez votre appareil à l'atelier. Si vous ne pouvez pas vous déplacer, nous pouvons "
            "venir chez vous.</p>"
            "<h3>Les petites structures</h3>"
            "<p>Associations, artisans, commerces, petites entreprises : nous entretenons votre "
            "matériel et nous intervenons en cas de panne.</p>",
        ),
        (
            "callout",
            {
                "kind": "key",
                "title": "Les tarifs",
                "text": "<p>Les réparations se font <b>sur devis</b>. Vous savez combien vous allez payer "
                "avant que nous commencions. Vous êtes libre de refuser.</p>",
            },
        ),
    ],
    "street_address": "18 rue de Redon",
    "address_complement": "",
    "postal_code": "35600",
    "city": "Bains-sur-Oust",
    "latitude": 47.7036,
    "longitude": -2.0712,
    "phone": "02 99 00 00 13",
    "email": "contact@depantek.example",
    "website": "https://depantek.example/",
    "accessibility": (
        "Atelier de plain-pied avec une petite marche de 3 cm à l'entrée. "
        "Si besoin, sonnez : nous venons chercher votre appareil à la voiture."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (0, "14:00", "18:00"),
        (1, "09:00", "12:00"),
        (1, "14:00", "18:00"),
        (2, "09:00", "12:00"),
        (2, "14:00", "18:00"),
        (3, "09:00", "12:00"),
        (3, "14:00", "18:00"),
        (4, "09:00", "12:00"),
        (4, "14:00", "18:00"),
    ],
    "closures": [
        ("2026-12-24", "2027-01-01", "Congés de fin d'année"),
        ("2027-08-09", "2027-08-20", "Congés d'été"),
    ],
    "logo_color": "#1d3f72",
    "username": "depantek",
    "editor_name": ("Yann", "Guého"),
}

# ---------------------------------------------------------------------------
# La Ferme des Écotais
# ---------------------------------------------------------------------------

FERME_DES_ECOTAIS = {
    "slug": "la-ferme-des-ecotais",
    "title": "La Ferme des Écotais",
    "kind": "association",
    "summary": (
        "Des animations ludiques et scientifiques autour du numérique, pour les jeunes et les "
        "adultes : on joue, on essaie, on comprend."
    ),
    "services": ["animation"],
    "body": [
        (
            "paragraph",
            "<h2>Découvrir le numérique en s'amusant</h2>"
            "<p>La Ferme des Écotais est une <b>association</b>. Elle propose des animations "
            "<b>ludiques et scientifiques</b> sur le numérique.</p>"
            "<p>Ici, on ne reste pas assis devant un écran. On manipule, on fait des essais, on se "
            "trompe et on recommence. C'est comme ça qu'on comprend le mieux.</p>",
        ),
        (
            "cards",
            {
                "title": "Des exemples d'animations",
                "intro": "Les animations changent au fil de l'année. Voici quelques idées.",
                "cards": [
                    {
                        "title": "Programmer un petit robot",
                        "text": "<p>Donner des ordres à un robot pour le faire avancer, tourner, "
                        "sortir d'un labyrinthe.</p>",
                    },
                    {
                        "title": "Ouvrir un ordinateur",
                        "text": "<p>Voir ce qu'il y a dedans et comprendre à quoi sert chaque pièce.</p>",
                    },
                    {
                        "title": "Jeux et expériences",
                        "text": "<p>Des jeux de société et des petites expériences pour comprendre "
                        "comment circulent les informations sur Internet.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Pour qui ?</h2>"
            "<h3>Les jeunes</h3>"
            "<p>Enfants et adolescents viennent seuls ou en groupe : école, centre de loisirs, "
            "maison des jeunes.</p>"
            "<h3>Les adultes</h3>"
            "<p>Les adultes aussi ont le droit de jouer ! Certaines animations se font en famille, "
            "parents et enfants ensemble.</p>",
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Comment participer ?",
                "text": "<ul>"
                "<li><b>Seul ou en famille</b> : inscrivez-vous aux animations ouvertes. Il faut "
                "adhérer à l'association.</li>"
                "<li><b>Pour un groupe</b> : contactez-nous. Nous préparons l'animation avec vous, "
                "sur devis.</li>"
                "</ul>",
            },
        ),
    ],
    "street_address": "2 chemin des Prés",
    "address_complement": "",
    "postal_code": "56350",
    "city": "Allaire",
    "latitude": 47.6402,
    "longitude": -2.1587,
    "phone": "02 99 00 00 14",
    "email": "contact@ferme-des-ecotais.example",
    "website": "https://ferme-des-ecotais.example/",
    "accessibility": (
        "La salle d'animation est de plain-pied. La cour est en gravier : un chemin stabilisé "
        "mène du parking à l'entrée. Toilettes adaptées."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (2, "10:00", "12:00"),
        (2, "14:00", "18:00"),
        (5, "14:00", "18:00"),
    ],
    "closures": [
        ("2026-12-19", "2027-01-03", "Vacances de fin d'année"),
    ],
    "logo_color": "#5b3a1a",
    "username": "ecotais",
    "editor_name": ("Maëlle", "Rouxel"),
}

# ---------------------------------------------------------------------------
# Riwal Raude
# ---------------------------------------------------------------------------

RIWAL_RAUDE = {
    "slug": "riwal-raude",
    "title": "Riwal Raude",
    "kind": "project",
    "summary": (
        "Comprendre ce que deviennent vos données personnelles sur Internet, et apprendre des gestes "
        "simples pour mieux les protéger."
    ),
    "services": ["sensibilisation"],
    "body": [
        (
            "paragraph",
            "<h2>Protéger ses données personnelles</h2>"
            "<p>Riwal Raude est <b>porteur de projet</b>. Il aide chacun à protéger ses "
            "<b>données personnelles</b> sur Internet.</p>"
            "<p>Votre nom, votre adresse, vos photos, vos messages, les endroits où vous allez : ce "
            "sont des données personnelles. Des sites et des applications les collectent, souvent "
            "sans qu'on le sache. Riwal vous explique comment, pourquoi, et comment garder la main.</p>",
        ),
        (
            "cards",
            {
                "title": "Les sujets abordés",
                "intro": "Pas de jargon, pas de peur inutile : des explications claires et des gestes simples.",
                "cards": [
                    {
                        "title": "Les mots de passe",
                        "text": "<p>Choisir un bon mot de passe et s'en souvenir sans l'écrire partout.</p>",
                    },
                    {
                        "title": "Le téléphone",
                        "text": "<p>Savoir ce que vos applications ont le droit de voir, et changer ces réglages.</p>",
                    },
                    {
                        "title": "Les réseaux sociaux",
                        "text": "<p>Choisir qui voit ce que vous publiez.</p>",
                    },
                    {
                        "title": "Les arnaques",
                        "text": "<p>Reconnaître un faux message de la banque, de la poste ou d'un service public.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Comment ça se passe ?</h2>"
            "<p>Riwal n'a pas de local à lui. Il intervient à l'espace numérique et chez les "
            "partenaires du collectif. Il propose :</p>"
            "<ul>"
            "<li>des ateliers en petit groupe ;</li>"
            "<li>des rendez-vous individuels, pour regarder ensemble votre téléphone ou votre "
            "ordinateur ;</li>"
            "<li>des interventions pour les associations, les clubs et les structures qui le "
            "demandent.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "key",
                "title": "Sur rendez-vous",
                "text": "<p>Appelez ou écrivez pour prendre rendez-vous. Les ateliers de l'espace "
                "numérique sont annoncés sur ce site. Pour une intervention dans votre structure, "
                "c'est <b>sur devis</b>.</p>",
            },
        ),
    ],
    "street_address": "4 allée des Bidouilleurs",
    "address_complement": "Accueil à l'espace numérique du Pays de Redon, sur rendez-vous",
    "postal_code": "35600",
    "city": "Redon",
    "latitude": 47.6517,
    "longitude": -2.0838,
    "phone": "02 99 00 00 15",
    "email": "bonjour@riwal-raude.example",
    "website": "https://riwal-raude.example/",
    "accessibility": (
        "Riwal n'a pas de local à lui. Il vous reçoit à l'espace numérique ou dans les locaux des "
        "partenaires du collectif. Dites-lui vos besoins : il choisit un lieu accessible pour vous."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (3, "14:00", "17:00"),
    ],
    "closures": [
        ("2027-08-01", "2027-08-31", "Congés d'été"),
    ],
    "logo_color": "#4a2a6b",
    "username": "riwal",
    "editor_name": ("Riwal", "Raude"),
}

# ---------------------------------------------------------------------------
# La Vilaine Bidouille
# ---------------------------------------------------------------------------

LA_VILAINE_BIDOUILLE = {
    "slug": "la-vilaine-bidouille",
    "title": "La Vilaine Bidouille",
    "kind": "association",
    "summary": (
        "Le fablab du Pays de Redon : un atelier ouvert avec des machines pour fabriquer, réparer et "
        "apprendre ensemble, et des logiciels libres."
    ),
    "services": ["fabrication", "reemploi", "logiciels-libres"],
    "body": [
        (
            "paragraph",
            "<h2>Le fablab du Pays de Redon</h2>"
            "<p>La Vilaine Bidouille est une <b>association</b>. Elle fait vivre le <b>fablab</b> du "
            "Pays de Redon.</p>"
            "<p>Un fablab, c'est un atelier partagé. On y trouve des machines et des outils. Chacun "
            "peut venir fabriquer un objet, réparer ce qui est cassé ou simplement découvrir. "
            "On apprend les uns des autres.</p>",
        ),
        (
            "cards",
            {
                "title": "Ce que vous pouvez faire",
                "intro": "",
                "cards": [
                    {
                        "title": "Utiliser les machines",
                        "text": "<p>Par exemple une imprimante 3D, une découpeuse laser ou un fer à "
                        "souder. Un bénévole vous montre comment faire la première fois.</p>",
                    },
                    {
                        "title": "Venir aux sessions ouvertes",
                        "text": "<p>Pendant les heures d'ouverture, entrez sans rendez-vous. "
                        "Venez avec votre idée, ou juste avec votre curiosité.</p>",
                    },
                    {
                        "title": "Le Repair café",
                        "text": "<p>Un grille-pain, une lampe ou un ordinateur en panne ? Apportez-le. "
                        "Nous essayons de le réparer ensemble.</p>",
                    },
                    {
                        "title": "Les logiciels libres",
                        "text": "<p>Découvrir des logiciels gratuits et ouverts, et les installer sur "
                        "votre ordinateur si vous le souhaitez.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Pour qui ?</h2>"
            "<p>Pour tout le monde, dès l'adolescence. Pas besoin de savoir bricoler ou de connaître "
            "l'informatique. Les enfants sont les bienvenus avec un adulte.</p>",
        ),
        (
            "callout",
            {
                "kind": "key",
                "title": "Combien ça coûte ?",
                "text": "<ul>"
                "<li>Pour utiliser les machines : <b>adhésion annuelle</b> à l'association, et le prix "
                "des matériaux que vous utilisez.</li>"
                "<li>Le Repair café : <b>participation libre</b>.</li>"
                "<li>La première visite pour découvrir le lieu : <b>gratuit</b>.</li>"
                "</ul>",
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Votre sécurité",
                "text": "<p>Certaines machines chauffent ou coupent. Ne les utilisez jamais seul la "
                "première fois. Demandez toujours à un bénévole.</p>",
            },
        ),
    ],
    "street_address": "9 rue des Forges",
    "address_complement": "Au fond de la cour",
    "postal_code": "35600",
    "city": "Redon",
    "latitude": 47.6538,
    "longitude": -2.0872,
    "phone": "02 99 00 00 16",
    "email": "contact@vilainebidouille.example",
    "website": "https://vilainebidouille.example/",
    "accessibility": (
        "Atelier de plain-pied, accès en fauteuil roulant par la cour. Les allées entre les machines "
        "sont larges. Les toilettes ne sont pas encore adaptées."
    ),
    "acceslibre_url": "",
    "opening_hours": [
        (2, "14:00", "18:00"),
        (4, "18:00", "22:00"),
        (5, "10:00", "12:30"),
        (5, "14:00", "18:00"),
    ],
    "closures": [
        ("2026-12-23", "2027-01-04", "Fêtes de fin d'année"),
        ("2027-08-09", "2027-08-22", "Pause d'été"),
    ],
    "logo_color": "#0f5a66",
    "username": "vilainebidouille",
    "editor_name": ("Solène", "Bréhier"),
}

MEMBERS = [LES_MULOTS, CLIC_N_PUCES, DEPANTEK, FERME_DES_ECOTAIS, RIWAL_RAUDE, LA_VILAINE_BIDOUILLE]
