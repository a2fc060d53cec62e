"""The "Transparencia y acceso a la información pública" section (Ley 1712 de 2014, Res. MinTIC
1519 de 2020, Anexo 2): an index page and a tree of numbered categories, each with its documents
and their publication dates, plus the public self-assessment against the transparency index (ITA).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from core import page_views


class PublishedDocumentBlock(blocks.StructBlock):
    """A document of the section: a file in the CMS or a link elsewhere (SECOP, SUIT), with the
    date it was published, which the law asks to show."""

    title = blocks.CharBlock(label=_("título"), max_length=250)
    published_on = blocks.DateBlock(label=_("fecha de publicación"))
    document = DocumentChooserBlock(label=_("documento"), required=False)
    url = blocks.URLBlock(
        label=_("o enlace"), required=False, help_text=_("Para lo publicado en otro sitio, como el SECOP.")
    )
    description = blocks.TextBlock(label=_("descripción"), required=False, max_length=400)

    class Meta:
        icon = "doc-full"
        label = _("Documento publicado")
        template = "blocks/published_document_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("document") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"document": ValidationError(_("Elija un documento o escriba un enlace."))}
            )
        return value


class PublishedDocumentsBlock(blocks.StreamBlock):
    document = PublishedDocumentBlock()


class TransparencyIndexPage(RoutablePageMixin, Page):
    """The section's front page, linked from the main menu, and its self-assessment at
    `autodiagnostico/`."""

    intro = models.TextField(_("introducción"), blank=True, max_length=800)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TransparencyCategoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("índice de transparencia")

    # The category tree, the self-assessment and its CSV are read by cms/views.py, registered
    # in core.page_views, so that this module never imports what reads it.
    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("autodiagnostico/", name="checklist")
    def checklist_route(self, request):
        return page_views.serve(self, "checklist", request)

    @path("autodiagnostico/csv/", name="checklist_csv")
    def checklist_csv_route(self, request):
        return page_views.serve(self, "checklist_csv", request)


class TransparencyCategoryPage(Page):
    """One category or subcategory of the section (e.g. "3.1 Plan Anual de Adquisiciones")."""

    number = models.CharField(
        _("numeral"),
        max_length=12,
        blank=True,
        help_text=_("El numeral del Anexo 2 de la Resolución 1519 de 2020, por ejemplo 3 o 3.1."),
    )
    summary = models.TextField(
        _("qué se publica aquí"),
        blank=True,
        max_length=600,
        help_text=_("Una o dos frases, en lenguaje claro."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)
    documents = StreamField(PublishedDocumentsBlock(), verbose_name=_("documentos"), blank=True)
    not_applicable_reason = models.TextField(
        _("motivo por el que no aplica"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Si la entidad no debe publicar esta información, explique las razones jurídicas "
            "(numeral 2.4.2 del Anexo 2). Se muestra en la página y en el autodiagnóstico."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("documents"),
        MultiFieldPanel([FieldPanel("not_applicable_reason")], heading=_("Excepción de publicación")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("documents"),
        index.FilterField("number"),
    ]
    parent_page_types = ["cms.TransparencyIndexPage", "cms.TransparencyCategoryPage"]
    subpage_types = ["cms.TransparencyCategoryPage"]

    class Meta:
        verbose_name = _("categoría de transparencia")
        verbose_name_plural = _("categorías de transparencia")

    @property
    def numbered_title(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def has_content(self) -> bool:
        return bool(len(self.body) or len(self.documents))

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}
