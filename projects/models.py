"""Projects (proyectos, compromisos): what the city does with a selected idea or a plan
commitment, its milestones with their evidence and the dated public timeline of its changes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.territories import CITY, TERRITORY_CHOICES


class Status(models.TextChoices):
    PLANNED = "planned", _("Planeado")
    IN_PROGRESS = "in_progress", _("En ejecución")
    COMPLETED = "completed", _("Terminado")
    CANCELLED = "cancelled", _("Cancelado")


class Project(ClusterableModel):
    title = models.CharField(_("título"), max_length=200)
    summary = models.TextField(_("descripción"), help_text=_("Qué se hará y para quién, en lenguaje claro."))
    idea = models.OneToOneField(
        "ideas.Idea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project",
        verbose_name=_("idea seleccionada"),
        help_text=_("Vacío para un compromiso que no viene de una idea (p. ej., del plan anticorrupción)."),
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("reto"),
        help_text=_("Se toma de la idea cuando hay una."),
    )
    office = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("dependencia responsable"),
    )
    budget = models.DecimalField(
        _("presupuesto (COP)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    starts_on = models.DateField(_("fecha de inicio"))
    ends_on = models.DateField(_("fecha de terminación prevista"))
    status = models.CharField(_("estado"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    territory = models.CharField(_("territorio"), max_length=20, choices=TERRITORY_CHOICES, default=CITY)
    published = models.BooleanField(_("publicado"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("summary"), FieldPanel("idea"), FieldPanel("challenge")],
            heading=_("Proyecto"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("office"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("territory")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("budget"),
                FieldPanel("published"),
            ],
            heading=_("Ejecución"),
        ),
        InlinePanel("milestones", heading=_("Hitos"), label=_("Hito")),
    ]

    class Meta:
        verbose_name = _("proyecto")
        verbose_name_plural = _("proyectos")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="projects_project_ends_after_start",
                violation_error_message=_("La fecha de terminación no puede ser anterior a la de inicio."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"pk": self.pk})


class Milestone(Orderable):
    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("hito"), max_length=200)
    weight = models.PositiveSmallIntegerField(
        _("peso"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Cuánto pesa en el avance del proyecto frente a los demás hitos."),
    )
    due_on = models.DateField(_("fecha prevista"))
    done_on = models.DateField(_("cumplido el"), null=True, blank=True)
    evidence_url = models.URLField(_("enlace a la evidencia"), blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("documento de evidencia"),
    )
    evidence_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("foto de evidencia"),
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("weight")]),
        FieldRowPanel([FieldPanel("due_on"), FieldPanel("done_on")]),
        FieldPanel("evidence_url"),
        FieldRowPanel([FieldPanel("evidence_document"), FieldPanel("evidence_image")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1), name="projects_milestone_weight_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("Un hito no puede cumplirse en una fecha futura.")})

    def evidence_urls(self) -> list[str]:
        urls = [self.evidence_url] if self.evidence_url else []
        if self.evidence_document_id:
            urls.append(self.evidence_document.url)
        if self.evidence_image_id:
            urls.append(self.evidence_image.file.url)
        return urls


class Update(models.Model):
    """One dated line of a project's public timeline."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Proyecto creado")
        STATUS = "status", _("Cambio de estado")
        MILESTONE_DONE = "milestone_done", _("Hito cumplido")
        MILESTONE_REOPENED = "milestone_reopened", _("Hito reabierto")
        MILESTONE_ADDED = "milestone_added", _("Hito nuevo")
        EDITED = "edited", _("Datos actualizados")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("texto"), max_length=500)
    milestone = models.ForeignKey(
        Milestone, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When it happened (a milestone's done date), which may be before it was recorded.
    occurred_on = models.DateField(_("fecha"), default=timezone.localdate)
    created_at = models.DateTimeField(_("registrado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("novedad del proyecto")
        verbose_name_plural = _("novedades del proyecto")
        ordering = ["-occurred_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "-occurred_on"], name="projects_update_timeline")]

    def __str__(self) -> str:
        return f"{self.project_id} {self.kind}: {self.text[:60]}"
