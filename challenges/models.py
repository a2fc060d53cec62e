"""Challenges (retos): a Wagtail page with its phase schedule, co-leads and evaluation criteria."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from core import page_views


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Próximamente")
    IDEAS = "ideas", _("Recepción de ideas")
    VOTING = "voting", _("Votación")
    EVALUATION = "evaluation", _("Evaluación")
    RESULTS = "results", _("Resultados")
    CLOSED = "closed", _("Cerrado")


class ChallengeIndexPage(Page):
    intro = models.TextField(_("introducción"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["challenges.ChallengePage"]
    max_count = 1

    class Meta:
        verbose_name = _("índice de retos")

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}


class ChallengeTag(TaggedItemBase):
    content_object = ParentalKey(
        "challenges.ChallengePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ChallengePage(RoutablePageMixin, Page):
    """A problem the city opens to proposals, with phases computed from its dates (America/Bogota).

    Its routes (the page with its ideas, the proposal form, CSV and Atom) are rendered by
    ideas/, registered in core.page_views: a challenge knows nothing of what is proposed for it."""

    summary = models.TextField(_("resumen"), max_length=400)
    problem = StreamField(BaseStreamBlock(), verbose_name=_("planteamiento del problema"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=ChallengeTag, blank=True, verbose_name=_("temas"))
    co_leads = ParentalManyToManyField(
        "accounts.Organization",
        blank=True,
        related_name="co_led_challenges",
        verbose_name=_("entidades co-líderes"),
    )
    ideas_open_at = models.DateTimeField(_("apertura de ideas"))
    ideas_close_at = models.DateTimeField(_("cierre de ideas"))
    voting_open_at = models.DateTimeField(_("apertura de la votación"))
    voting_close_at = models.DateTimeField(_("cierre de la votación"))
    results_at = models.DateTimeField(_("publicación de resultados"))
    closed_at = models.DateTimeField(_("cierre del reto"), null=True, blank=True)
    support_limit = models.PositiveSmallIntegerField(
        _("apoyos por participante"),
        null=True,
        blank=True,
        help_text=_("Cuántas ideas de este reto puede apoyar cada persona. Vacío: sin límite."),
    )
    support_weight = models.PositiveSmallIntegerField(
        _("peso de los apoyos en el resultado (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("El resto del peso corresponde al puntaje de evaluación de los co-líderes."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("image"),
        FieldPanel("tags"),
        FieldPanel("co_leads"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ideas_open_at"), FieldPanel("ideas_close_at")]),
                FieldRowPanel([FieldPanel("voting_open_at"), FieldPanel("voting_close_at")]),
                FieldRowPanel([FieldPanel("results_at"), FieldPanel("closed_at")]),
            ],
            heading=_("Calendario"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("support_limit"),
                FieldPanel("support_weight"),
                InlinePanel("criteria", label=_("Criterios")),
            ],
            heading=_("Votación y evaluación"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.FilterField("ideas_open_at"),
    ]
    parent_page_types = ["challenges.ChallengeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("reto")
        verbose_name_plural = _("retos")

    # The views behind these routes are registered by the apps that render them (core.page_views):
    # the page with its ideas, the proposal form, CSV and Atom of the ideas all belong to ideas/.
    @path("")
    def index_route(self, request):
        return page_views.serve(self, "", request, default=lambda request, page: page.render(request))

    @path("proponer/", name="propose")
    def propose_route(self, request):
        return page_views.serve(self, "propose", request)

    @path("ideas/csv/", name="ideas_csv")
    def csv_route(self, request):
        return page_views.serve(self, "ideas_csv", request)

    @path("ideas/atom/", name="ideas_atom")
    def atom_route(self, request):
        return page_views.serve(self, "ideas_atom", request)

    def get_context(self, request, *args, **kwargs):
        # Other apps add their part of the page (sessions/: the debate sessions of the challenge).
        return {**super().get_context(request, *args, **kwargs), **page_views.extra_context(self, request)}

    def schedule(self) -> list[tuple[str, datetime.datetime | None]]:
        """The milestones in order: when each phase starts."""
        return [
            (Phase.IDEAS, self.ideas_open_at),
            (Phase.EVALUATION, self.ideas_close_at),
            (Phase.VOTING, self.voting_open_at),
            (Phase.EVALUATION, self.voting_close_at),
            (Phase.RESULTS, self.results_at),
            (Phase.CLOSED, self.closed_at),
        ]

    def phase_at(self, moment: datetime.datetime) -> str:
        """The phase at `moment`: the last milestone reached. Between the close of ideas and
        the opening of the vote the co-leads review what came in, so that gap is evaluation."""
        phase = Phase.UPCOMING
        for milestone_phase, starts_at in self.schedule():
            if starts_at is not None and moment >= starts_at:
                phase = milestone_phase
        return phase

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    @property
    def phase_label(self) -> str:
        return Phase(self.phase).label

    @property
    def voting_over(self) -> bool:
        """The vote has closed: an evaluation now is the jury's, not the review before the vote."""
        return timezone.now() >= self.voting_close_at

    def next_milestone(self, moment: datetime.datetime | None = None) -> tuple[str, datetime.datetime] | None:
        """The next phase change after `moment`, for the countdown."""
        moment = moment or timezone.now()
        for milestone_phase, starts_at in self.schedule():
            if starts_at is not None and starts_at > moment:
                return milestone_phase, starts_at
        return None

    def clean(self):
        super().clean()
        order = [
            ("ideas_open_at", self.ideas_open_at),
            ("ideas_close_at", self.ideas_close_at),
            ("voting_open_at", self.voting_open_at),
            ("voting_close_at", self.voting_close_at),
            ("results_at", self.results_at),
            ("closed_at", self.closed_at),
        ]
        previous_name, previous = None, None
        for name, value in order:
            if value is None:
                continue
            if previous is not None and value < previous:
                raise ValidationError(
                    {
                        name: _("Esta fecha no puede ser anterior a «%(previous)s».")
                        % {"previous": self._meta.get_field(previous_name).verbose_name}
                    }
                )
            previous_name, previous = name, value


class EvaluationCriterion(Orderable):
    challenge = ParentalKey(ChallengePage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterio"), max_length=120)
    description = models.TextField(_("descripción"), blank=True, max_length=500)
    weight = models.PositiveSmallIntegerField(
        _("peso"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("criterio de evaluación")
        verbose_name_plural = _("criterios de evaluación")

    def __str__(self) -> str:
        return self.name


class Follow(models.Model):
    """A person follows a challenge to be told when its phase changes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    challenge = models.ForeignKey(ChallengePage, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seguimiento de reto")
        verbose_name_plural = _("seguimientos de retos")
        constraints = [models.UniqueConstraint(fields=["user", "challenge"], name="challenges_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.challenge_id}"


class PhaseNotice(models.Model):
    """The last phase of a challenge its followers were told about (notify_phase_changes).

    Kept apart from the page: page fields are copied from revisions on publish, which would
    overwrite a value written by the command."""

    challenge = models.OneToOneField(ChallengePage, on_delete=models.CASCADE, related_name="phase_notice")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    notified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aviso de fase")
        verbose_name_plural = _("avisos de fase")

    def __str__(self) -> str:
        return f"{self.challenge_id}: {self.phase}"
