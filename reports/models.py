"""Corruption reports, their conversation, attachments, history and the audit log of reads.

Everything a reporter writes is encrypted at rest (EncryptedTextField, encrypted files);
nothing here holds an IP address, a user agent, a referrer or the reporter's account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.territories import TERRITORY_CHOICES
from reports.crypto import EncryptedTextField


class Category(models.TextChoices):
    CONTRACTING = "contratacion", _("Contratación pública irregular")
    BRIBERY = "soborno", _("Soborno o cohecho")
    EMBEZZLEMENT = "peculado", _("Peculado (uso indebido de recursos públicos)")
    INFLUENCE = "trafico_influencias", _("Tráfico de influencias")
    UNDUE_CHARGES = "cobros_indebidos", _("Cobros indebidos por trámites o servicios")
    NEPOTISM = "nepotismo", _("Nepotismo o favorecimiento en nombramientos")
    OTHER = "otro", _("Otro hecho de corrupción")


class Status(models.TextChoices):
    RECEIVED = "received", _("Recibida")
    IN_REVIEW = "in_review", _("En revisión")
    AWAITING_COMPLETION = "awaiting_completion", _("Pendiente de completar")
    ANSWERED = "answered", _("Respondida")
    FORWARDED = "forwarded", _("Trasladada por competencia")
    CLOSED = "closed", _("Cerrada")
    WITHDRAWN = "withdrawn", _("Desistida")


OPEN_STATUSES = (Status.RECEIVED, Status.IN_REVIEW, Status.AWAITING_COMPLETION)
# The clock runs in these statuses (it stops while awaiting completion).
RUNNING_STATUSES = (Status.RECEIVED, Status.IN_REVIEW)
RESPONDED_STATUSES = (Status.ANSWERED, Status.FORWARDED)


class Kind(models.TextChoices):
    REPORT = "report", _("Denuncia")
    INFORMATION = "information", _("Solicitud de información")


class HowKnown(models.TextChoices):
    WITNESS = "witness", _("Lo vi o lo viví directamente")
    DOCUMENTS = "documents", _("Tengo documentos que lo muestran")
    TOLD = "told", _("Me lo contaron")
    PUBLIC = "public", _("Es de conocimiento público")
    OTHER = "other", _("Otra forma")


class Channel(models.TextChoices):
    WEB = "web", _("Formulario web")
    PHONE = "phone", _("Teléfono")
    IN_PERSON = "in_person", _("En persona")
    LETTER = "letter", _("Carta")
    EMAIL = "email", _("Correo electrónico")


# The channels on which staff record a report on the reporter's behalf.
STAFF_CHANNELS = (Channel.PHONE, Channel.IN_PERSON, Channel.LETTER, Channel.EMAIL)


class Report(models.Model):
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    category = models.CharField(_("tema"), max_length=30, choices=Category.choices)
    status = models.CharField(_("estado"), max_length=30, choices=Status.choices, default=Status.RECEIVED)
    # What the reporter wrote: encrypted.
    description = EncryptedTextField(_("qué pasó"))
    entity = EncryptedTextField(_("entidad u oficina"))
    place = EncryptedTextField(_("lugar"), blank=True)
    people_involved = EncryptedTextField(_("personas involucradas"), blank=True)
    how_known_detail = EncryptedTextField(_("cómo lo sabe (detalle)"), blank=True)
    contact_name = EncryptedTextField(_("nombre de contacto"), blank=True)
    contact_email = EncryptedTextField(_("correo de contacto"), blank=True)
    contact_phone = EncryptedTextField(_("teléfono de contacto"), blank=True)
    # Coarse facts that the statistics and the handling need, in the clear.
    territory = models.CharField(
        _("comuna o corregimiento"), max_length=30, choices=TERRITORY_CHOICES, blank=True
    )
    occurred_on = models.DateField(_("cuándo ocurrió"), null=True, blank=True)
    how_known = models.CharField(_("cómo lo sabe"), max_length=20, choices=HowKnown.choices, blank=True)
    fears_retaliation = models.BooleanField(_("teme represalias"), default=False)
    # The receipt: a slow hash (Argon2id) and a keyed index to find the row without scanning.
    receipt_hash = models.CharField(max_length=200)
    receipt_index = models.CharField(max_length=64, unique=True)
    # Terms, in Colombian business days.
    received_on = models.DateField(_("recibida el"))
    term_days = models.PositiveSmallIntegerField(_("término (días hábiles)"))
    extension_days = models.PositiveSmallIntegerField(_("prórroga (días hábiles)"), default=0)
    extension_reason = EncryptedTextField(_("motivo de la prórroga"), blank=True)
    due_on = models.DateField(_("vence el"), null=True, blank=True)
    # While awaiting completion the clock stops: the business days that were left.
    paused_days_left = models.PositiveSmallIntegerField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(_("respondida el"), null=True, blank=True)
    responded_in_term = models.BooleanField(null=True, blank=True)
    business_days_to_respond = models.PositiveSmallIntegerField(null=True, blank=True)
    forwarded_to = models.CharField(_("autoridad competente"), max_length=200, blank=True)
    forwarded_on = models.DateField(_("trasladada el"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignada a"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    reminded_soon_for = models.DateField(null=True, blank=True)
    reminded_overdue_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("denuncia")
        verbose_name_plural = _("denuncias")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="report_status_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(extension_days__lte=models.F("term_days")),
                name="report_extension_at_most_term",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Denuncia n.º %(number)s") % {"number": self.pk})

    @property
    def number(self) -> str:
        return f"{self.pk:06d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class StatusChange(models.Model):
    """The history a reporter sees: each change with its reason."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    reason = EncryptedTextField(_("motivo"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.to_status}"


class Message(models.Model):
    class Author(models.TextChoices):
        REPORTER = "reporter", _("Quien denuncia")
        HANDLER = "handler", _("Oficina de Transparencia")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=10, choices=Author.choices)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An internal note is for the handlers only; the reporter never sees it.
    internal = models.BooleanField(default=False)
    body = EncryptedTextField(_("mensaje"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(internal=True, author="reporter"),
                name="report_message_reporter_not_internal",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.author}"


class Attachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    # Random names in the storage; the files are encrypted.
    stored_name = models.CharField(max_length=200)
    clean_name = models.CharField(max_length=200, blank=True)
    original_filename = EncryptedTextField()
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.pk}"

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class AuditAction(models.TextChoices):
    VIEW = "view", _("Leyó la denuncia")
    VIEW_ATTACHMENT = "view_attachment", _("Vio un adjunto (copia sin metadatos)")
    VIEW_ORIGINAL = "view_original", _("Vio un adjunto original")
    ASSIGN = "assign", _("Asignó")
    CHANGE_STATUS = "change_status", _("Cambió el estado")
    EXTEND = "extend", _("Prorrogó el término")
    NOTE = "note", _("Escribió una nota interna")
    MESSAGE = "message", _("Escribió a quien denuncia")
    RECORD = "record", _("Registró una denuncia recibida por otro canal")
    REFER = "refer", _("Remitió a una autoridad")
    REFERRAL_STAGE = "referral_stage", _("Actualizó una remisión")
    DECIDE = "decide", _("Registró la decisión")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The report audit log is append-only.")

    def delete(self):
        raise TypeError("The report audit log is append-only.")


class AuditEntry(models.Model):
    """Who did what with which report, and when. Append-only: never updated or deleted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registro de acceso")

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} {self.report_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The report audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The report audit log is append-only.")


# Referrals and outcomes: what the competent authorities did with a report.


class Authority(models.TextChoices):
    PROCURADURIA = "procuraduria", _("Procuraduría General de la Nación")
    CONTRALORIA = "contraloria", _("Contraloría")
    FISCALIA = "fiscalia", _("Fiscalía General de la Nación")
    PERSONERIA = "personeria", _("Personería de Bucaramanga")
    CONTROL_INTERNO = "control_interno", _("Oficina de Control Interno Disciplinario")
    OTHER = "other", _("Otra entidad")


class Stage(models.TextChoices):
    SENT = "sent", _("Enviada")
    ACKNOWLEDGED = "acknowledged", _("Recibida por la autoridad")
    INVESTIGATING = "investigating", _("En investigación")
    DECIDED = "decided", _("Decidida")


STAGE_ORDER = {stage: index for index, stage in enumerate(Stage.values)}


class Decision(models.TextChoices):
    ARCHIVED = "archived", _("Archivo")
    DISCIPLINARY_SANCTION = "disciplinary_sanction", _("Sanción disciplinaria")
    FISCAL_LIABILITY = "fiscal_liability", _("Responsabilidad fiscal")
    CRIMINAL_CHARGES = "criminal_charges", _("Imputación penal")
    ADMINISTRATIVE_MEASURE = "administrative_measure", _("Medida administrativa")
    NOT_COMPETENT = "not_competent", _("Sin competencia")


class AuthorityMixin(models.Model):
    authority = models.CharField(_("autoridad"), max_length=30, choices=Authority.choices)
    other_authority = models.CharField(
        _("nombre de la otra entidad"), max_length=200, blank=True, help_text=_("Solo si es otra entidad.")
    )

    class Meta:
        abstract = True

    @property
    def authority_name(self) -> str:
        if self.authority == Authority.OTHER:
            return self.other_authority
        return str(self.get_authority_display())


class Referral(AuthorityMixin):
    """A report sent to a competent authority, and how far that authority has got with it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="referrals")
    referred_on = models.DateField(_("remitida el"))
    case_reference = models.CharField(
        _("radicado de la autoridad"),
        max_length=100,
        blank=True,
        help_text=_("El número que le dio la autoridad."),
    )
    stage = models.CharField(_("etapa"), max_length=20, choices=Stage.choices, default=Stage.SENT)
    updated_on = models.DateField(_("actualizada el"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("remisión")
        verbose_name_plural = _("remisiones")
        ordering = ["referred_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(updated_on__gte=models.F("referred_on")),
                name="referral_updated_after_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.authority_name}"


class Outcome(AuthorityMixin):
    """The decision on a report, written for the reporter, and the reporter's short survey."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="outcome")
    decision = models.CharField(_("decisión"), max_length=30, choices=Decision.choices)
    decided_on = models.DateField(_("decidida el"))
    summary = EncryptedTextField(_("resumen para quien denuncia"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The reporter's survey: how satisfied (1 to 5) and whether they would report again.
    satisfaction = models.PositiveSmallIntegerField(_("satisfacción"), null=True, blank=True)
    would_report_again = models.BooleanField(_("volvería a denunciar"), null=True, blank=True)
    surveyed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("decisión")
        verbose_name_plural = _("decisiones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="outcome_satisfaction_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.decision}"
