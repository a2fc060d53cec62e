"""Forms of the accounts app."""

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import Membership, Organization, ParticipantType, User


def _consent_label() -> str:
    return format_html(
        '{} <a href="{}">{}</a>.',
        _("Autorizo el tratamiento de mis datos personales según la"),
        reverse_lazy("privacy_policy"),
        _("política de tratamiento de datos personales"),
    )


consent_label = lazy(_consent_label, SafeString)


class ConsentField(forms.BooleanField):
    def __init__(self, **kwargs):
        super().__init__(
            required=True,
            label=consent_label(),
            help_text=_(
                "Ley 1581 de 2012: usamos su correo para su cuenta y su nombre público para "
                "firmar sus aportes. Puede descargar sus datos o eliminar su cuenta cuando quiera."
            ),
            error_messages={"required": _("Para participar debe autorizar el tratamiento de sus datos.")},
            **kwargs,
        )


class SignupExtraForm(forms.Form):
    """Fields that allauth's signup form adds to e-mail and password."""

    display_name = forms.CharField(
        label=_("Nombre público"),
        max_length=80,
        help_text=_("Así lo verán los demás en sus ideas, apoyos y comentarios."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    participant_type = forms.ChoiceField(
        label=_("Tipo de participante"),
        choices=ParticipantType.choices,
        initial=ParticipantType.CITIZEN,
        help_text=_("Sirve para desagregar los resultados de los retos."),
    )
    accept_policy = ConsentField()

    field_order = ["email", "display_name", "participant_type", "password1", "password2", "accept_policy"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Escriba el nombre que verán los demás."))
        return name

    def signup(self, request, user: User) -> None:
        # The adapter already stored the name and type; what is left is the consent.
        services.consent_record(user=user)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "participant_type", "email_notifications"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}


class ConsentForm(forms.Form):
    accept_policy = ConsentField()


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Su contraseña"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Para confirmar que es usted quien elimina la cuenta."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("La contraseña no es correcta."))
        return password


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(label=_("Sitio web"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "kind", "description", "website"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class MembershipRequestForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        labels = {"message": _("Mensaje para quien administra la organización (opcional)")}
        help_texts = {"message": _("Por ejemplo, su cargo o dependencia.")}
