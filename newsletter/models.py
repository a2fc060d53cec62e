"""Subscribers (kept with their dates), editions and the delivery of each edition to each person."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente de confirmar")
    CONFIRMED = "confirmed", _("Suscrita")
    UNSUBSCRIBED = "unsubscribed", _("Dada de baja")


class Subscriber(models.Model):
    email = models.EmailField(_("correo"), unique=True)
    status = models.CharField(
        _("estado"), max_length=12, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    requested_at = models.DateTimeField(_("solicitada"))
    confirmed_at = models.DateTimeField(_("confirmada"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("dada de baja"), null=True, blank=True)
    consent_text = models.TextField(_("texto del consentimiento aceptado"))

    class Meta:
        verbose_name = _("persona suscrita")
        verbose_name_plural = _("personas suscritas")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return self.email


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    SENDING = "sending", _("Enviándose")
    SENT = "sent", _("Enviada")


class Edition(models.Model):
    """One edition. Its content is composed when it is sent (or previewed): the editor's
    introduction, then the latest news, the open challenges, the upcoming events and the
    published results, each section optional."""

    subject = models.CharField(_("asunto"), max_length=200)
    intro = models.TextField(_("introducción"), blank=True)
    include_news = models.BooleanField(_("incluir noticias"), default=True)
    include_challenges = models.BooleanField(_("incluir retos abiertos"), default=True)
    include_events = models.BooleanField(_("incluir próximos eventos"), default=True)
    include_results = models.BooleanField(_("incluir resultados publicados"), default=True)
    status = models.CharField(
        _("estado"), max_length=8, choices=EditionStatus.choices, default=EditionStatus.DRAFT, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("enviada"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("edición del boletín")
        verbose_name_plural = _("ediciones del boletín")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente")
    CLAIMED = "claimed", _("Enviándose")
    SENT = "sent", _("Enviado")
    FAILED = "failed", _("Falló")


class Delivery(models.Model):
    """One edition to one person: created for every confirmed subscriber when the sending
    starts, claimed (committed) before the e-mail goes out, so nobody gets an edition twice."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("envío")
        verbose_name_plural = _("envíos")
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="one_delivery_per_person")
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.edition} → {self.subscriber} ({self.status})"
