"""Indicators with their observations and targets, and the annual anti-corruption plan (PAAC)."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.territories import CITY, TERRITORY_CHOICES
from observatory.periods import PERIOD_HELP, validate_period

# Paths under /observatorio/ that are not indicators.
RESERVED_SLUGS = {"gestion", "plan-anticorrupcion", "datos", "riesgos"}


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
    responsible_office = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        related_name="plan_activities",
        verbose_name=_("dependencia responsable"),
    )
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


# --- Mapa de riesgos de corrupción (PAAC, componente 1) ---


class RiskLevel(models.TextChoices):
    LOW = "low", _("Baja")
    MODERATE = "moderate", _("Moderada")
    HIGH = "high", _("Alta")
    EXTREME = "extreme", _("Extrema")


# The 5×5 heat map of the national risk-management guide (DAFP, Guía para la administración
# del riesgo): rows are the probability (1 rare … 5 almost certain), columns the impact
# (1 insignificant … 5 catastrophic). Corruption risks use only impacts 3 to 5.
LEVEL_MATRIX: dict[int, tuple[str, str, str, str, str]] = {
    1: ("low", "low", "moderate", "high", "high"),
    2: ("low", "low", "moderate", "high", "extreme"),
    3: ("low", "moderate", "high", "extreme", "extreme"),
    4: ("moderate", "high", "high", "extreme", "extreme"),
    5: ("high", "high", "extreme", "extreme", "extreme"),
}

PROBABILITY_CHOICES = [
    (1, _("1 · Rara vez")),
    (2, _("2 · Improbable")),
    (3, _("3 · Posible")),
    (4, _("4 · Probable")),
    (5, _("5 · Casi seguro")),
]
# For corruption risks impact is never below moderate (the guide's rule).
IMPACT_CHOICES = [(3, _("3 · Moderado")), (4, _("4 · Mayor")), (5, _("5 · Catastrófico"))]
MIN_CORRUPTION_IMPACT = 3


def risk_level(probability: int, impact: int) -> str:
    return LEVEL_MATRIX[probability][impact - 1]


def valuation_error(
    inherent_probability: int, inherent_impact: int, residual_probability: int, residual_impact: int
) -> tuple[str, str] | None:
    """(code, message) when a corruption risk's valuation breaks the guide's rules, else None."""
    for value in (inherent_probability, residual_probability):
        if not 1 <= value <= 5:
            return "invalid", str(_("La probabilidad va de 1 (rara vez) a 5 (casi seguro)."))
    for value in (inherent_impact, residual_impact):
        if not MIN_CORRUPTION_IMPACT <= value <= 5:
            return "invalid", str(
                _("El impacto de un riesgo de corrupción nunca es menor que moderado (3): va de 3 a 5.")
            )
    if residual_probability > inherent_probability or residual_impact > inherent_impact:
        return "residual_above_inherent", str(
            _("El riesgo residual no puede ser mayor que el inherente: los controles no aumentan el riesgo.")
        )
    return None


def level_expression(probability: str, impact: str) -> models.Case:
    """The matrix as SQL, so the level is computed by the database and filterable."""
    return models.Case(
        *[
            models.When(**{probability: p, impact: i + 1}, then=models.Value(level))
            for p, row in LEVEL_MATRIX.items()
            for i, level in enumerate(row)
        ],
        default=models.Value(""),
        output_field=models.CharField(max_length=10),
    )


class Process(models.TextChoices):
    PROCUREMENT = "contratacion", _("Contratación")
    PROCEDURES = "tramites", _("Trámites y servicios a la ciudadanía")
    HUMAN_RESOURCES = "talento_humano", _("Gestión del talento humano")
    FINANCE = "hacienda", _("Gestión financiera y tributaria")
    PLANNING = "planeacion", _("Planeación y ordenamiento territorial")
    INFRASTRUCTURE = "infraestructura", _("Obras e infraestructura")
    LEGAL = "juridica", _("Gestión jurídica")
    DOCUMENTS = "documental", _("Gestión documental")
    IT = "tecnologia", _("Tecnologías de la información")
    CONTROL = "control", _("Control interno y disciplinario")


class Risk(ClusterableModel):
    code = models.CharField(_("código"), max_length=20, unique=True, help_text=_("Por ejemplo RC-01."))
    title = models.CharField(_("riesgo"), max_length=300)
    process = models.CharField(_("proceso"), max_length=20, choices=Process.choices)
    office = models.ForeignKey(
        "accounts.Office",
        on_delete=models.PROTECT,
        related_name="risks",
        verbose_name=_("dependencia responsable"),
    )
    description = models.TextField(_("descripción"))
    causes = models.TextField(_("causas"))
    consequences = models.TextField(_("consecuencias"))
    inherent_probability = models.PositiveSmallIntegerField(
        _("probabilidad inherente"), choices=PROBABILITY_CHOICES
    )
    inherent_impact = models.PositiveSmallIntegerField(_("impacto inherente"), choices=IMPACT_CHOICES)
    residual_probability = models.PositiveSmallIntegerField(
        _("probabilidad residual"), choices=PROBABILITY_CHOICES, help_text=_("Después de los controles.")
    )
    residual_impact = models.PositiveSmallIntegerField(
        _("impacto residual"), choices=IMPACT_CHOICES, help_text=_("Después de los controles.")
    )
    inherent_level = models.GeneratedField(
        expression=level_expression("inherent_probability", "inherent_impact"),
        output_field=models.CharField(
            _("zona de riesgo inherente"), max_length=10, choices=RiskLevel.choices
        ),
        db_persist=True,
    )
    residual_level = models.GeneratedField(
        expression=level_expression("residual_probability", "residual_impact"),
        output_field=models.CharField(_("zona de riesgo residual"), max_length=10, choices=RiskLevel.choices),
        db_persist=True,
    )
    published = models.BooleanField(_("publicado"), default=True)
    updated_at = models.DateTimeField(_("actualizado el"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("process")]),
                FieldPanel("title"),
                FieldPanel("office"),
                FieldPanel("description"),
                FieldPanel("causes"),
                FieldPanel("consequences"),
            ],
            heading=_("Identificación"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("inherent_probability"), FieldPanel("inherent_impact")]),
                FieldRowPanel([FieldPanel("residual_probability"), FieldPanel("residual_impact")]),
            ],
            heading=_("Valoración"),
        ),
        InlinePanel("controls", heading=_("Controles"), label=_("Control")),
        InlinePanel("actions", heading=_("Acciones"), label=_("Acción")),
        FieldPanel("published"),
    ]

    class Meta:
        verbose_name = _("riesgo de corrupción")
        verbose_name_plural = _("riesgos de corrupción")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(inherent_probability__gte=1, inherent_probability__lte=5)
                & models.Q(residual_probability__gte=1, residual_probability__lte=5)
                & models.Q(inherent_impact__gte=MIN_CORRUPTION_IMPACT, inherent_impact__lte=5)
                & models.Q(residual_impact__gte=MIN_CORRUPTION_IMPACT, residual_impact__lte=5),
                name="observatory_risk_scales",
                violation_error_message=_(
                    "La probabilidad va de 1 a 5 y el impacto de un riesgo de corrupción de 3 (moderado) a 5."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(residual_probability__lte=models.F("inherent_probability")),
                name="observatory_risk_residual_probability",
                violation_error_message=_(
                    "La probabilidad residual no puede ser mayor que la inherente: "
                    "los controles no aumentan el riesgo."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(residual_impact__lte=models.F("inherent_impact")),
                name="observatory_risk_residual_impact",
                violation_error_message=_(
                    "El impacto residual no puede ser mayor que el inherente: "
                    "los controles no aumentan el riesgo."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("observatory:risk", kwargs={"code": self.code})

    @property
    def inherent_level_label(self) -> str:
        return RiskLevel(self.inherent_level).label if self.inherent_level else ""

    @property
    def residual_level_label(self) -> str:
        return RiskLevel(self.residual_level).label if self.residual_level else ""

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        values = (
            self.inherent_probability,
            self.inherent_impact,
            self.residual_probability,
            self.residual_impact,
        )
        if None not in values and (error := valuation_error(*values)):
            raise ValidationError(error[1], code=error[0])


class Control(Orderable):
    class Kind(models.TextChoices):
        PREVENTIVE = "preventive", _("Preventivo")
        DETECTIVE = "detective", _("Detectivo")
        CORRECTIVE = "corrective", _("Correctivo")

    class Frequency(models.TextChoices):
        CONTINUOUS = "continuous", _("Permanente")
        EACH_TIME = "each_time", _("Cada vez que ocurre la actividad")
        MONTHLY = "monthly", _("Mensual")
        QUARTERLY = "quarterly", _("Trimestral")
        YEARLY = "yearly", _("Anual")

    risk = ParentalKey(Risk, on_delete=models.CASCADE, related_name="controls")
    description = models.TextField(_("control"))
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind.choices)
    owner = models.CharField(_("responsable"), max_length=200)
    documented = models.BooleanField(_("documentado"), default=False)
    frequency = models.CharField(_("frecuencia"), max_length=12, choices=Frequency.choices)

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("frequency")]),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("documented")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("control")
        verbose_name_plural = _("controles")

    def __str__(self) -> str:
        return self.description[:80]


class RiskAction(Orderable):
    risk = ParentalKey(Risk, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("acción"))
    owner = models.CharField(_("responsable"), max_length=200)
    starts_on = models.DateField(_("fecha de inicio"))
    due_on = models.DateField(_("fecha de terminación"))
    done_on = models.DateField(_("terminada el"), null=True, blank=True)

    panels = [
        FieldPanel("description"),
        FieldPanel("owner"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("due_on"), FieldPanel("done_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("acción frente al riesgo")
        verbose_name_plural = _("acciones frente al riesgo")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("starts_on")),
                name="observatory_riskaction_due_after_start",
                violation_error_message=_("La fecha de terminación no puede ser anterior a la de inicio."),
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]


def validate_cut_date(value: datetime.date) -> None:
    from django.core.exceptions import ValidationError

    if (value.month, value.day) not in CUT_DATES.values():
        raise ValidationError(
            _(
                "El seguimiento solo se hace en los cortes legales: "
                "30 de abril, 31 de agosto o 31 de diciembre."
            ),
            code="not_a_cut",
        )


class RiskFollowUp(models.Model):
    """The control office's follow-up of one risk at one legal cut."""

    risk = models.ForeignKey(
        Risk, on_delete=models.CASCADE, related_name="followups", verbose_name=_("riesgo")
    )
    cut_on = models.DateField(
        _("corte"),
        validators=[validate_cut_date],
        help_text=_("30 de abril, 31 de agosto o 31 de diciembre."),
    )
    progress = models.PositiveSmallIntegerField(
        _("avance de las acciones (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    notes = models.TextField(_("observaciones de la oficina de control interno"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("risk"),
        FieldRowPanel([FieldPanel("cut_on"), FieldPanel("progress")]),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("seguimiento del riesgo")
        verbose_name_plural = _("seguimientos de los riesgos")
        ordering = ["risk", "-cut_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk", "cut_on"],
                name="observatory_risk_followup_once",
                violation_error_message=_("Ese riesgo ya tiene seguimiento en ese corte."),
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="observatory_risk_followup_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.risk_id} @ {self.cut_on}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        from django.utils import timezone

        if self.cut_on and self.cut_on > timezone.localdate():
            raise ValidationError(
                {"cut_on": _("Ese corte aún no llega: el seguimiento se registra después del corte.")}
            )
