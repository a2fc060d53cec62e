"""Ideas for a challenge, their supports, comments, status history, flags and evaluations."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string

from accounts.models import ParticipantType
from core.territories import COMUNAS, CORREGIMIENTOS, TERRITORY_NAMES


class IdeaStatus(models.TextChoices):
    PUBLISHED = "published", _("Publicada")
    UNDER_EVALUATION = "under_evaluation", _("En evaluación")
    SELECTED = "selected", _("Seleccionada")
    NOT_SELECTED = "not_selected", _("No seleccionada")
    IN_IMPLEMENTATION = "in_implementation", _("En implementación")
    IMPLEMENTED = "implemented", _("Implementada")
    HIDDEN = "hidden", _("Oculta")


# Where in the city an idea would take place: one of the 17 comunas or 3 corregimientos (the
# stable codes of core.territories, which open data also uses), or blank for the whole city.
COMUNA_CHOICES = [
    ("", _("Toda la ciudad")),
    (_("Comunas"), COMUNAS),
    (_("Corregimientos"), CORREGIMIENTOS),
]
COMUNA_CODES = frozenset(code for code, _name in [*COMUNAS, *CORREGIMIENTOS])


class Idea(models.Model):
    challenge = models.ForeignKey(
        "challenges.ChallengePage", on_delete=models.CASCADE, related_name="ideas", verbose_name=_("reto")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("autor/a")
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("en nombre de"),
    )
    title = models.CharField(_("título"), max_length=140)
    body = models.TextField(_("descripción"), max_length=10_000)
    body_html = models.TextField(editable=False)
    comuna = models.CharField(
        _("comuna o corregimiento"), max_length=20, choices=COMUNA_CHOICES, blank=True, default=""
    )
    # A Wagtail image in the participants' collection; its `description` is the alt text. Only
    # shown on pages while the idea is not hidden (stored by ideas.services.participation._store_image;
    # its file stays at its media address: an editor deletes the image to remove it).
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imagen"),
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.PUBLISHED
    )
    hidden_reason = models.CharField(_("motivo de ocultamiento"), max_length=300, blank=True)
    # Kept by the services with F() updates in the same transaction as the rows they count.
    support_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at"]
        # The public lists: one partial index per ordering (ideas.selectors.ORDERINGS), so that a
        # page of a challenge's ideas is read in index order without sorting 10,000 rows.
        indexes = [
            models.Index(
                fields=["challenge", "-support_count", "-created_at", "-id"],
                condition=~models.Q(status="hidden"),
                name="ideas_public_by_supports",
            ),
            models.Index(
                fields=["challenge", "-created_at", "-id"],
                condition=~models.Q(status="hidden"),
                name="ideas_public_by_date",
            ),
            models.Index(
                fields=["challenge", "-comment_count", "-created_at", "-id"],
                condition=~models.Q(status="hidden"),
                name="ideas_public_by_comments",
            ),
            # The comuna filter of a challenge's list, in the default order.
            models.Index(
                fields=["challenge", "comuna", "-support_count", "-created_at", "-id"],
                condition=~models.Q(status="hidden"),
                name="ideas_public_by_comuna",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:detail", kwargs={"pk": self.pk})

    @property
    def is_hidden(self) -> bool:
        return self.status == IdeaStatus.HIDDEN

    @property
    def comuna_name(self) -> str:
        """The comuna or corregimiento's official name, or "" for the whole city."""
        return TERRITORY_NAMES.get(self.comuna, "") if self.comuna else ""


class Support(models.Model):
    """One account's support for one idea. The unique constraint keeps the count exact."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")
    # The supporter's type when they supported, for the results broken down by type.
    participant_type = models.CharField(max_length=20, choices=ParticipantType.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("apoyo")
        verbose_name_plural = _("apoyos")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="ideas_support_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class IdeaFollow(models.Model):
    """A person follows an idea to be told of its status changes, new comments and the
    milestones of its implementation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seguimiento de idea")
        verbose_name_plural = _("seguimientos de ideas")
        constraints = [models.UniqueConstraint(fields=["user", "idea"], name="ideas_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class IdeaStatusChange(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    status_from = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    status_to = models.CharField(max_length=20, choices=IdeaStatus.choices)
    reason = models.TextField(_("motivo público"), max_length=2000)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("cambio de estado")
        verbose_name_plural = _("cambios de estado")

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.status_from} → {self.status_to}"


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    body = models.TextField(_("comentario"), max_length=3000)
    body_html = models.TextField(editable=False)
    hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comentario")
        verbose_name_plural = _("comentarios")

    def __str__(self) -> str:
        return self.body[:60]


class Evaluation(models.Model):
    """One evaluator's score of one idea on one criterion. Public only in aggregate."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="evaluations")
    criterion = models.ForeignKey(
        "challenges.EvaluationCriterion", on_delete=models.CASCADE, related_name="+"
    )
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("puntaje"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comentario"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "criterion", "evaluator"], name="ideas_evaluation_once"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="ideas_score_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.idea_id} · {self.criterion_id} · {self.score}"


# Moderation ---------------------------------------------------------------------------

# Exactly one of idea / comment is set: a flag or a decision is about one piece of content.
_ONE_TARGET = models.Q(idea__isnull=False, comment__isnull=True) | models.Q(
    idea__isnull=True, comment__isnull=False
)


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Publicidad o spam")
    OFFENSIVE = "offensive", _("Lenguaje ofensivo, discriminatorio o amenazante")
    PERSONAL_DATA = "personal_data", _("Expone datos personales de alguien")
    OFF_TOPIC = "off_topic", _("No tiene relación con el reto")
    OTHER = "other", _("Otro motivo")


class FlagResolution(models.TextChoices):
    HIDDEN = "hidden", _("Contenido ocultado")
    DISMISSED = "dismissed", _("Reporte descartado")


class Flag(models.Model):
    """Someone's report that an idea or a comment breaks the rules, and how it was resolved."""

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags")
    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("motivo"), max_length=20, choices=FlagReason.choices)
    detail = models.TextField(_("detalle"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reportado el"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resuelto el"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(_("resolución"), max_length=10, choices=FlagResolution.choices, blank=True)

    class Meta:
        verbose_name = _("reporte de contenido")
        verbose_name_plural = _("reportes de contenido")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=_ONE_TARGET, name="ideas_flag_one_target"),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolution="")
                | models.Q(resolved_at__isnull=False, resolution__in=FlagResolution.values),
                name="ideas_flag_resolution_consistent",
            ),
            # One open flag per person per piece of content; once resolved, it may be flagged again.
            models.UniqueConstraint(
                fields=["reporter", "idea"],
                condition=models.Q(resolved_at__isnull=True, idea__isnull=False),
                name="ideas_flag_idea_once_open",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=models.Q(resolved_at__isnull=True, comment__isnull=False),
                name="ideas_flag_comment_once_open",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(resolved_at__isnull=True), name="ideas_flag_open"
            ),
        ]

    def __str__(self) -> str:
        target = f"idea {self.idea_id}" if self.idea_id else f"comment {self.comment_id}"
        return f"{self.reason} · {target}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def target(self) -> "Idea | Comment":
        return self.idea if self.idea_id else self.comment

    @property
    def target_idea(self) -> Idea:
        """The idea the flagged content belongs to (the idea itself, or the comment's idea)."""
        return self.idea if self.idea_id else self.comment.idea


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("Ocultar")
    DISMISS = "dismiss", _("Descartar reporte")
    UNHIDE = "unhide", _("Volver a mostrar")


class ModerationLog(models.Model):
    """Append-only record of every moderation decision. Rows are created, never changed."""

    action = models.CharField(_("acción"), max_length=10, choices=ModerationAction.choices)
    idea = models.ForeignKey(
        Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation_log"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation_log"
    )
    flag = models.ForeignKey(Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("motivo público"), max_length=2000, blank=True)
    # For a hidden idea: the status it had, so that "volver a mostrar" can restore it.
    previous_status = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)

    class Meta:
        verbose_name = _("decisión de moderación")
        verbose_name_plural = _("registro de moderación")
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=_ONE_TARGET, name="ideas_moderationlog_one_target")]

    def __str__(self) -> str:
        target = f"idea {self.idea_id}" if self.idea_id else f"comment {self.comment_id}"
        return f"{self.action} · {target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    @property
    def target(self) -> "Idea | Comment":
        return self.idea if self.idea_id else self.comment
