"""Public consultations of drafts: the pages editors publish, the comments on their sections
and the responsible office's answers that make up the global report of observations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import page_cache, page_views


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Próximamente")
    OPEN = "open", _("Abierta a comentarios")
    CLOSED = "closed", _("Cerrada: en respuesta")
    ANSWERED = "answered", _("Respondida: informe publicado")


class Stance(models.TextChoices):
    FOR = "for", _("A favor")
    AGAINST = "against", _("En contra")
    NEUTRAL = "neutral", _("Neutral")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Aceptada")
    PARTLY = "partly", _("Aceptada parcialmente")
    NOT_ACCEPTED = "not_accepted", _("No aceptada")


# The page-cache namespace of every consultation page (consultations/cache.py bumps it).
CONSULTATIONS = "consultations"


def next_consultation_boundary():
    """The next moment a published consultation opens or closes (None when none will)."""
    now = timezone.now()
    moments = [
        moment
        for row in ConsultationPage.objects.live().values_list("opens_at", "closes_at")
        for moment in row
        if moment and moment > now
    ]
    return min(moments, default=None)


class ConsultationIndexPage(Page):
    """/consultas/: every public consultation, open ones first."""

    intro = models.TextField(_("introducción"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count = 1

    def page_cache_declare(self, request) -> None:
        # Comments and answers change the page without a publish; it also ends at the next
        # opening or closing of a consultation.
        page_cache.shows(request, CONSULTATIONS, until=next_consultation_boundary)

    class Meta:
        verbose_name = _("índice de consultas")

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}


class ConsultationPage(RoutablePageMixin, Page):
    """A draft (the PAAC, the risk map, a policy, a regulation) open to comments section by section."""

    summary = models.TextField(_("resumen"), max_length=800)
    opens_at = models.DateTimeField(_("abre el"))
    closes_at = models.DateTimeField(_("cierra el"))
    office = models.ForeignKey(
        "accounts.Office",
        verbose_name=_("dependencia responsable"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    report_intro = models.TextField(
        _("presentación del informe"),
        blank=True,
        max_length=2000,
        help_text=_("Texto que encabeza el informe global de observaciones."),
    )
    report_published_at = models.DateTimeField(
        _("informe publicado el"), null=True, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("office")],
            heading=_("Plazo y responsable"),
        ),
        InlinePanel("sections", label=_("Secciones numeradas"), min_num=1),
        InlinePanel("attachments", label=_("Anexos")),
        FieldPanel("report_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []

    def page_cache_declare(self, request) -> None:
        # Comments and answers change the page without a publish; it also ends at the next
        # opening or closing of a consultation.
        page_cache.shows(request, CONSULTATIONS, until=next_consultation_boundary)

    class Meta:
        verbose_name = _("consulta pública")
        verbose_name_plural = _("consultas públicas")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("La consulta debe cerrar después de abrir.")})

    def status_at(self, now) -> str:
        if now < self.opens_at:
            return ConsultationStatus.UPCOMING
        if now < self.closes_at:
            return ConsultationStatus.OPEN
        if self.report_published_at is not None:
            return ConsultationStatus.ANSWERED
        return ConsultationStatus.CLOSED

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return ConsultationStatus(self.status).label

    # Routes: the views live in consultations/views.py, registered in core.page_views (so this
    # module never imports what reads it).

    @path("")
    def index_route(self, request):
        return page_views.serve(self, "", request)

    @re_path(r"^secciones/(?P<section_id>\d+)/comentar/$", name="comment")
    def comment_route(self, request, section_id):
        return page_views.serve(self, "comment", request, int(section_id))

    @re_path(r"^comentarios/(?P<comment_id>\d+)/responder/$", name="answer")
    def answer_route(self, request, comment_id):
        return page_views.serve(self, "answer", request, int(comment_id))

    @re_path(r"^comentarios/(?P<comment_id>\d+)/ocultar/$", name="hide")
    def hide_route(self, request, comment_id):
        return page_views.serve(self, "hide", request, int(comment_id))

    @path("informe/", name="report")
    def report_route(self, request):
        return page_views.serve(self, "report", request)

    @path("publicar-informe/", name="publish_report")
    def publish_report_route(self, request):
        return page_views.serve(self, "publish_report", request)


class ConsultationSection(Orderable):
    """A numbered part of the draft (an article, a paragraph) that people comment on."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("número"), max_length=20, help_text=_("Por ejemplo «1», «2.3» o «Art. 4»."))
    heading = models.CharField(_("título"), max_length=200)
    text = models.TextField(_("texto"), help_text=_("Markdown: párrafos, listas, negrilla."))

    panels = [FieldPanel("number"), FieldPanel("heading"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("sección")
        verbose_name_plural = _("secciones")

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}"


class ConsultationAttachment(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("documento"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("título"), max_length=200, blank=True, help_text=_("Si lo deja vacío se usa el del documento.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("anexo")
        verbose_name_plural = _("anexos")

    @property
    def label(self) -> str:
        return self.title or self.document.title


class ConsultationComment(models.Model):
    """A participant's observation on one section, with a stance and perhaps a new wording."""

    section = models.ForeignKey(ConsultationSection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_comments"
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("en nombre de"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_comments",
    )
    stance = models.CharField(_("postura"), max_length=10, choices=Stance.choices)
    body = models.TextField(_("observación"), max_length=4000)
    body_html = models.TextField(editable=False)
    proposed_text = models.TextField(_("redacción propuesta"), max_length=4000, blank=True)
    hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("observación")
        verbose_name_plural = _("observaciones")
        indexes = [models.Index(fields=["section", "hidden", "stance"], name="consultations_comment_count")]

    def __str__(self) -> str:
        return self.body[:60]


class CommentAnswer(models.Model):
    """The responsible office's public answer to one observation."""

    comment = models.OneToOneField(ConsultationComment, on_delete=models.CASCADE, related_name="answer")
    decision = models.CharField(_("decisión"), max_length=15, choices=Decision.choices)
    body = models.TextField(_("respuesta"), max_length=4000)
    body_html = models.TextField(editable=False)
    office = models.ForeignKey(
        "accounts.Office", verbose_name=_("dependencia"), on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("respondida el"))

    class Meta:
        verbose_name = _("respuesta")
        verbose_name_plural = _("respuestas")

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.body[:60]}"
