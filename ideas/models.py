"""Ideas for a challenge, their supports, comments, status history, flags and evaluations."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import ParticipantType


class IdeaStatus(models.TextChoices):
    PUBLISHED = "published", _("Publicada")
    UNDER_EVALUATION = "under_evaluation", _("En evaluación")
    SELECTED = "selected", _("Seleccionada")
    NOT_SELECTED = "not_selected", _("No seleccionada")
    IN_IMPLEMENTATION = "in_implementation", _("En implementación")
    IMPLEMENTED = "implemented", _("Implementada")
    HIDDEN = "hidden", _("Oculta")


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
        indexes = [
            models.Index(fields=["challenge", "status", "-support_count"], name="ideas_by_supports"),
            models.Index(fields=["challenge", "status", "-created_at"], name="ideas_by_date"),
            models.Index(fields=["challenge", "status", "-comment_count"], name="ideas_by_comments"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:detail", kwargs={"pk": self.pk})

    @property
    def is_hidden(self) -> bool:
        return self.status == IdeaStatus.HIDDEN


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
