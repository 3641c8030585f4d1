"""Demo content of the home app: the home page, the text pages, the site
settings and the coordinator's account. Each step leaves existing content alone,
so that running the loader twice changes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Collection, Locale, Page, Site

from home import demo_content
from home.models import EspaceSettings, HomePage, StandardPage

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
        root, HomePage(title=content["title"], slug="accueil", intro=content["intro"], body=content["body"])
    )
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Espace numérique")
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


def build_admin():
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(
            ADMIN_USERNAME, email="admin@espace-numerique.example", password=DEMO_PASSWORD, first_name="Coordination"
        )
    return [(ADMIN_USERNAME, DEMO_PASSWORD, "administration du site")]


def build():
    """Returns the demo accounts as (login, password, role) for the loader to print."""
    home, _created = build_home_page()
    pages = build_standard_pages(home)
    build_settings(home, pages)
    return build_admin()
