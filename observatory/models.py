"""Indicators with their observations and targets, and the annual anti-corruption plan (PAAC)."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from core.territories import CITY, TERRITORY_CHOICES
from observatory.periods import PERIOD_HELP, validate_period

# Paths under /observatorio/ that are not indicators.
RESERVED_SLUGS = {"gestion", "plan-anticorrupcion", "datos"}


def validate_indicator_slug(value: str) -> None:
    from django.core.exceptions import ValidationError

    if value in RESERVED_SLUGS:
        raise ValidationError(_("Ese identificador está reservado; elija otro."))


class Theme(models.TextChoices):
    TRANSPARENCY = "transparencia", _("Transparencia y acceso a la información")
    PROCUREMENT = "contratacion", _("Contratación pública")
    CITIZEN_SERVICE = "atencion", _("Atención a la ciudadanía")
    BUDGET = "presupuesto", _("Presupuesto y finanzas públicas")
    PARTICIPATION = "participacion", _("Participación ciudadana")
    INTEGRITY = "integridad", _("Integridad y control")


class Periodicity(models.TextChoices):
    YEARLY = "yearly", _("Anual")
    QUARTERLY = "quarterly", _("Trimestral")
    MONTHLY = "monthly", _("Mensual")


class Indicator(ClusterableModel):
    name = models.CharField(_("nombre"), max_length=200)
    slug = models.SlugField(
        _("identificador"),
        max_length=80,
        unique=True,
        validators=[validate_indicator_slug],
        help_text=_("Aparece en la dirección y en los datos abiertos; no lo cambie una vez publicado."),
    )
    description = models.TextField(_("descripción"), blank=True)
    unit = models.CharField(_("unidad"), max_length=40, help_text=_("Por ejemplo: %, puntos, días, número."))
    higher_is_better = models.BooleanField(
        _("más alto es mejor"),
        default=True,
        help_text=_("Desmarque si un valor más bajo es mejor (p. ej., tiempo de respuesta)."),
    )
    source = models.CharField(_("fuente"), max_length=300)
    methodology = models.TextField(_("metodología"), blank=True)
    periodicity = models.CharField(
        _("periodicidad"), max_length=10, choices=Periodicity.choices, default=Periodicity.YEARLY
    )
    responsible_office = models.CharField(_("dependencia responsable"), max_length=200, blank=True)
    theme = models.CharField(_("tema"), max_length=20, choices=Theme.choices, default=Theme.TRANSPARENCY)
    computed = models.BooleanField(
        _("calculado por la plataforma"),
        default=False,
        editable=False,
        help_text=_("Sus mediciones las calcula la plataforma con sus propios datos."),
    )
    published = models.BooleanField(_("publicado"), default=True)
    order = models.PositiveSmallIntegerField(_("orden"), default=100)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("theme")],
            heading=_("Indicador"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("unit"), FieldPanel("periodicity")]),
                FieldPanel("higher_is_better"),
                FieldPanel("source"),
                FieldPanel("responsible_office"),
                FieldPanel("methodology"),
            ],
            heading=_("Medición"),
        ),
        InlinePanel("targets", heading=_("Metas"), label=_("Meta")),
        FieldRowPanel([FieldPanel("published"), FieldPanel("order")]),
    ]

    class Meta:
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("observatory:indicator", kwargs={"slug": self.slug})


class Target(models.Model):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.CharField(_("periodo"), max_length=7, validators=[validate_period], help_text=PERIOD_HELP)
    value = models.DecimalField(_("meta"), max_digits=18, decimal_places=4)

    panels = [FieldRowPanel([FieldPanel("period"), FieldPanel("value")])]

    class Meta:
        verbose_name = _("meta")
        verbose_name_plural = _("metas")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="observatory_target_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period}: {self.value}"


class Observation(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    period = models.CharField(_("periodo"), max_length=7, validators=[validate_period], help_text=PERIOD_HELP)
    # The first day of the period, set by the services: orders periods of any length in SQL.
    period_start = models.DateField(editable=False)
    territory = models.CharField(_("territorio"), max_length=20, choices=TERRITORY_CHOICES, default=CITY)
    value = models.DecimalField(_("valor"), max_digits=18, decimal_places=4)
    note = models.CharField(_("nota"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("medición")
        verbose_name_plural = _("mediciones")
        ordering = ["period_start", "period", "territory"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "territory"], name="observatory_observation_once"
            )
        ]
        indexes = [
            models.Index(fields=["indicator", "territory", "-period_start"], name="observatory_obs_latest")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period} {self.territory}: {self.value}"


# --- Plan Anticorrupción y de Atención al Ciudadano ---


class Plan(ClusterableModel):
    year = models.PositiveSmallIntegerField(
        _("año"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("título"), max_length=200)
    summary = models.TextField(_("resumen"), blank=True)
    published = models.BooleanField(_("publicado"), default=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("published")]),
        FieldPanel("title"),
        FieldPanel("summary"),
        InlinePanel("components", heading=_("Componentes"), label=_("Componente")),
    ]

    class Meta:
        verbose_name = _("plan anticorrupción")
        verbose_name_plural = _("planes anticorrupción")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("observatory:plan", kwargs={"year": self.year})


class ComponentManager(models.Manager):
    """Components and activities name their plan's year (admin choices): read it in the same query."""

    path = "plan"

    def get_queryset(self):
        return super().get_queryset().select_related(self.path)


class ActivityManager(ComponentManager):
    path = "component__plan"


class Component(models.Model):
    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="components")
    number = models.PositiveSmallIntegerField(_("número"), default=1)
    name = models.CharField(_("nombre"), max_length=200)
    description = models.TextField(_("descripción"), blank=True)

    objects = ComponentManager()

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("name")]), FieldPanel("description")]

    class Meta:
        verbose_name = _("componente")
        verbose_name_plural = _("componentes")
        ordering = ["plan", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="observatory_component_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.plan.year} · {self.number}. {self.name}"


class Activity(models.Model):
    component = models.ForeignKey(
        Component, on_delete=models.CASCADE, related_name="activities", verbose_name=_("componente")
    )
    code = models.CharField(_("código"), max_length=12, help_text=_("Por ejemplo 1.2 o 3.4."))
    description = models.TextField(_("actividad"))
    goal = models.CharField(_("meta o producto"), max_length=300)
    indicator = models.CharField(_("indicador"), max_length=300)
    responsible_office = models.CharField(_("dependencia responsable"), max_length=200)
    start_date = models.DateField(_("fecha de inicio"))
    due_date = models.DateField(_("fecha de terminación"))

    objects = ActivityManager()

    panels = [
        FieldPanel("component"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("goal"),
        FieldPanel("indicator"),
        FieldPanel("responsible_office"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")]),
    ]

    class Meta:
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")
        ordering = ["component__number", "code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["component", "code"], name="observatory_activity_code_once"),
            models.CheckConstraint(
                condition=models.Q(due_date__gte=models.F("start_date")),
                name="observatory_activity_due_after_start",
                violation_error_message=_("La fecha de terminación no puede ser anterior a la de inicio."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.component.plan.year} · {self.code} {self.description[:60]}"


class Cut(models.TextChoices):
    APRIL = "april", _("Primer corte (30 de abril)")
    AUGUST = "august", _("Segundo corte (31 de agosto)")
    DECEMBER = "december", _("Tercer corte (31 de diciembre)")


CUT_DATES = {Cut.APRIL: (4, 30), Cut.AUGUST: (8, 31), Cut.DECEMBER: (12, 31)}


class FollowUp(ClusterableModel):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("plan")
    )
    cut = models.CharField(_("corte"), max_length=10, choices=Cut.choices)
    published_on = models.DateField(_("publicado el"), null=True, blank=True)
    summary = models.TextField(_("informe de seguimiento"), blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("documento del informe"),
    )

    panels = [
        FieldPanel("plan"),
        FieldRowPanel([FieldPanel("cut"), FieldPanel("published_on")]),
        FieldPanel("summary"),
        FieldPanel("report"),
        InlinePanel("progress", heading=_("Avance de cada actividad"), label=_("Avance")),
    ]

    class Meta:
        verbose_name = _("seguimiento")
        verbose_name_plural = _("seguimientos")
        ordering = ["plan", "cut"]  # april, august, december: alphabetical is chronological
        constraints = [models.UniqueConstraint(fields=["plan", "cut"], name="observatory_follow_up_once")]

    def __str__(self) -> str:
        return f"{self.plan.year} · {self.get_cut_display()}"

    @property
    def cut_date(self) -> datetime.date:
        month, day = CUT_DATES[Cut(self.cut)]
        return datetime.date(self.plan.year, month, day)


class Progress(models.Model):
    """An activity's progress at one follow-up cut, with its evidence."""

    follow_up = ParentalKey(FollowUp, on_delete=models.CASCADE, related_name="progress")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="progress", verbose_name=_("actividad")
    )
    percent = models.PositiveSmallIntegerField(
        _("avance (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    evidence_url = models.URLField(_("enlace a la evidencia"), blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("documento de evidencia"),
    )
    note = models.TextField(_("observaciones"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("activity"), FieldPanel("percent")]),
        FieldPanel("evidence_url"),
        FieldPanel("evidence_document"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("avance")
        verbose_name_plural = _("avances")
        ordering = ["activity__component__number", "activity__code"]
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "activity"], name="observatory_progress_once"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="observatory_progress_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} @ {self.follow_up_id}: {self.percent} %"
