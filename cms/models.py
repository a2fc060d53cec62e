"""Page types of the CMS and the site's identity settings."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.transparency import PublishedDocumentBlock, TransparencyCategoryPage, TransparencyIndexPage
from core import home, page_cache

__all__ = [
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PublishedDocumentBlock",
    "SiteIdentity",
    "StandardPage",
    "TransparencyCategoryPage",
    "TransparencyIndexPage",
]


class HomePage(Page):
    """The lab's front door: its purpose, the latest news and the organisations taking part."""

    hero_title = models.CharField(_("título principal"), max_length=160)
    hero_text = models.TextField(_("presentación"), max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Presentación")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.NewsIndexPage",
        "challenges.ChallengeIndexPage",
        "cms.TransparencyIndexPage",
        "consultations.ConsultationIndexPage",
        "library.LibraryIndexPage",
        "library.EasyReadPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("página de inicio")

    def get_context(self, request, *args, **kwargs):
        from accounts.models import Organization

        page_cache.shows(request, "organizations", *home.namespaces())
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().order_by("-date", "-pk").select_related("image")[:3]
        )
        context["organizations"] = Organization.objects.filter(verified=True).order_by("name")[:12]
        context["home_sections"] = home.sections(request)
        context["home_figures"] = home.figures()
        return context


class StandardPage(Page):
    """A page of text: about the lab, policies, help."""

    summary = models.TextField(_("resumen"), blank=True, max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("página estándar")


class NewsIndexPage(RoutablePageMixin, Page):
    """The list of news, with RSS and Atom feeds."""

    intro = models.TextField(_("introducción"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1
    page_size = 10

    class Meta:
        verbose_name = _("índice de noticias")

    def news(self):
        return (
            NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk").select_related("image")
        )

    @path("")
    def index_route(self, request):
        page = Paginator(self.news(), self.page_size).get_page(request.GET.get("pagina"))
        return self.render(request, context_overrides={"news_page": page})

    @path("rss/", name="rss")
    def rss_route(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(Page):
    date = models.DateField(_("fecha"))
    summary = models.TextField(_("resumen"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("noticia")
        verbose_name_plural = _("noticias")


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Who runs the site and how to reach them: shown in every page's footer."""

    entity_name = models.CharField(
        _("nombre de la entidad"), max_length=160, default="Alcaldía de Bucaramanga"
    )
    address = models.CharField(
        _("dirección"), max_length=200, default="Calle 35 # 10-43, Centro, Bucaramanga, Santander"
    )
    opening_hours = models.CharField(
        _("horario de atención"), max_length=200, default="Lunes a viernes de 7:30 a. m. a 4:30 p. m."
    )
    phone = models.CharField(_("teléfono"), max_length=60, default="(607) 633 7000")
    contact_email = models.EmailField(_("correo de contacto"), default="contactenos@bucaramanga.gov.co")
    judicial_email = models.EmailField(
        _("correo para notificaciones judiciales"), default="notificaciones@bucaramanga.gov.co"
    )

    toll_free_phone = models.CharField(_("línea gratuita"), max_length=60, blank=True)
    pqrsd_url = models.URLField(
        _("enlace para peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD)"),
        blank=True,
    )
    attention_channels = models.TextField(
        _("otros canales de atención"),
        blank=True,
        max_length=600,
        default="Atención presencial en el Centro Administrativo Municipal, primer piso.",
        help_text=_("Texto breve: puntos de atención presencial, chat, ventanillas."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotipo de la entidad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Se muestra en el encabezado de cada página; sin él, el logotipo del laboratorio."),
    )
    coat_of_arms = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("escudo del municipio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("toll_free_phone"),
                FieldPanel("contact_email"),
                FieldPanel("judicial_email"),
                FieldPanel("logo"),
                FieldPanel("coat_of_arms"),
            ],
            heading=_("Entidad"),
        ),
        MultiFieldPanel(
            [FieldPanel("pqrsd_url"), FieldPanel("attention_channels")], heading=_("Canales de atención")
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Redes sociales"),
        ),
    ]

    def pqrsd_link(self) -> str:
        """Where the footer's PQRSD link goes: the entity's form, or else its contact e-mail."""
        return self.pqrsd_url or f"mailto:{self.contact_email}"

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """The entity's social networks as plain links (no embeds, no third-party scripts)."""
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]

    class Meta:
        verbose_name = _("identidad del sitio")
