"""Demo library: topics, the guides and the directory of free alternatives from
resources/demo_content.py."""

import datetime

from agenda.models import Category
from core.groups import ensure_coordination_group, setup_member
from home.demo import publish_child
from home.models import HomePage, MemberPage
from resources import demo_content
from resources.models import Alternative, GuidePage, ResourceIndexPage, Topic

GUIDE_FIELDS = ["title", "slug", "summary", "level", "audience", "format", "body"]


def build():
    home = HomePage.objects.get()
    for slug, name in demo_content.TOPICS:
        topic, created = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            names = demo_content.TOPIC_ATELIER_CATEGORIES[slug]
            topic.atelier_categories.set(Category.objects.filter(name__in=names))
    index = ResourceIndexPage.objects.first() or publish_child(
        home,
        ResourceIndexPage(
            title="Ressources",
            slug="ressources",
            show_in_menus=True,
            intro="Des guides simples pour protéger vos données, choisir des logiciels libres "
            "et donner une deuxième vie à votre matériel.",
        ),
    )
    ensure_coordination_group(home)
    for member in MemberPage.objects.all():
        setup_member(member)
    build_alternatives()
    build_guides(index)
    return []


def build_alternatives():
    if Alternative.objects.exists():
        return
    Alternative.objects.bulk_create(
        Alternative(**{**entry, "platforms": ", ".join(entry["platforms"])}) for entry in demo_content.ALTERNATIVES
    )


def build_guides(index):
    members = {member.slug: member for member in MemberPage.objects.all()}
    created = {}
    for entry in demo_content.GUIDES:
        if GuidePage.objects.filter(slug=entry["slug"]).exists():
            continue
        guide = GuidePage(
            **{field: entry[field] for field in GUIDE_FIELDS},
            author=members.get(entry["author"]),
            last_reviewed=datetime.date.fromisoformat(entry["last_reviewed"]),
        )
        guide.topics = list(Topic.objects.filter(slug__in=entry["topics"]))
        created[entry["slug"]] = publish_child(index, guide)
    # Related guides point at each other: set once all exist.
    for entry in demo_content.GUIDES:
        guide = created.get(entry["slug"])
        if guide is not None:
            guide.related_guides = list(GuidePage.objects.filter(slug__in=entry["related"]))
            guide.save_revision().publish()
