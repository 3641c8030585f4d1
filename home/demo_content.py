"""Demo content for the site of the espace numérique of the Pays de Redon.

Pure data, no Django import: a management command reads these structures to
fill the site settings, the home page and the first standard pages.

Facts come from the collective's own presentation sheet. The address, phone,
email, opening hours and host are placeholders, to be replaced by real values.
"""

CONTACT_EMAIL = "contact@espace-numerique-redon.example"
CONTACT_MAILTO = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'

# ---------------------------------------------------------------------------
# Site settings
# ---------------------------------------------------------------------------

SETTINGS = {
    "place_name": "Espace numérique du Pays de Redon",
    "street_address": "4 allée des Bidouilleurs",  # made up, like every fact of the demo (README)
    "postal_code": "35600",
    "city": "Redon",
    "email": CONTACT_EMAIL,
    "phone": "02 99 00 00 00",
    "opening_hours": (
        "Mardi : 14 h – 18 h\nMercredi : 10 h – 12 h et 14 h – 18 h\nVendredi : 14 h – 18 h\nSamedi : 10 h – 12 h"
    ),
    "social_links": [
        ("link", {"name": "Mastodon", "url": "https://mastodon.example/@espacenumeriqueredon"}),
        ("link", {"name": "PeerTube", "url": "https://videos.example/c/espacenumeriqueredon"}),
    ],
}

# ---------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------

HOME = {
    "title": "Accueil",
    "intro": (
        "L'espace numérique du Pays de Redon est un lieu ouvert à toutes et à tous. "
        "Vous pouvez y apprendre à vous servir d'un ordinateur, faire réparer votre matériel, "
        "trouver un ordinateur d'occasion ou simplement poser vos questions. "
        "Ici, on prend le temps. Personne n'est jugé."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Qui sommes-nous ?</h2>"
            "<p>Nous sommes un <b>collectif</b>. Depuis 2017, des associations et des entreprises "
            "du Pays de Redon travaillent ensemble.</p>"
            "<p>Elles viennent du numérique et de l'<b>économie sociale et solidaire</b> (ESS). "
            "Leur but commun : que chacun puisse utiliser le numérique sans difficulté et sans danger.</p>",
        ),
        (
            "cards",
            {
                "title": "Nos enjeux",
                "intro": (
                    "Le numérique touche tout le monde : les habitants, les entreprises, les services publics. "
                    "Il apporte des chances, mais aussi des risques. Voici ce qui compte pour nous."
                ),
                "cards": [
                    {
                        "title": "Social",
                        "text": "<ul>"
                        "<li>Réduire la fracture numérique.</li>"
                        "<li>Rendre le matériel informatique accessible à tous les budgets.</li>"
                        "<li>Aider chacun à mieux comprendre les usages du numérique.</li>"
                        "</ul>",
                    },
                    {
                        "title": "Environnemental",
                        "text": "<ul>"
                        "<li>Mieux utiliser les outils numériques, sans gaspiller.</li>"
                        "<li>Donner une deuxième vie aux ordinateurs.</li>"
                        "</ul>",
                    },
                    {
                        "title": "Économique",
                        "text": "<ul>"
                        "<li>Partager des outils, des logiciels et des savoir-faire entre les structures du "
                        "territoire.</li>"
                        "<li>Aider les porteurs de projet à utiliser le numérique pour créer leur activité.</li>"
                        "</ul>",
                    },
                    {
                        "title": "Gouvernance",
                        "text": "<ul>"
                        "<li>Que tous les acteurs concernés aient leur mot à dire sur les choix du numérique.</li>"
                        "<li>Comprendre à quoi servent les outils, pour en reprendre la maîtrise.</li>"
                        "</ul>",
                    },
                    {
                        "title": "Culturel",
                        "text": "<ul>"
                        "<li>Faire grandir une culture du numérique, ici au Pays de Redon et partout.</li>"
                        "</ul>",
                    },
                    {
                        "title": "Éducatif",
                        "text": "<ul>"
                        "<li>Apprendre ensemble, les uns des autres.</li>"
                        "<li>Suivre l'esprit de l'éducation populaire.</li>"
                        "</ul>",
                    },
                ],
            },
        ),
        (
            "cards",
            {
                "title": "Nos objectifs",
                "intro": "",
                "cards": [
                    {
                        "title": "Un service de proximité",
                        "text": "<p>Proposer près de chez vous des services qui suivent l'évolution du numérique "
                        "et répondent à vos besoins : vente, formation, animation, dépannage. "
                        "Et faire connaître le savoir-faire des petites entreprises et des structures "
                        "de l'ESS du territoire.</p>",
                    },
                    {
                        "title": "Un espace numérique à Redon",
                        "text": "<p>Un lieu ressource pour tous les habitants et les acteurs du Pays de Redon. "
                        "On peut y apprendre, fabriquer, partager des outils, se faire accompagner "
                        "et lancer une activité.</p>",
                    },
                ],
            },
        ),
        (
            "key_figures",
            {
                "title": "La BooTIC en chiffres",
                "intro": "La BooTIC, notre premier projet commun, a eu lieu en novembre 2017 à Redon.",
                "figures": [
                    {"value": "9", "label": "partenaires : 6 acteurs du numérique et 3 partenaires facilitateurs"},
                    {"value": "14", "label": "jours d'ouverture"},
                    {"value": "261", "label": "visiteurs accueillis"},
                    {"value": "environ 50", "label": "personnes venues au Repair café"},
                    {"value": "17", "label": "ordinateurs reconditionnés redistribués"},
                    {"value": "2 800 €", "label": "de chiffre d'affaires pour Clic'n Puces, entreprise d'insertion"},
                ],
            },
        ),
        ("listing", {"source": "guides", "title": "Derniers guides", "count": 3}),
        ("listing", {"source": "members", "title": "Les membres du collectif", "count": 6}),
        ("button", {"text": "Découvrir le projet du collectif", "page": None, "url": "/le-projet/"}),
    ],
}

# ---------------------------------------------------------------------------
# Standard pages
# ---------------------------------------------------------------------------

PROJECT_PAGE = {
    "slug": "le-projet",
    "title": "Le projet",
    "show_in_menus": True,
    "intro": (
        "Depuis 2017, des acteurs du numérique et de l'économie sociale et solidaire du Pays de Redon "
        "travaillent ensemble. Leur projet : un espace numérique à Redon, ouvert à toutes et à tous. "
        "Voici pourquoi, et comment."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Pourquoi ce projet ?</h2>"
            "<p>Aujourd'hui, le numérique est partout. Il touche tous les âges, la vie privée comme la vie "
            "publique. Il concerne les entreprises, les services publics et chaque habitant. "
            "C'est devenu une question d'intérêt général.</p>"
            "<p>Le numérique offre de vraies chances : trouver un emploi, créer une activité, garder le "
            "lien avec ses proches. Mais il comporte aussi des risques :</p>"
            "<ul>"
            "<li>des liens de solidarité qui se défont ;</li>"
            "<li>des droits plus difficiles à faire valoir quand tout se fait en ligne ;</li>"
            "<li>le repli sur soi devant les écrans ;</li>"
            "<li>des troubles chez les enfants, mais aussi chez les adultes.</li>"
            "</ul>"
            "<p>De grandes entreprises internationales commencent à proposer elles-mêmes de l'aide au "
            "numérique, par exemple Google à Rennes. Les acteurs locaux du Pays de Redon ont choisi "
            "une autre voie : chercher ensemble des solutions, au plus près des habitants.</p>",
        ),
        (
            "paragraph",
            "<h2>Nos enjeux en détail</h2>"
            "<h3>Social</h3>"
            "<p>Personne ne doit rester à l'écart du numérique. Nous voulons réduire la fracture "
            "numérique, proposer du matériel à petit prix et expliquer les bons usages.</p>"
            "<h3>Environnemental</h3>"
            "<p>Un ordinateur qui fonctionne encore ne doit pas finir à la déchetterie. "
            "Nous favorisons le réemploi et un usage raisonnable des outils numériques.</p>"
            "<h3>Économique</h3>"
            "<p>Les structures du territoire gagnent à partager leurs outils, leurs logiciels et leurs "
            "pratiques. Nous aidons aussi les porteurs de projet à s'équiper pour créer leur activité.</p>"
            "<h3>Gouvernance</h3>"
            "<p>Les décisions sur le numérique doivent associer tous les acteurs concernés. "
            "Comprendre le sens des outils, c'est pouvoir choisir au lieu de subir.</p>"
            "<h3>Culturel</h3>"
            "<p>Nous voulons faire vivre une culture numérique sur notre territoire, et au-delà.</p>"
            "<h3>Éducatif</h3>"
            "<p>Nous croyons à l'éducation populaire : on apprend mieux ensemble, chacun avec ce qu'il "
            "sait déjà.</p>",
        ),
        (
            "callout",
            {
                "kind": "key",
                "title": "Une action collective d'intérêt général",
                "text": "<p>Avec le soutien des collectivités, une action collective permet de repérer les "
                "besoins de chacun. Elle permet aussi de proposer des solutions <b>accessibles à toute "
                "la population</b>.</p>",
            },
        ),
        (
            "paragraph",
            "<h2>Nos objectifs</h2>"
            "<ol>"
            "<li><b>Créer un service de proximité.</b> Il doit suivre l'évolution des pratiques "
            "numériques et répondre aux attentes des habitants. Il met en valeur le savoir-faire des "
            "petites entreprises du numérique et des structures de l'ESS : vente, formation, animation, "
            "maintenance. Il les aide aussi à se moderniser et à se développer.</li>"
            "<li><b>Construire un espace numérique à Redon.</b> Un lieu ressource pour développer les "
            "usages du numérique auprès de tous les acteurs et actrices du Pays de Redon. "
            "Un lieu pour partager des outils, créer des activités, fabriquer, et accompagner "
            "tous les publics.</li>"
            "</ol>",
        ),
        (
            "paragraph",
            "<h2>La BooTIC, notre première expérience</h2>"
            "<p>En novembre 2017, le collectif a organisé <b>la BooTIC</b> à Redon. Pendant 14 jours "
            "d'ouverture, elle a proposé des services et des ateliers complémentaires, sur tous les "
            "aspects du numérique :</p>"
            "<ul>"
            "<li>présentation de matériel informatique reconditionné ;</li>"
            "<li>utilisation des logiciels ;</li>"
            "<li>installation de réseaux ;</li>"
            "<li>usage des données personnelles ;</li>"
            "<li>découverte des logiciels libres ;</li>"
            "<li>un Repair café pour réparer ensemble.</li>"
            "</ul>"
            "<p>La BooTIC a aussi rendu visible l'offre des acteurs du numérique de l'ESS du Pays de "
            "Redon. Un site Internet a été créé pour l'occasion. L'accueil fonctionnait avec une "
            "participation libre, qui a rapporté environ 50 €.</p>",
        ),
        (
            "key_figures",
            {
                "title": "Le bilan de la BooTIC",
                "intro": "Novembre 2017, à Redon.",
                "figures": [
                    {"value": "9", "label": "partenaires, dont 6 acteurs et 3 partenaires facilitateurs"},
                    {"value": "14", "label": "jours d'ouverture"},
                    {"value": "261", "label": "visiteurs"},
                    {"value": "environ 50", "label": "visiteurs au Repair café"},
                    {"value": "17", "label": "ordinateurs redistribués"},
                    {"value": "2 800 €", "label": "de chiffre d'affaires pour Clic'n Puces"},
                ],
            },
        ),
        (
            "paragraph",
            "<h3>Ce que la BooTIC nous a appris</h3>"
            "<p>Les habitants ont besoin qu'on leur parle des chances et des risques du numérique. "
            "Et pour y répondre, les associations, les entreprises et les collectivités locales "
            "doivent construire les projets <b>ensemble</b>.</p>",
        ),
        (
            "cards",
            {
                "title": "Les actions du collectif",
                "intro": "",
                "cards": [
                    {
                        "title": "Coordination",
                        "text": "<p>Les membres échangent des informations et partagent leurs pratiques.</p>",
                    },
                    {
                        "title": "Co-organisation d'événements",
                        "text": "<p>Dans la suite de la BooTIC, nous organisons ensemble des ateliers pour le "
                        "public. Nous cherchons des partenaires et des locaux pour renouveler l'expérience, "
                        "auprès des habitants.</p>",
                    },
                    {
                        "title": "Communication et rencontre des collectivités",
                        "text": "<p>Nous faisons connaître le projet et nous rencontrons les collectivités "
                        "du territoire pour avancer avec elles.</p>",
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<h2>Les membres du collectif</h2>"
            "<p>Le collectif réunit aujourd'hui six membres :</p>"
            "<ul>"
            "<li><b>l'association Les Mulots</b> : elle forme à l'utilisation des outils et des "
            "logiciels numériques ;</li>"
            "<li><b>l'entreprise d'insertion Clic'n Puces</b> : elle remet en état du matériel "
            "informatique et le revend à petit prix ;</li>"
            "<li><b>l'entreprise Dépan'tek</b> : elle dépanne et entretient les ordinateurs ;</li>"
            "<li><b>l'association la Ferme des Écotais</b> : elle anime des activités ludiques et "
            "scientifiques autour du numérique, pour les jeunes et les adultes ;</li>"
            "<li><b>Riwal Raude, porteur de projet</b> : il explique comment protéger ses données "
            "personnelles ;</li>"
            "<li><b>l'association La Vilaine Bidouille, fablab du Pays de Redon</b> : c'est un atelier "
            "ouvert où l'on fabrique, répare et invente ensemble.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Vous voulez nous aider ?",
                "text": "<p>Nous cherchons des partenaires et des locaux pour proposer de nouveaux ateliers. "
                f"Écrivez-nous : {CONTACT_MAILTO}.</p>",
            },
        ),
    ],
}

LEGAL_PAGE = {
    "slug": "mentions-legales",
    "title": "Mentions légales",
    "show_in_menus": False,
    "intro": (
        "Qui publie ce site, qui l'héberge, et ce que vous pouvez faire de son contenu. "
        "Les informations marquées « à compléter » seront précisées par le collectif."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Éditeur du site</h2>"
            "<p>Ce site est publié par le <b>collectif de l'espace numérique du Pays de Redon</b>, "
            "qui réunit des associations et des entreprises du numérique et de l'économie sociale "
            "et solidaire.</p>"
            "<ul>"
            "<li>Structure porteuse : association membre du collectif (nom et numéro RNA à compléter)</li>"
            "<li>Adresse : 4 allée des Bidouilleurs, 35600 Redon</li>"
            "<li>Téléphone : 02 99 00 00 00</li>"
            f"<li>Adresse électronique : {CONTACT_MAILTO}</li>"
            "</ul>"
            "<p><b>Directeur ou directrice de la publication :</b> la personne coordinatrice du "
            "collectif (nom à compléter).</p>",
        ),
        (
            "paragraph",
            "<h2>Hébergement</h2>"
            "<p>Le site est hébergé dans l'Union européenne par :</p>"
            "<ul>"
            "<li>Nom de l'hébergeur : à compléter</li>"
            "<li>Adresse : à compléter</li>"
            "<li>Téléphone : à compléter</li>"
            "</ul>",
        ),
        (
            "paragraph",
            "<h2>Propriété intellectuelle</h2>"
            "<p>Sauf mention contraire, les textes de ce site sont publiés sous la licence "
            '<a href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr">Creative Commons '
            "Attribution – Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0)</a>.</p>"
            "<p>Vous pouvez donc les copier, les partager et les modifier, même pour un usage "
            "commercial, à deux conditions :</p>"
            "<ul>"
            "<li>citer la source (« Espace numérique du Pays de Redon ») et la licence ;</li>"
            "<li>partager vos modifications sous la même licence.</li>"
            "</ul>"
            "<p>Les photos, les logos et les documents des membres restent la propriété de leurs "
            "auteurs. Leur licence est indiquée à côté de chacun quand elle est différente. "
            "Demandez-nous avant de les réutiliser.</p>",
        ),
        (
            "paragraph",
            "<h2>Liens vers d'autres sites</h2>"
            "<p>Ce site contient des liens vers d'autres sites, par exemple ceux des membres du "
            "collectif. Nous ne contrôlons pas leur contenu et nous n'en sommes pas responsables.</p>"
            "<p>Vous pouvez faire un lien vers ce site sans nous demander l'autorisation. "
            "Merci simplement de ne pas faire croire que le contenu vient d'un autre site.</p>",
        ),
        (
            "paragraph",
            "<h2>Cookies</h2>"
            "<p>Ce site n'utilise <b>aucun cookie de mesure d'audience, de publicité ou de réseau "
            "social</b>. Il n'utilise que des cookies techniques, indispensables à son "
            "fonctionnement :</p>"
            "<ul>"
            "<li>un cookie de sécurité quand vous envoyez un formulaire ;</li>"
            "<li>un cookie de session pour les personnes qui modifient le site, une fois connectées.</li>"
            "</ul>"
            "<p>Ces cookies ne demandent pas votre accord. Pour en savoir plus, lisez la page "
            '<a href="/donnees-personnelles/">Données personnelles</a>.</p>',
        ),
        (
            "paragraph",
            "<h2>Crédits</h2>"
            "<p>Ce site a été construit avec des logiciels libres, notamment "
            '<a href="https://wagtail.org/">Wagtail</a> et '
            '<a href="https://www.djangoproject.com/">Django</a>. '
            "Merci à celles et ceux qui les font vivre.</p>"
            "<p>Textes : les membres du collectif.</p>",
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Une erreur sur cette page ?",
                "text": f"<p>Signalez-la-nous par courriel : {CONTACT_MAILTO}. Nous la corrigerons.</p>",
            },
        ),
    ],
}

PRIVACY_PAGE = {
    "slug": "donnees-personnelles",
    "title": "Données personnelles",
    "show_in_menus": False,
    "intro": (
        "Ce site ne vous suit pas. Il ne mesure pas votre visite, n'affiche pas de publicité et ne "
        "charge rien depuis d'autres sites. Nous ne gardons que ce que vous nous donnez dans un "
        "formulaire, le temps nécessaire. Voici le détail."
    ),
    "body": [
        (
            "callout",
            {
                "kind": "key",
                "title": "En bref",
                "text": "<ul>"
                "<li>Pas de suivi, pas de mesure d'audience, pas de publicité.</li>"
                "<li>Aucune ressource chargée depuis un autre site (pas de Google, pas de Facebook).</li>"
                "<li>Vos données restent dans l'Union européenne. Elles ne sont jamais vendues.</li>"
                "<li>Elles sont effacées dès qu'elles ne servent plus.</li>"
                "</ul>",
            },
        ),
        (
            "paragraph",
            "<h2>Qui est responsable de vos données ?</h2>"
            "<p>Le responsable du traitement est le collectif de l'espace numérique du Pays de Redon "
            "(4 allée des Bidouilleurs, 35600 Redon). Pour toute question sur vos données, écrivez à "
            f"{CONTACT_MAILTO}.</p>",
        ),
        (
            "paragraph",
            "<h2>Ce que le site ne fait pas</h2>"
            "<ul>"
            "<li>Il ne contient <b>aucun outil de mesure d'audience</b> ni de statistiques de visite.</li>"
            "<li>Il n'affiche <b>aucune publicité</b>.</li>"
            "<li>Il ne charge <b>aucune ressource d'un autre site</b> : ni police de caractères, ni vidéo, "
            "ni carte, ni bouton de réseau social. Aucune autre entreprise n'apprend donc que vous "
            "êtes venu.</li>"
            "<li>Il ne crée pas de profil de vous.</li>"
            "</ul>",
        ),
        (
            "paragraph",
            "<h2>Les cookies</h2>"
            "<p>Le site dépose seulement deux cookies techniques :</p>"
            "<ul>"
            "<li><b>un cookie de sécurité</b> (appelé « CSRF ») quand vous remplissez un formulaire. "
            "Il empêche un autre site d'envoyer un formulaire à votre place ;</li>"
            "<li><b>un cookie de session</b>, seulement pour les personnes qui modifient le site. "
            "Il les garde connectées. Les visiteurs ne le reçoivent pas.</li>"
            "</ul>"
            "<p>Ces cookies sont indispensables au fonctionnement du site. La loi ne demande donc pas "
            "votre accord pour eux. C'est pourquoi vous ne voyez pas de bandeau « cookies ».</p>",
        ),
        (
            "paragraph",
            "<h2>L'inscription à un atelier</h2>"
            "<p><b>Ce que nous demandons :</b> votre nom, votre adresse électronique, le nombre de "
            "personnes inscrites et, si vous le souhaitez, un message.</p>"
            "<p><b>Pourquoi :</b> pour prévoir les places, vous prévenir si l'atelier change ou est "
            "annulé, et préparer l'atelier selon vos besoins.</p>"
            "<p><b>Sur quelle base :</b> votre demande d'inscription (article 6.1.b du RGPD : mesures "
            "prises à votre demande).</p>"
            "<p><b>Qui les voit :</b> le membre du collectif qui organise l'atelier et la coordination "
            "du collectif. Personne d'autre.</p>"
            "<p><b>Combien de temps :</b> votre inscription est effacée <b>30 jours après l'atelier</b>.</p>",
        ),
        (
            "paragraph",
            "<h2>La réservation d'une salle</h2>"
            "<p><b>Ce que nous demandons :</b> votre nom, votre adresse électronique, l'objet de la "
            "réservation, le nombre de personnes et vos réponses aux questions de la salle (par "
            "exemple : « Avez-vous besoin du vidéoprojecteur ? »). Votre téléphone et le nom de votre "
            "structure sont facultatifs.</p>"
            "<p><b>Pourquoi :</b> pour gérer votre réservation (la confirmer, vous prévenir d'un "
            "changement) et pour vous ouvrir la salle le jour venu.</p>"
            "<p><b>Sur quelle base :</b> votre demande de réservation (article 6.1.b du RGPD).</p>"
            "<p><b>Qui les voit :</b> la coordination du collectif et la personne de l'équipe qui vous "
            "ouvre la salle. Personne d'autre. Votre nom n'est <b>jamais affiché sur le site</b> : le "
            "planning public indique seulement « Réservé ».</p>"
            "<p><b>Combien de temps :</b> vos données personnelles sont effacées <b>90 jours après la "
            "date de la réservation</b>. Nous gardons seulement des statistiques anonymes : la salle, "
            "la date et la durée. Elles ne permettent pas de savoir qui est venu.</p>"
            "<p><b>Retrouver ou annuler vos réservations :</b> sur la page "
            '<a href="/reserver/">Réserver une salle</a>, cliquez sur « Mes réservations » et donnez '
            "votre adresse électronique. Vous recevez un lien, valable 24 heures, vers la liste de vos "
            "réservations. Chaque réservation y mène à une page avec le bouton « Annuler ma réservation » ; "
            "le lien de chaque courriel que nous vous envoyons aussi. Annuler libère le créneau pour "
            "d'autres. Vous avez réservé sans adresse électronique ? Appelez-nous ou passez à "
            "l'accueil.</p>",
        ),
        (
            "paragraph",
            "<h2>Les courriels que nous vous envoyons</h2>"
            "<p>Chaque courriel (confirmation, rappel, annulation) attend quelques secondes dans une file "
            "d'envoi, sur notre serveur, avant de partir. Si notre serveur de courriel ne répond pas, nous "
            "réessayons pendant une dizaine d'heures. La copie gardée dans la file est effacée <b>7 jours "
            "après l'envoi</b>, ou <b>30 jours</b> après le dernier essai si le courriel n'a pas pu partir.</p>",
        ),
        (
            "paragraph",
            "<h2>Les journaux du serveur</h2>"
            "<p>Comme tout site, le serveur note chaque visite dans un journal technique : adresse IP, "
            "date et heure, page demandée, navigateur utilisé.</p>"
            "<p>Ce journal sert uniquement à la sécurité du site, par exemple pour repérer une attaque. "
            "C'est notre intérêt légitime (article 6.1.f du RGPD). Il n'est pas utilisé pour des "
            "statistiques. Il est effacé au bout de <b>14 jours</b>.</p>",
        ),
        (
            "paragraph",
            "<h2>Où sont vos données ?</h2>"
            "<p>Vos données sont stockées chez notre hébergeur, dans l'<b>Union européenne</b>. "
            "Elles ne quittent jamais l'Union européenne. Elles ne sont <b>jamais vendues</b>, "
            "ni louées, ni données à d'autres organismes.</p>",
        ),
        (
            "paragraph",
            "<h2>Vos droits</h2>"
            "<p>Le RGPD vous donne des droits sur vos données. Vous pouvez demander :</p>"
            "<ul>"
            "<li><b>l'accès</b> : savoir quelles données nous avons sur vous et en recevoir une copie ;</li>"
            "<li><b>la rectification</b> : corriger une donnée fausse ;</li>"
            "<li><b>l'effacement</b> : supprimer vos données, par exemple en annulant une inscription ;</li>"
            "<li><b>l'opposition</b> : refuser un traitement, pour une raison liée à votre situation ;</li>"
            "<li><b>la limitation</b> : geler l'usage de vos données pendant une vérification ;</li>"
            "<li><b>la portabilité</b> : recevoir vos données dans un format lisible par un ordinateur.</li>"
            "</ul>"
            f"<p>Pour cela, écrivez à {CONTACT_MAILTO}, ou passez nous voir à l'espace numérique. "
            "Nous vous répondons dans un délai d'un mois au plus. Nous pouvons vous demander de "
            "prouver votre identité si nous avons un doute.</p>",
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Vous pouvez vous plaindre auprès de la CNIL",
                "text": "<p>Si vous pensez que vos droits ne sont pas respectés, vous pouvez déposer une "
                "réclamation auprès de la <b>Commission nationale de l'informatique et des libertés</b> "
                '(CNIL) : <a href="https://www.cnil.fr/">www.cnil.fr</a>.</p>',
            },
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "slug": "accessibilite",
    "title": "Accessibilité",
    "show_in_menus": False,
    "intro": (
        "Ce site doit pouvoir être utilisé par tout le monde, quels que soient votre âge, votre vue, "
        "votre façon de naviguer ou votre matériel. Voici où nous en sommes, honnêtement."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Notre objectif</h2>"
            "<p>Nous visons le niveau <b>AA</b> des règles internationales <b>WCAG 2.1</b>, telles "
            "qu'elles sont reprises en France par le <b>RGAA</b> (référentiel général d'amélioration "
            "de l'accessibilité).</p>",
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "État de conformité : en cours d'évaluation",
                "text": "<p>Aucun audit d'accessibilité n'a encore été fait. Tant que ce n'est pas le cas, "
                "le site est considéré comme <b>non conforme</b> au RGAA. Nous publierons ici les "
                "résultats de l'audit dès qu'il sera réalisé.</p>",
            },
        ),
        (
            "paragraph",
            "<h2>Ce que nous avons prévu dès la conception</h2>"
            "<ul>"
            "<li><b>Un texte grand et lisible</b>, qui s'agrandit avec le zoom du navigateur sans que "
            "la page se casse.</li>"
            "<li><b>De bons contrastes</b> entre le texte et le fond.</li>"
            "<li><b>Tout fonctionne au clavier</b>, avec un repère bien visible sur l'élément actif, "
            "et un lien pour aller directement au contenu.</li>"
            "<li><b>Des pages bien structurées</b> (titres, listes, repères), lisibles avec un "
            "lecteur d'écran.</li>"
            "<li><b>Des images décrites</b> quand elles apportent une information.</li>"
            "<li><b>Le site marche sans JavaScript</b> : les pages et les formulaires fonctionnent "
            "même sur un ordinateur ancien ou un navigateur simple.</li>"
            "<li><b>Des phrases courtes</b> et des mots simples.</li>"
            "</ul>",
        ),
        (
            "paragraph",
            "<h2>Technologies utilisées</h2>"
            "<p>Le site est fait en HTML et en CSS. Il fonctionne sans JavaScript.</p>"
            "<h2>Ce qui peut encore poser problème</h2>"
            "<p>Sans audit, nous ne connaissons pas encore tous les défauts. Certains documents à "
            "télécharger (PDF, par exemple) peuvent ne pas être accessibles. Si vous en avez besoin "
            "dans un autre format, demandez-le-nous.</p>",
        ),
        (
            "paragraph",
            "<h2>Signaler un problème</h2>"
            "<p>Vous n'arrivez pas à lire une page, à remplir un formulaire ou à trouver une "
            "information ? Dites-le-nous. Nous chercherons une solution et nous vous donnerons "
            "l'information autrement.</p>"
            "<ul>"
            f"<li>Par courriel : {CONTACT_MAILTO}</li>"
            "<li>Par téléphone : 02 99 00 00 00</li>"
            "<li>Sur place, à l'espace numérique, pendant les heures d'ouverture.</li>"
            "</ul>",
        ),
        (
            "paragraph",
            "<h2>Voies de recours</h2>"
            "<p>Si vous nous avez signalé un problème et que notre réponse ne vous satisfait pas, "
            "vous pouvez vous adresser au <b>Défenseur des droits</b> :</p>"
            "<ul>"
            '<li>par son site : <a href="https://www.defenseurdesdroits.fr/">www.defenseurdesdroits.fr</a> ;</li>'
            "<li>en rencontrant un délégué ou une déléguée du Défenseur des droits près de chez vous ;</li>"
            "<li>par courrier gratuit, sans timbre : Défenseur des droits, Libre réponse 71120, "
            "75342 Paris CEDEX 07.</li>"
            "</ul>",
        ),
    ],
}

PAGES = [PROJECT_PAGE, LEGAL_PAGE, PRIVACY_PAGE, ACCESSIBILITY_PAGE]
