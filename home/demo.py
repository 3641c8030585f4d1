"""Demo content of the home app, read from home/demo_data/: the home page, the text
pages, the members with their editors' accounts, the site settings and the
coordination accounts. Each step leaves existing content alone, so that running the
loader twice changes nothing."""

import datetime
import functools
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from core import demo_data
from core.groups import COORDINATION_GROUP, ensure_coordination_group, setup_member
from core.opening_hours import in_week_order
from core.site import parse_site_url
from home.models import (
    Closure,
    EspaceSettings,
    HomePage,
    MemberIndexPage,
    MemberPage,
    OpeningHours,
    Service,
    StandardPage,
)
from home.services import ensure_services

DEMO_PASSWORD = "demo-espace"  # noqa: S105 (demo accounts, refused in production)


def publish_child(parent, page):
    parent.add_child(instance=page)  # validated here: the same fields need no second check
    page.save_revision(clean=False).publish()
    return page


def tree_root():
    """The root of Wagtail's page tree, recreated with its locale and the root
    collection when the database was emptied (e.g. by `flush`)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", live=True))


def build_home_page(site_name):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    existing = HomePage.objects.first()
    if existing:
        return existing, False
    root = tree_root()
    content = demo_data.read("home", "home")
    fields = demo_data.fields(HomePage, content, ["title", "slug", "intro", "body"])
    fields["body"].insert(1, figure(content["picture"]))  # under the first paragraph
    home = publish_child(root, HomePage(**fields))
    if site is None:
        _scheme, host, port = parse_site_url(settings.SITE_URL)
        Site.objects.create(hostname=host, port=port, root_page=home, is_default_site=True, site_name=site_name)
    else:
        # Wagtail's own welcome page is replaced by ours.
        old_root = site.root_page
        site.root_page = home
        site.site_name = site_name
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    return home, True


def build_standard_pages(home):
    pages = {}
    for content in demo_data.read_all("home", "pages"):
        page = StandardPage.objects.child_of(home).filter(slug=content["slug"]).first()
        if page is None:
            page = publish_child(home, StandardPage(**demo_data.fields(StandardPage, content)))
        pages[content["slug"]] = page
    return pages


def build_settings(home, pages, content):
    site = Site.objects.get(root_page=home)
    espace_settings = EspaceSettings.for_site(site)
    if espace_settings.street_address:
        return
    for name, value in demo_data.fields(EspaceSettings, content).items():
        setattr(espace_settings, name, value)
    espace_settings.legal_notice_page = pages.get("mentions-legales")
    espace_settings.privacy_page = pages.get("donnees-personnelles")
    espace_settings.save()


def demo_picture(key, collection=None):
    """One of the demo's own drawings (home/demo_data/pictures/) in the image library, once
    per collection; its description is the alt text the site shows."""
    Image = get_image_model()
    collection = collection or Collection.get_first_root_node()
    picture = demo_data.read("home", "pictures")[key]
    existing = Image.objects.filter(title=picture["title"], collection=collection).first()
    if existing:
        return existing
    return Image.objects.create(
        title=picture["title"],
        file=demo_data.picture("home", f"pictures/{key}.png"),
        collection=collection,
        description=picture["alt"],
    )


def figure(key, collection=None):
    """A body block showing a demo drawing, with its alt text."""
    image = demo_picture(key, collection)
    return ("figure", {"image": {"image": image, "alt_text": image.description, "decorative": False}, "caption": ""})


def demo_logo(member, collection):
    """A square logo with the member's initials (home/demo_data/logos/)."""
    title = f"Logo de {member['title']}"
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    return Image.objects.create(
        title=title,
        file=demo_data.picture("home", f"logos/logo-{member['slug']}.png"),
        collection=collection,
        description=f"Logo de {member['title']}",
    )


def hours(model, rows):
    """Opening hours written as {weekday, opens, closes}, "HH:MM" times, as `model` rows."""
    return in_week_order(
        model(
            weekday=row["weekday"],
            opens=datetime.time.fromisoformat(row["opens"]),
            closes=datetime.time.fromisoformat(row["closes"]),
        )
        for row in rows
    )


def build_member_index(home, content):
    return MemberIndexPage.objects.first() or publish_child(
        home, MemberIndexPage(**demo_data.fields(MemberIndexPage, content))
    )


def build_member(index, member):
    page = MemberPage.objects.filter(slug=member["slug"]).first()
    if page is None:
        page = MemberPage(
            **demo_data.fields(MemberPage, member, MEMBER_FIELDS),
            latitude=Decimal(str(member["latitude"])),
            longitude=Decimal(str(member["longitude"])),
            opening_hours=hours(OpeningHours, member["opening_hours"]),
            closures=[Closure(**closure) for closure in member["closures"]],
        )
        page.services = list(Service.objects.filter(slug__in=member["services"]))
        index.add_child(instance=page)  # published once, with its logo, below
    group, collection = setup_member(page)
    if page.logo is None:
        # The logo and the drawing (under the first paragraph) go in the member's own collection,
        # which exists once the page does.
        page.logo = demo_logo(member, collection)
        page.body.insert(1, figure(member["picture"], collection))
        page.save_revision().publish()
    user = demo_user(**member["editor"], email=member["email"])
    user.groups.add(group)
    return (user.username, DEMO_PASSWORD, f"rédaction de la page de {member['title']}")


MEMBER_FIELDS = [
    "title",
    "slug",
    "kind",
    "summary",
    "body",
    "street_address",
    "address_complement",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "accessibility",
    "acceslibre_url",
]


def build_members(home, index_content):
    ensure_services(Service)
    index = build_member_index(home, index_content)
    return [build_member(index, member) for member in demo_data.read_all("home", "members")]


@functools.cache
def demo_password_hash():
    """Hashed once for every demo account: with the real hasher (`make run`), hashing it
    for each account took seconds of the loader's time."""
    return make_password(DEMO_PASSWORD)


def demo_user(username, first_name, last_name, email, superuser=False):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(username, email=email, first_name=first_name, last_name=last_name)
        user.password = demo_password_hash()
        user.save(update_fields=["password"])
    return user


def build_coordination(home, accounts):
    group = ensure_coordination_group(home)
    admin = demo_user(**accounts["admin"], superuser=True)
    coordinator = demo_user(**accounts["coordination"])
    coordinator.groups.add(group)
    return [
        (admin.username, DEMO_PASSWORD, "administration technique du site"),
        (coordinator.username, DEMO_PASSWORD, f"groupe {COORDINATION_GROUP}\u00a0: pages communes et validation"),
    ]


def build():
    """Returns the demo accounts as (login, password, role) for the loader to print."""
    site = demo_data.read("home", "site")
    home, _created = build_home_page(site["site_name"])
    pages = build_standard_pages(home)
    build_settings(home, pages, site["settings"])
    accounts = build_coordination(home, site["accounts"])
    return accounts + build_members(home, site["members_index"])
