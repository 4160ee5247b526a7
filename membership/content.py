"""Editable content of the "Devenir adhérent" pages (text of seed 002), installed as Wagtail pages.

`install_pages()` creates the pages once (idempotent); afterwards editors change them in the
extranet like any other page. Nothing of this text lives in the templates.
"""

from portal.pages.models import ContentPage

from .models import FeeGridPage, MembershipIndexPage


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _heading(text):
    return {"type": "heading", "value": text}


def _text(*html):
    return {"type": "paragraph", "value": "".join(html)}


def _apply_cta():
    return {
        "type": "call_to_action",
        "value": {
            "title": "Prêt à nous rejoindre ?",
            "text": "Déposez votre demande d'adhésion en ligne : elle est transmise au Président de l'association.",
            "page": None,
            "url": "/adherer/demande/",
            "button_label": "Déposer une demande d'adhésion",
        },
    }


INDEX = {
    "title": "Devenir adhérent",
    "slug": "adherer",
    "intro": "Devenir membre de NEGE – Collège entreprise usager : pourquoi adhérer, comment adhérer, combien "
    "coûte l'adhésion et comment participer à la vie de l'association.",
    "body": [
        _text(
            "<p>Entreprises du numérique, partenaires Emploi, organismes de formation, partenaires soutien et "
            "organisations professionnelles : rejoignez le réseau régional qui rapproche les employeurs du "
            "numérique et les personnes en recherche d'emploi du Grand Est.</p>"
        )
    ],
}

WHY = {
    "title": "Pourquoi adhérer",
    "slug": "pourquoi-adherer",
    "intro": "Ambition et objet de Numéric'Emploi Grand Est (NEGE), finalité pour les entreprises et la puissance "
    "d'un réseau régional de partenaires. Le numérique, un job !",
    "body": [
        _text(
            "<p><b>Fédérer les énergies des acteurs régionaux</b> pour <b>soutenir</b> le développement des "
            "compétences et la création d'emplois, <b>leviers indispensables au développement économique du "
            "secteur numérique régional</b>.</p>",
            "<p>Numéric'Emploi Grand Est est une association de droit local reconnue d'intérêt général.</p>",
        ),
        _heading("Objectifs"),
        _text(
            _ul(
                "combler le déficit de ressources compétentes pour répondre aux besoins de recrutement des "
                "entreprises employant des spécialistes du numérique,",
                "aider les personnes en recherche d'emploi à trouver un poste dans un métier du numérique,",
                "soutenir les dispositifs d'adaptation et de développement des compétences visant à accompagner "
                "les personnes en recherche d'emploi ou en reconversion professionnelle vers un métier du "
                "numérique.",
            )
        ),
        _heading("Publics ciblés"),
        _text(
            _ul(
                "Demandeurs d'emploi, notamment les chômeurs de longue durée et les seniors,",
                "Jeunes « décrocheurs » du système éducatif traditionnel,",
                "Personnes bénéficiaires de l'obligation d'emploi,",
                "Personnes éloignées de l'emploi,",
                "Personnes en reconversion professionnelle.",
            )
        ),
        _heading("Champs d'action"),
        _text("<p>Région Grand Est – Territoires : Alsace, Lorraine, Champagne-Ardenne.</p>"),
        _heading("… pour les entreprises du secteur numérique"),
        _text(
            "<p><b>Faciliter la mise en relation avec les candidats pouvant répondre à leurs besoins de "
            "compétences</b> :</p>",
            _ul(
                "en collectant des dossiers de candidats potentiels auprès des structures accompagnant les "
                "personnes en recherche d'emploi ou en reconversion professionnelle ;",
                "en analysant les dossiers de candidature avec un groupe de recruteurs expérimentés travaillant "
                "dans des entreprises représentatives du secteur numérique régional ;",
                "en constituant un vivier des candidats employables consultable via un portail Extranet ;",
                "en organisant des sessions de formation préalable au recrutement de candidats sélectionnés par "
                "les entreprises, notamment via le vivier des dossiers qualifiés constitué par l'association.",
            ),
        ),
        _heading("La puissance d'un réseau régional de partenaires"),
        _text(
            "<p>Afin de pouvoir mener à bien ses actions, l'association a tissé un réseau très important de "
            "partenaires au niveau régional :</p>",
            "<p><b>Partenaires « Emploi »</b></p>",
            _ul(
                "Ils accompagnent les publics dont ils ont la responsabilité vers l'emploi.",
                "Ils détectent les profils correspondant aux actions menées par NEGE, soumettent les dossiers de "
                "candidatures, suivent leur traitement et assurent le lien entre le candidat et les responsables "
                "des actions NEGE.",
            ),
            "<p><b>Partenaires « Soutien »</b></p>",
            _ul(
                "Ils élaborent en partenariat avec NEGE les plans d'action pour favoriser l'accès à l'emploi des "
                "publics ciblés.",
                "Ils apportent leur soutien logistique et financier.",
            ),
            "<p><b>Partenaires « Formation »</b></p>",
            _ul(
                "Ce sont des organismes de formation publics ou privés.",
                "Ils collaborent avec NEGE pour réaliser l'ingénierie de formation des actions organisées par NEGE.",
                "Ils animent les formations référencées au catalogue de NEGE pour adapter les compétences des "
                "candidats aux besoins de recrutement des entreprises régionales du secteur numérique.",
            ),
        ),
        {
            "type": "call_to_action",
            "value": {
                "title": "Consulter l'annuaire de nos partenaires",
                "text": "",
                "page": None,
                "url": "/annuaire/",
                "button_label": "Voir l'annuaire",
            },
        },
    ],
}

HOW = {
    "title": "Comment adhérer",
    "slug": "comment-adherer",
    "intro": "Soumettre une demande d'adhésion depuis le site web.",
    "body": [
        _heading("Soumettre sa demande d'adhésion"),
        _text(
            _ul(
                "Sur la page d'accueil du site, cliquez sur le bouton <b>Devenir adhérent</b>.",
                "Le formulaire d'adhésion est composé de 2 parties : les informations sur le représentant de "
                "l'organisme (cette personne pourra mettre à jour la fiche descriptive de l'entreprise qui "
                "s'affichera dans l'annuaire des entreprises), puis les informations concernant l'organisme.",
                "Une fois que vous avez enregistré les 2 parties, un mail est envoyé au Président de "
                "l'association qui soumet votre demande au Conseil d'Administration. Vous recevrez une copie de "
                "votre demande.",
                "Votre demande sera traitée sous quinze jours. Vous recevrez un mail du Président vous informant "
                "de la décision du CA.",
                "Lorsque votre demande est acceptée, vous pourrez demander l'ouverture d'un accès à l'extranet "
                "pour les collaborateurs de votre entreprise en charge du recrutement (RH, chargé de recrutement, "
                "responsable de services, …).",
            )
        ),
        _heading("Partie 1 – le référent de l'organisme"),
        _text(
            "<p>La partie contact « Référent de l'organisme » est constituée de 4 volets : compte utilisateur, "
            "coordonnées individuelles, lieu de travail habituel, notifications de publication d'une actualité. "
            "Remplissez les 4 volets, cochez la case de consentement d'utilisation des données personnelles et "
            "enregistrez le formulaire : la partie 2 du formulaire s'affiche.</p>"
        ),
        _heading("Partie 2 – l'organisme"),
        _text(
            "<p>La partie « Information de l'organisme » est constituée de 4 volets : identification de "
            "l'organisme, caractéristiques de l'activité de l'entreprise, périmètre d'adhésion, clauses "
            "d'engagement. Après avoir complété les 4 volets, relisez l'aperçu et envoyez votre demande : elle "
            "est transmise à l'association.</p>",
            "<p>Vous pouvez interrompre votre saisie : un lien reçu par courriel vous permet de reprendre la "
            "partie 2 plus tard.</p>",
        ),
        _apply_cta(),
    ],
}

FEES = {
    "title": "Combien coûte l'adhésion",
    "slug": "cotisation",
    "intro": "La cotisation annuelle dépend du secteur de l'organisme, de son effectif dans les territoires où il "
    "adhère et de son affiliation à une organisation professionnelle membre de NEGE.",
    "body": [
        _text(
            "<p>(1) Selon le nombre total de salariés dans les territoires (Alsace, Lorraine, Champagne-Ardenne) "
            "où l'entreprise souhaite bénéficier des services de l'association.</p>",
            "<p>(2) Organisme adhérent à une des structures membres du collège Organisation professionnelle de "
            "l'association (voir l'annuaire des partenaires).</p>",
            "<p>(3) Une startup est une entreprise créée depuis moins de 3 ans au 1<sup>er</sup> janvier de "
            "l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires &lt; 300 K€.</p>",
            "<p>(4) Si la startup a souscrit le pack Startup de Syntec numérique.</p>",
            "<p>(5) Selon le nombre total de salariés exerçant un métier du numérique dans les territoires "
            "(Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de "
            "l'association.</p>",
        ),
    ],
}

TAKING_PART = {
    "title": "Participer à la vie de l'association",
    "slug": "vie-de-l-association",
    "intro": "Assemblée générale et commissions opérationnelles.",
    "body": [
        _heading("Assemblée générale"),
        _text(
            "<p><b>Les membres des collèges Organisations professionnelles et organismes Usager donnent leur avis "
            "et approuvent lors de l'assemblée générale annuelle :</b></p>",
            _ul(
                "la stratégie et les plans d'actions des commissions de l'association,",
                "les budgets d'investissement et de fonctionnement.",
            ),
            "<p><b>Ils élisent les membres du Conseil d'Administration</b> parmi les candidats proposés par les "
            "organisations professionnelles qui gèrent l'association ou des représentants d'organismes usagers.</p>",
            "<p><b>Ils disposent d'un nombre de voix en fonction du nombre de leurs collaborateurs</b> pour les "
            "territoires du périmètre de leur adhésion.</p>",
        ),
        _heading("Aide aux Actions de Recrutement"),
        _text(
            "<p>Les commissions AAR sont placées sous la responsabilité d'un membre du Conseil d'Administration en "
            "charge de l'activité Aide aux Actions de Recrutement. Une commission territoriale est composée :</p>",
            _ul(
                "de pilotes nommés par l'administrateur du CA, qui se répartissent le pilotage des sessions et "
                "groupes de travail ;",
                "de professionnels d'entreprises (de différentes tailles et types d'activités) et de spécialistes "
                "du recrutement des métiers du numérique.",
            ),
            "<p><b>3 missions principales :</b></p>",
            _ul(
                "Apporter son soutien au sourcing des candidats par les partenaires Emploi.",
                "Effectuer la qualification du niveau d'employabilité des candidats dont le dossier est soumis par "
                "les partenaires Emploi via le portail Extranet : le dossier contient sa situation, les analyses "
                "faites par les membres de la commission (analyse CV, entretien conseil, …), les préconisations "
                "faites et les décisions prises par la commission.",
                "Assurer le suivi des actions de recrutement concernant les candidats, à travers des fiches de "
                "suivi complétées par les entreprises intéressées par les candidats dont le profil a été publié "
                "dans le vivier Numéric'Emploi.",
            ),
        ),
        _heading("Adaptation et Développement des Compétences"),
        _text(
            "<p>Les commissions ADC sont placées sous la responsabilité d'un membre du Conseil d'Administration en "
            "charge de l'activité ADC. Une commission territoriale est composée :</p>",
            _ul(
                "de pilotes nommés par l'administrateur du CA et qui se répartissent le pilotage des sessions et "
                "groupes de travail ;",
                "de professionnels d'entreprises (de différentes tailles et types d'activités), de spécialistes du "
                "recrutement des métiers du numérique et de consultants en transition professionnelle ;",
                "de responsables de parcours intégré (professionnels d'entreprises) ;",
                "de responsables des évaluations de connaissances et aptitudes des candidats (professionnels "
                "d'entreprise) ;",
                "de représentants des territoires et des politiques publiques Emploi/Formation, de spécialistes du "
                "montage contractuel et financier des formations.",
            ),
            "<p><b>4 missions principales :</b></p>",
            _ul(
                "Collecter et analyser les besoins de recrutement des entreprises et en déduire les profils de "
                "compétences nécessaires.",
                "Gérer un catalogue d'actions d'Adaptation et de Développement des Compétences permettant de "
                "répondre aux besoins principaux de recrutement retenus par la commission.",
                "Organiser les sessions des actions d'Adaptation et de Développement des Compétences en fonction "
                "des besoins de recrutement à court et moyen terme et suivre leur déroulement jusqu'au recrutement "
                "des stagiaires.",
                "Étudier le profil des candidats vus en commission Aide aux Actions de Recrutement pour leur "
                "proposer un Plan Individuel d'Adaptation et de Développement de leurs Compétences.",
            ),
        ),
    ],
}


def _ensure_child(parent, model, spec):
    page = parent.get_children().filter(slug=spec["slug"]).first()
    if page is not None:
        return page.specific, False
    page = parent.add_child(instance=model(**spec))
    page.save_revision().publish()
    return page, True


def install_pages(home):
    """Create /adherer/ and its four pages under `home` when missing. Returns (index page, created count)."""
    index, created = _ensure_child(home, MembershipIndexPage, INDEX)
    count = int(created)
    for model, spec in [(ContentPage, WHY), (ContentPage, HOW), (FeeGridPage, FEES), (ContentPage, TAKING_PART)]:
        count += int(_ensure_child(index, model, spec)[1])
    return index, count
