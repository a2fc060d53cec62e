"""Where consultation and library pages may live in the tree, and that editors can create them."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from consultations.models import ConsultationIndexPage, ConsultationPage
from library.models import EasyReadPage, LibraryIndexPage, LibraryResourcePage


class TestTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LibraryIndexPage, {LibraryResourcePage, EasyReadPage})
        self.assertAllowedParentPageTypes(EasyReadPage, {HomePage, LibraryIndexPage})
        assert Page not in set(ConsultationPage.allowed_parent_page_models())
