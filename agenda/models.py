"""Events of the agenda and the people registered for them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    DEBATE = "debate", _("Sesión de debate")
    WORKSHOP = "workshop", _("Taller")
    TRAINING = "training", _("Formación")
    MEETING = "meeting", _("Reunión")


class Event(models.Model):
    """One event of the agenda. A debate session has its own event, kept in step with it."""

    title = models.CharField(_("título"), max_length=200)
    kind = models.CharField(_("tipo"), max_length=10, choices=EventKind.choices, default=EventKind.WORKSHOP)
    description = models.TextField(_("descripción"), blank=True)
    starts_at = models.DateTimeField(_("inicio"))
    ends_at = models.DateTimeField(_("fin"))
    venue = models.CharField(
        _("lugar"), max_length=200, blank=True, help_text=_("Vacío si es solo en línea.")
    )
    address = models.CharField(_("dirección"), max_length=250, blank=True)
    accessibility = models.TextField(
        _("accesibilidad del lugar"),
        blank=True,
        help_text=_("Rampas, ascensor, baños accesibles, interpretación en lengua de señas…"),
    )
    online_url = models.URLField(_("enlace en línea o transmisión"), blank=True)
    capacity = models.PositiveIntegerField(
        _("cupo"), null=True, blank=True, help_text=_("Vacío: sin inscripción previa ni límite de cupo.")
    )
    office = models.ForeignKey(
        "accounts.Office",
        verbose_name=_("dependencia organizadora"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organización organizadora"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personas organizadoras"),
        blank=True,
        related_name="+",
        help_text=_("Pueden descargar la lista de asistencia."),
    )
    debate_session = models.OneToOneField(
        "debates.DebateSession",
        verbose_name=_("sesión de debate"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="agenda_event",
    )
    public = models.BooleanField(_("pública"), default=True)
    cancelled = models.BooleanField(_("cancelada"), default=False)
    registered_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["public", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Calendars (iCalendar) hold whole seconds: keep the same times everywhere.
        self.starts_at = self.starts_at.replace(microsecond=0)
        self.ends_at = self.ends_at.replace(microsecond=0)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("agenda:detail", args=[self.pk])

    @property
    def takes_registration(self) -> bool:
        return self.capacity is not None and not self.cancelled

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered_count, 0)

    @property
    def organizer_name(self) -> str:
        if self.office_id:
            return self.office.name
        if self.organization_id:
            return self.organization.name
        return ""


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Inscrita")
    WAITLISTED = "waitlisted", _("En lista de espera")
    CANCELLED = "cancelled", _("Cancelada")


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=10, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # Order on the waiting list: when the person asked, or joined the list again.
    queued_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.event} · {self.user} · {self.status}"
