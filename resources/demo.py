"""Demo library, read from resources/demo_data/: the topics, the guides (and the
documents they offer, files beside the data) and the directory of free alternatives."""

from wagtail.documents import get_document_model

from agenda.models import Category
from core import demo_data
from core.groups import ensure_coordination_group, setup_member
from home.demo import publish_child
from home.models import HomePage, MemberPage
from resources.models import Alternative, GuidePage, ResourceIndexPage, Topic

GUIDE_FIELDS = ["title", "slug", "summary", "level", "audience", "format", "last_reviewed", "body"]


def build():
    home = HomePage.objects.get()
    library = demo_data.read("resources", "library")
    for content in library["topics"]:
        topic, created = Topic.objects.get_or_create(slug=content["slug"], defaults={"name": content["name"]})
        if created:
            topic.atelier_categories.set(Category.objects.filter(name__in=content["atelier_categories"]))
    index = ResourceIndexPage.objects.first() or publish_child(
        home, ResourceIndexPage(**demo_data.fields(ResourceIndexPage, library["index"]))
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
        Alternative(**{**entry, "platforms": ", ".join(entry["platforms"])})
        for entry in demo_data.read("resources", "alternatives")["alternatives"]
    )


def build_guides(index):
    members = {member.slug: member for member in MemberPage.objects.all()}
    guides = demo_data.read_all("resources", "guides")
    created = {}
    for entry in guides:
        if GuidePage.objects.filter(slug=entry["slug"]).exists():
            continue
        author = members.get(entry["author"])
        entry["body"] = [with_document(table, author) for table in entry["body"]]
        guide = GuidePage(**demo_data.fields(GuidePage, entry, GUIDE_FIELDS), author=author)
        guide.topics = list(Topic.objects.filter(slug__in=entry["topics"]))
        index.add_child(instance=guide)
        created[entry["slug"]] = guide
    # Related guides point at each other: set once all exist, then each guide is published once.
    for entry in guides:
        guide = created.get(entry["slug"])
        if guide is not None:
            guide.related_guides = list(GuidePage.objects.filter(slug__in=entry["related"]))
            guide.save_revision().publish()


def with_document(table, author):
    """A document block's file, given in the data as its file name and title, as a
    document in the author's collection (once)."""
    if table["type"] != "document":
        return table
    Document = get_document_model()
    _, collection = setup_member(author)
    spec = table["document"]
    document = Document.objects.filter(title=spec["title"], collection=collection).first()
    if document is None:
        file = demo_data.attachment("resources", spec["file"])
        document = Document.objects.create(title=spec["title"], file=file, collection=collection)
    return {**table, "document": document}
