"""Debate sessions and everything a live room records: messages, the speaking queue, turns,
polls, mutes, attendance, the append-only event log with its per-session sequence, and minutes."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programada")
    LIVE = "live", _("En vivo")
    PAUSED = "paused", _("En pausa")
    CLOSED = "closed", _("Cerrada")


class Access(models.TextChoices):
    VERIFIED = "verified", _("Cualquier cuenta verificada")
    INVITED = "invited", _("Solo organizaciones invitadas")


STREAM_HOSTS = ("youtube.com", "youtu.be", "facebook.com", "fb.watch")


def validate_stream_url(value: str) -> None:
    host = (urlsplit(value).hostname or "").lower()
    if urlsplit(value).scheme != "https" or not any(
        host == h or host.endswith(f".{h}") for h in STREAM_HOSTS
    ):
        raise ValidationError(
            _(
                "Use una dirección https de YouTube o Facebook Live "
                "(youtube.com, youtu.be, facebook.com, fb.watch)."
            ),
            code="stream_host",
        )


class DebateSession(models.Model):
    title = models.CharField(_("título"), max_length=200)
    description = models.TextField(_("descripción"), blank=True)
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("reto"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="debate_sessions",
    )
    starts_at = models.DateTimeField(_("inicio programado"))
    ends_at = models.DateTimeField(_("fin programado"))
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("moderadores"), blank=True, related_name="moderated_sessions"
    )
    status = models.CharField(
        _("estado"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    public = models.BooleanField(
        _("pública"), default=True, help_text=_("Cualquier persona, aun sin cuenta, puede ver la sala.")
    )
    access = models.CharField(
        _("quién participa"), max_length=10, choices=Access.choices, default=Access.VERIFIED
    )
    invited_organizations = models.ManyToManyField(
        "accounts.Organization", verbose_name=_("organizaciones invitadas"), blank=True, related_name="+"
    )
    speaking_time = models.PositiveIntegerField(_("tiempo de intervención (segundos)"), default=180)
    moderated = models.BooleanField(
        _("modo moderado"), default=False, help_text=_("Los mensajes esperan aprobación antes de publicarse.")
    )
    announcement = models.CharField(_("anuncio fijado"), max_length=500, blank=True)
    stream_url = models.URLField(
        _("enlace de la transmisión"),
        blank=True,
        validators=[validate_stream_url],
        help_text=_("Dirección de la transmisión en YouTube o Facebook Live; la sala muestra el enlace."),
    )
    # The last sequence number given to an event of this session; raised under a row lock.
    seq = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sesión de debate")
        verbose_name_plural = _("sesiones de debate")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="debates_session_dates"
            ),
            models.CheckConstraint(condition=Q(speaking_time__gte=10), name="debates_session_speaking_time"),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="debates_session_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("debates:room", args=[self.pk])

    @property
    def ws_path(self) -> str:
        return f"/ws/sessions/{self.pk}/"


class SessionFollow(models.Model):
    """A person follows a debate session to be told when it is scheduled or rescheduled, goes
    live, and when its minutes are published."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_follows"
    )
    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seguimiento de sesión de debate")
        verbose_name_plural = _("seguimientos de sesiones de debate")
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="debates_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.session_id}"


class MessageKind(models.TextChoices):
    QUESTION = "question", _("Pregunta")
    INTERVENTION = "intervention", _("Intervención")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("En espera de aprobación")
    APPROVED = "approved", _("Aprobado")
    HIDDEN = "hidden", _("Oculto")


class Message(models.Model):
    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=MessageKind.choices, default=MessageKind.INTERVENTION)
    body = models.TextField(max_length=1000)
    body_html = models.TextField()
    status = models.CharField(max_length=10, choices=MessageStatus.choices, default=MessageStatus.APPROVED)
    upvote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mensaje")
        verbose_name_plural = _("mensajes")
        indexes = [models.Index(fields=["session", "status", "-created_at"], name="debates_message_room")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Upvote(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="upvotes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="debates_upvote_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.message_id}"


class FloorRequestStatus(models.TextChoices):
    WAITING = "waiting", _("En espera")
    GRANTED = "granted", _("Con la palabra")
    LOWERED = "lowered", _("Retirada")
    REMOVED = "removed", _("Retirada por moderación")


class FloorRequest(models.Model):
    """A raised hand: one waiting request per person and session, ordered by `position`."""

    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="floor_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=FloorRequestStatus.choices, default=FloorRequestStatus.WAITING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(status="waiting"), name="debates_one_raised_hand"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} #{self.position}"


class FloorTurn(models.Model):
    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="turns")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"], condition=Q(ended_at__isnull=True), name="debates_one_open_turn"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.started_at:%H:%M}"


class PollStatus(models.TextChoices):
    OPEN = "open", _("Abierta")
    CLOSED = "closed", _("Cerrada")


class Poll(models.Model):
    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(max_length=300)
    status = models.CharField(max_length=8, choices=PollStatus.choices, default=PollStatus.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["opened_at", "pk"]

    def __str__(self) -> str:
        return self.question


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField()
    vote_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="debates_vote_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.option_id}"


class Mute(models.Model):
    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="debates_mute_once")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.session_id}"


class Attendance(models.Model):
    """One connection of a signed-in person to a room: when it opened and closed."""

    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    connected_at = models.DateTimeField(auto_now_add=True)
    disconnected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["session", "connected_at"], name="debates_attendance_room")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.session_id}"


class SessionEvent(models.Model):
    """The append-only log of a room: every broadcast event, with its gap-free `seq`.

    Moderator actions are the events whose `actor` moderated; the minutes list them."""

    session = models.ForeignKey(DebateSession, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_moderator = models.BooleanField(default=False)
    payload = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "seq"]
        constraints = [models.UniqueConstraint(fields=["session", "seq"], name="debates_event_seq_once")]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.seq} {self.type}"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    PUBLISHED = "published", _("Publicada")


class Minutes(models.Model):
    session = models.OneToOneField(DebateSession, on_delete=models.CASCADE, related_name="minutes")
    body = models.TextField(_("texto del acta (Markdown)"))
    status = models.CharField(max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    generated_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("acta")
        verbose_name_plural = _("actas")

    def __str__(self) -> str:
        return str(self.session)
