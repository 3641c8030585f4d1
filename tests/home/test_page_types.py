from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, MemberIndexPage, MemberPage, StandardPage


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePage(title="Accueil", slug="accueil-test")
        root.add_child(instance=cls.home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()

    def setUp(self):
        # Not self.login(): the login throttle (django-axes) needs the request that client.login() omits.
        self.client.force_login(self.create_test_user())

    def test_home_page_lives_only_at_the_root_and_only_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))  # max_count = 1

    def test_the_sections_under_home_are_those_that_name_it_as_their_parent(self):
        from accessibility.models import AccessibilityStatementPage
        from agenda.models import AgendaIndexPage
        from reports.models import FiguresPage
        from resources.models import ResourceIndexPage

        sections = {StandardPage, MemberIndexPage, AgendaIndexPage, ResourceIndexPage, FiguresPage}
        sections.add(AccessibilityStatementPage)
        self.assertEqual(set(HomePage.creatable_subpage_models()), sections)

    def test_standard_page_lives_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, MemberPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_member_pages_live_only_in_the_single_member_index(self):
        self.assertAllowedParentPageTypes(MemberIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(MemberPage, {MemberIndexPage})
        self.assertAllowedSubpageTypes(MemberPage, {StandardPage})
        self.home.add_child(instance=MemberIndexPage(title="Le collectif", slug="le-collectif"))
        self.assertFalse(MemberIndexPage.can_create_at(self.home))  # max_count = 1

    def test_editor_creates_a_standard_page_with_blocks_through_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Horaires d'été",
                    "slug": "horaires-ete",
                    "intro": "L'espace ferme deux semaines en août.",
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Nous rouvrons le 25 août.</p>")),
                            ("callout", {"kind": "info", "title": "Bon à savoir", "text": rich_text("<p>Ici.</p>")}),
                        ]
                    ),
                    "easy_read": streamfield([]),
                }
            ),
        )
        page = StandardPage.objects.get(slug="horaires-ete")
        self.assertEqual([block.block_type for block in page.body], ["paragraph", "callout"])

    def test_every_page_type_renders(self):
        page = StandardPage(title="Le projet", slug="le-projet", intro="Pourquoi nous existons.")
        self.home.add_child(instance=page)
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(
            page,
            post_data=nested_form_data(
                {
                    "title": "Le projet",
                    "slug": "le-projet",
                    "intro": "",
                    "body": streamfield([]),
                    "easy_read": streamfield([]),
                }
            ),
        )
