"""The training and guidelines library (guides, videos, courses) and the easy-read versions of
the site's key pages, with their slot for a Colombian Sign Language (LSC) video."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from core import page_views


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guía")
    VIDEO = "video", _("Video")
    COURSE = "course", _("Curso")


class Topic(models.TextChoices):
    SOCIAL_CONTROL = "social_control", _("Control social")
    OVERSIGHT = "oversight", _("Veedurías ciudadanas")
    OPEN_DATA = "open_data", _("Datos abiertos")
    REPORTING = "reporting", _("Cómo denunciar")
    TRANSPARENCY = "transparency", _("Transparencia y acceso a la información")
    PARTICIPATION = "participation", _("Participación ciudadana")


class Audience(models.TextChoices):
    CITIZENS = "citizens", _("Ciudadanía")
    OVERSIGHT_GROUPS = "oversight_groups", _("Veedores y organizaciones sociales")
    PUBLIC_SERVANTS = "public_servants", _("Servidores públicos")
    STUDENTS = "students", _("Estudiantes y docentes")
    JOURNALISTS = "journalists", _("Periodistas")


class EasyReadTopic(models.TextChoices):
    REPORTS = "reports", _("Canal de denuncias")
    PARTICIPATION = "participation", _("Participación: retos e ideas")


class LibraryIndexPage(Page):
    """/biblioteca/: the resources, filtered by topic, audience and kind."""

    intro = models.TextField(_("introducción"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["library.LibraryResourcePage", "library.EasyReadPage"]
    max_count = 1

    class Meta:
        verbose_name = _("biblioteca")

    def get_context(self, request, *args, **kwargs):
        # The filtered list comes from library/views.py (core.page_views): this module never
        # imports what reads it.
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}


class LibraryResourcePage(Page):
    """A guide, a video or a course on social control, oversight, open data or reporting."""

    kind = models.CharField(_("tipo"), max_length=10, choices=ResourceKind.choices)
    topic = models.CharField(_("tema"), max_length=20, choices=Topic.choices)
    audience = models.CharField(_("público"), max_length=20, choices=Audience.choices)
    duration_minutes = models.PositiveIntegerField(
        _("duración (minutos)"),
        null=True,
        blank=True,
        help_text=_("Tiempo de lectura, del video o del curso."),
    )
    summary = models.TextField(_("resumen"), max_length=600)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("dirección del video o del curso"),
        blank=True,
        help_text=_("Se muestra como enlace: la página no incrusta contenido de otros sitios."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("topic"), FieldPanel("audience"), FieldPanel("duration_minutes")],
            heading=_("Ficha"),
        ),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("video_url"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("recurso de la biblioteca")
        verbose_name_plural = _("recursos de la biblioteca")


class EasyReadPage(Page):
    """A key page told in easy-read Spanish (short sentences, one idea each), with a slot for
    the same content in Colombian Sign Language (LSC)."""

    about = models.CharField(
        _("versión fácil de"),
        max_length=20,
        choices=EasyReadTopic.choices,
        unique=True,
        help_text=_("La página original muestra un enlace a esta versión."),
    )
    summary = models.TextField(_("en pocas palabras"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)
    lsc_video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video en Lengua de Señas Colombiana (LSC)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Un archivo MP4 o WebM que se reproduce en la página."),
    )
    lsc_transcript = models.TextField(
        _("descripción del video en LSC"), blank=True, help_text=_("Lo que se dice en el video, en texto.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("about"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("lsc_video"), FieldPanel("lsc_transcript")], heading=_("Lengua de señas")
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["library.LibraryIndexPage", "cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("página de lectura fácil")
        verbose_name_plural = _("páginas de lectura fácil")

    # Where the full version of each page lives.
    ORIGINAL_PATHS = {EasyReadTopic.REPORTS: "/denuncias/", EasyReadTopic.PARTICIPATION: "/retos/"}

    @property
    def original_url(self) -> str:
        return self.ORIGINAL_PATHS.get(self.about, "/")
