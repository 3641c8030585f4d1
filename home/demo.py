"""Demo content of the home app: the home page, the text pages, the members
with their editors' accounts, the site settings and the coordination accounts.
Each step leaves existing content alone, so that running the loader twice
changes nothing."""

import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from core.groups import COORDINATION_GROUP, ensure_coordination_group, setup_member
from core.site import parse_site_url
from home import demo_content, demo_members, demo_pictures
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
ADMIN_USERNAME = "admin"


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def tree_root():
    """The root of Wagtail's page tree, recreated with its locale and the root
    collection when the database was emptied (e.g. by `flush`)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", live=True))


def build_home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    existing = HomePage.objects.first()
    if existing:
        return existing, False
    root = tree_root()
    content = demo_content.HOME
    home = publish_child(
        root,
        HomePage(
            title=content["title"],
            slug="accueil",
            intro=content["intro"],
            body=[content["body"][0], figure("espace"), *content["body"][1:]],
        ),
    )
    if site is None:
        _scheme, host, port = parse_site_url(settings.SITE_URL)
        Site.objects.create(
            hostname=host, port=port, root_page=home, is_default_site=True, site_name="Espace numérique"
        )
    else:
        # Wagtail's own welcome page is replaced by ours.
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Espace numérique du Pays de Redon"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    return home, True


def build_standard_pages(home):
    pages = {}
    for content in demo_content.PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=content["slug"]).first()
        if page is None:
            page = publish_child(home, StandardPage(**content))
        pages[content["slug"]] = page
    return pages


def build_settings(home, pages):
    site = Site.objects.get(root_page=home)
    espace_settings = EspaceSettings.for_site(site)
    if espace_settings.street_address:
        return
    for name, value in demo_content.SETTINGS.items():
        setattr(espace_settings, name, value)
    espace_settings.legal_notice_page = pages.get("mentions-legales")
    espace_settings.privacy_page = pages.get("donnees-personnelles")
    espace_settings.accessibility_page = pages.get("accessibilite")
    espace_settings.save()


# Each member's page shows one of the demo's drawings, under its first paragraph.
MEMBER_PICTURES = {
    "les-mulots": "atelier-seniors",
    "clic-n-puces": "logiciel-libre",
    "depantek": "repair-cafe",
    "la-ferme-des-ecotais": "festival",
    "riwal-raude": "donnees-personnelles",
    "la-vilaine-bidouille": "fablab",
}


def demo_picture(key, collection=None):
    """One of the demo's own drawings (home.demo_pictures) in the image library, once per
    collection; its description is the alt text the site shows."""
    Image = get_image_model()
    collection = collection or Collection.get_first_root_node()
    title = demo_pictures.PICTURES[key][1].split(",")[0].split(";")[0]
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    file, alt = demo_pictures.picture(key)
    return Image.objects.create(title=title, file=file, collection=collection, description=alt)


def figure(key, collection=None):
    """A body block showing a demo drawing, with its alt text."""
    image = demo_picture(key, collection)
    return ("figure", {"image": {"image": image, "alt_text": image.description, "decorative": False}, "caption": ""})


def demo_logo(member, collection):
    """A square logo with the member's initials, drawn here: the demo ships no image."""
    title = f"Logo de {member['title']}"
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (320, 320), member["logo_color"])
    initials = "".join(word[0] for word in member["title"].replace("'", " ").split() if word[0].isupper())[:3]
    draw = ImageDraw.Draw(picture)
    draw.text((160, 160), initials, fill="white", anchor="mm", font=ImageFont.load_default(size=120))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"logo-{member['slug']}.png"),
        collection=collection,
        description=f"Logo de {member['title']}",
    )


def build_member_index(home):
    index = MemberIndexPage.objects.first()
    if index is None:
        index = publish_child(
            home,
            MemberIndexPage(
                title="Le collectif",
                slug="le-collectif",
                show_in_menus=True,
                intro="Six associations et entreprises du Pays de Redon, qui travaillent ensemble depuis 2017. "
                "Trouvez celle qui peut vous aider.",
            ),
        )
    return index


def build_member(index, member):
    page = MemberPage.objects.filter(slug=member["slug"]).first()
    if page is None:
        page = MemberPage(
            title=member["title"],
            slug=member["slug"],
            **{field: member[field] for field in MEMBER_FIELDS},
            latitude=Decimal(str(member["latitude"])),
            longitude=Decimal(str(member["longitude"])),
            opening_hours=[
                OpeningHours(
                    weekday=day, opens=datetime.time.fromisoformat(start), closes=datetime.time.fromisoformat(end)
                )
                for day, start, end in member["opening_hours"]
            ],
            closures=[
                Closure(
                    start_date=datetime.date.fromisoformat(start), end_date=datetime.date.fromisoformat(end), reason=why
                )
                for start, end, why in member["closures"]
            ],
        )
        page.services = list(Service.objects.filter(slug__in=member["services"]))
        publish_child(index, page)
    group, collection = setup_member(page)
    if page.logo is None:
        page.logo = demo_logo(member, collection)
        page.body.insert(1, figure(MEMBER_PICTURES[member["slug"]], collection))
        page.save_revision().publish()
    user = demo_user(member["username"], *member["editor_name"], email=member["email"])
    user.groups.add(group)
    return (member["username"], DEMO_PASSWORD, f"rédaction de la page de {member['title']}")


MEMBER_FIELDS = [
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


def build_members(home):
    ensure_services(Service)
    index = build_member_index(home)
    return [build_member(index, member) for member in demo_members.MEMBERS]


def demo_user(username, first_name, last_name, email, superuser=False):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(username, email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name)
    return user


def build_coordination(home):
    group = ensure_coordination_group(home)
    demo_user("admin", "Admin", "Technique", "admin@espace-numerique.example", superuser=True)
    coordinator = demo_user("coordination", "Morgane", "Le Coz", "coordination@espace-numerique.example")
    coordinator.groups.add(group)
    return [
        (ADMIN_USERNAME, DEMO_PASSWORD, "administration technique du site"),
        ("coordination", DEMO_PASSWORD, f"groupe {COORDINATION_GROUP} : pages communes et validation"),
    ]


def build():
    """Returns the demo accounts as (login, password, role) for the loader to print."""
    home, _created = build_home_page()
    pages = build_standard_pages(home)
    build_settings(home, pages)
    accounts = build_coordination(home)
    return accounts + build_members(home)
