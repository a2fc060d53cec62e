"""The subscription form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        error_messages={
            "required": _("Escriba su correo."),
            "invalid": _("Escriba un correo válido, como nombre@ejemplo.co."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Acepto el tratamiento de mi correo para recibir el boletín, "
            "según la política de datos personales."
        ),
        error_messages={"required": _("Para suscribirse, acepte el tratamiento de su correo.")},
    )
