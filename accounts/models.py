"""People, their consent to the personal-data policy, organisations and memberships."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

ANONYMOUS_NAME = _("participante anónimo")


class ParticipantType(models.TextChoices):
    CITIZEN = "citizen", _("Ciudadano/a")
    UNIVERSITY = "university", _("Universidad")
    GUILD = "guild", _("Gremio")
    CIVIL_SOCIETY = "civil_society", _("Sociedad civil")
    PUBLIC_ENTITY = "public_entity", _("Entidad pública")
    COMPANY = "company", _("Empresa")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. The e-mail address is the login; the display name is what the public sees."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("correo electrónico"), unique=True)
    display_name = models.CharField(
        _("nombre público"),
        max_length=80,
        help_text=_("Así lo verán los demás en sus ideas, apoyos y comentarios."),
    )
    participant_type = models.CharField(
        _("tipo de participante"),
        max_length=20,
        choices=ParticipantType.choices,
        default=ParticipantType.CITIZEN,
        help_text=_("Sirve para desagregar los resultados de los retos."),
    )
    deleted_at = models.DateTimeField(_("eliminada el"), null=True, blank=True, editable=False)
    email_notifications = models.BooleanField(
        _("recibir avisos por correo"),
        default=True,
        help_text=_(
            "Le escribiremos cuando cambie el estado de sus ideas, le respondan un comentario, "
            "se modere su contenido o cambie de fase un reto que sigue. Los avisos siguen "
            "apareciendo en el sitio."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("cuenta")
        verbose_name_plural = _("cuentas")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown next to a person's public contributions."""
        if self.deleted_at or not self.display_name:
            return str(ANONYMOUS_NAME)
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class Consent(models.Model):
    """A person's acceptance of one version of the personal-data policy (Ley 1581 de 2012)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    policy_version = models.CharField(_("versión de la política"), max_length=20)
    accepted_at = models.DateTimeField(_("aceptada el"), auto_now_add=True)

    class Meta:
        verbose_name = _("autorización de tratamiento de datos")
        verbose_name_plural = _("autorizaciones de tratamiento de datos")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "policy_version"], name="accounts_consent_once_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.policy_version}"


# An organisation is of one of the participant types other than a citizen, so that results
# broken down by participant type and by organisation kind speak the same language.
ORGANIZATION_KINDS = [
    (value, label) for value, label in ParticipantType.choices if value != ParticipantType.CITIZEN
]


class Organization(models.Model):
    """A university, guild or other body whose approved members act on its behalf."""

    name = models.CharField(_("nombre"), max_length=160, unique=True)
    slug = models.SlugField(_("identificador"), max_length=160, unique=True)
    kind = models.CharField(_("tipo"), max_length=20, choices=ORGANIZATION_KINDS)
    description = models.TextField(_("descripción"), blank=True)
    website = models.URLField(_("sitio web"), blank=True)
    verified = models.BooleanField(
        _("verificada"),
        default=False,
        help_text=_("El equipo del laboratorio confirmó que la organización es quien dice ser."),
    )
    verified_at = models.DateTimeField(_("verificada el"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)

    class Meta:
        verbose_name = _("organización")
        verbose_name_plural = _("organizaciones")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="accounts_organization_name_ci_unique",
                violation_error_message=_("Ya existe una organización con ese nombre."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("accounts:organization_detail", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A person's request to act for an organisation, and its decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pendiente")
        APPROVED = "approved", _("Aprobada")
        REJECTED = "rejected", _("Rechazada")

    class Role(models.TextChoices):
        MEMBER = "member", _("Miembro")
        ADMIN = "admin", _("Administrador/a")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("mensaje"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decidida el"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("membresía")
        verbose_name_plural = _("membresías")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="accounts_membership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization} ({self.status})"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class NotificationKind(models.TextChoices):
    IDEA_STATUS = "idea_status", _("Cambio de estado de su idea")
    COMMENT_REPLY = "comment_reply", _("Respuesta a su comentario")
    MODERATION = "moderation", _("Decisión de moderación")
    CHALLENGE_PHASE = "challenge_phase", _("Cambio de fase de un reto que sigue")
    DEBATE_SESSION = "debate_session", _("Sesión de debate que sigue, o de un reto que sigue")
    CONSULTATION_REPORT = "consultation_report", _("Informe de una consulta en la que participó")
    PROJECT_MILESTONE = "project_milestone", _("Avance de la implementación de una idea que sigue")
    IDEA_FOLLOWED = "idea_followed", _("Novedades de una idea que sigue")


class Notification(models.Model):
    """One notice in a person's inbox (the bell). Written by accounts.notifications.notify."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("tipo"), max_length=30, choices=NotificationKind.choices)
    message = models.TextField(_("mensaje"), max_length=1000)
    # A path on this site ("/ideas/12/"), made absolute only in e-mail.
    url = models.CharField(_("enlace"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    read_at = models.DateTimeField(_("leído el"), null=True, blank=True)

    class Meta:
        verbose_name = _("aviso")
        verbose_name_plural = _("avisos")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="accounts_notif_inbox"),
            # The bell's COUNT of unread notices.
            models.Index(
                fields=["recipient"], condition=models.Q(read_at__isnull=True), name="accounts_notif_unread"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.kind}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Office(models.Model):
    """A dependencia of the city administration (Secretaría de Hacienda, Oficina de Control
    Interno…): the list editors keep, used wherever an office is responsible for something
    (plan activities, risks, projects, consultations, events, report referrals)."""

    name = models.CharField(_("nombre"), max_length=160, unique=True)
    slug = models.SlugField(_("identificador"), max_length=160, unique=True)
    acronym = models.CharField(_("sigla"), max_length=20, blank=True)
    email = models.EmailField(_("correo de contacto"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="offices",
        verbose_name=_("integrantes"),
        help_text=_("Personas de la dependencia que actualizan lo que está a su cargo (proyectos)."),
    )
    active = models.BooleanField(
        _("vigente"),
        default=True,
        help_text=_("Las dependencias que ya no existen se conservan para la historia."),
    )

    class Meta:
        verbose_name = _("dependencia")
        verbose_name_plural = _("dependencias")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
