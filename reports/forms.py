"""Forms of the report channel: file a report, look it up, answer, and the handlers' actions."""

import time

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from accounts.roles import REPORT_HANDLERS
from core.territories import TERRITORY_CHOICES
from reports import files
from reports.models import (
    STAFF_CHANNELS,
    Authority,
    Category,
    Channel,
    Decision,
    HowKnown,
    Kind,
    Stage,
    Status,
)
from reports.services import receipt_normalize

_STARTED_SALT = "reports.form-started"


def form_token(issued_at: float | None = None) -> str:
    """A signed time stamp for the form's time check (a person takes a while; a bot does not)."""
    return signing.dumps(int(issued_at if issued_at is not None else time.time()), salt=_STARTED_SALT)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": files.ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


ATTACHMENTS_HELP = _(
    "Hasta 5 archivos de 10 MB cada uno: PDF, imágenes o documentos de oficina. "
    "A las fotos se les quitan los datos de ubicación (GPS) para quien gestiona la denuncia."
)


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Qué desea presentar"),
        choices=Kind.choices,
        initial=Kind.REPORT,
        widget=forms.RadioSelect,
        help_text=_("Una denuncia se responde en 15 días hábiles; una solicitud de información, en 10."),
    )
    category = forms.ChoiceField(label=_("Tema"), choices=[("", _("Elija un tema")), *Category.choices])
    description = forms.CharField(
        label=_("Qué pasó"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Cuente los hechos con el mayor detalle posible: qué, cómo y, si lo sabe, cuánto dinero."
        ),
    )
    entity = forms.CharField(
        label=_("Entidad u oficina involucrada"),
        max_length=300,
        help_text=_(
            "Por ejemplo: Secretaría de Infraestructura, una empresa contratista, un colegio público."
        ),
    )
    territory = forms.ChoiceField(
        label=_("Comuna o corregimiento"),
        required=False,
        choices=[("", _("No sé o prefiero no decirlo")), *TERRITORY_CHOICES],
    )
    place = forms.CharField(
        label=_("Lugar (opcional)"), required=False, max_length=300, help_text=_("Barrio, dirección o sitio.")
    )
    occurred_on = forms.DateField(
        label=_("Cuándo ocurrió (opcional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("La fecha aproximada basta."),
    )
    people_involved = forms.CharField(
        label=_("Personas involucradas (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nombres o cargos, si los conoce."),
    )
    how_known = forms.ChoiceField(
        label=_("Cómo conoce los hechos"),
        required=False,
        choices=[("", _("Prefiero no decirlo")), *HowKnown.choices],
    )
    how_known_detail = forms.CharField(
        label=_("Algo más sobre cómo lo sabe (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    attachments = MultipleFileField(label=_("Archivos de soporte (opcional)"), help_text=ATTACHMENTS_HELP)
    contact_name = forms.CharField(label=_("Nombre"), required=False, max_length=200)
    contact_email = forms.EmailField(
        label=_("Correo electrónico"),
        required=False,
        help_text=_("Solo para avisarle que hay novedades; el aviso nunca dice cuáles."),
    )
    contact_phone = forms.CharField(label=_("Teléfono"), required=False, max_length=40)
    fears_retaliation = forms.BooleanField(label=_("Temo represalias por esta denuncia"), required=False)
    # Anti-spam without third parties: a field people never see, and a signed start time.
    website = forms.CharField(label=_("Deje este campo vacío"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone", "fears_retaliation")
    HIDDEN_FIELDS = ("website", "started")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = form_token()

    def facts_fields(self):
        skip = {*self.CONTACT_FIELDS, *self.HIDDEN_FIELDS}
        return [self[name] for name in self.fields if name not in skip]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("No pudimos recibir la denuncia. Recargue la página e inténtelo de nuevo.")
            )
        try:
            started = signing.loads(cleaned.get("started") or "", salt=_STARTED_SALT, max_age=6 * 3600)
        except signing.BadSignature:
            started = None
        minimum = getattr(settings, "REPORTS_FORM_MIN_SECONDS", 3)
        if started is None or time.time() - started < minimum:
            self.data = self.data.copy()
            self.data["started"] = form_token()
            raise forms.ValidationError(
                _(
                    "El formulario se envió demasiado rápido o hace demasiado tiempo. "
                    "Revíselo y envíelo de nuevo."
                )
            )
        return cleaned


class ReceiptField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Código de seguimiento"))
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        code = receipt_normalize(value)
        if code is None:
            raise forms.ValidationError(_("El código tiene 16 dígitos, por ejemplo 4821 0937 5512 0066."))
        return code


class LookupForm(forms.Form):
    receipt = ReceiptField(
        help_text=_("Los 16 dígitos que recibió al presentar la denuncia. Los espacios no importan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}),
    )


class ReporterMessageForm(forms.Form):
    receipt = ReceiptField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Su mensaje"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    attachments = MultipleFileField(label=_("Archivos (opcional)"), help_text=ATTACHMENTS_HELP)


class WithdrawForm(forms.Form):
    receipt = ReceiptField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(label=_("Sí, quiero desistir de esta denuncia"))


def _handlers():
    return (
        get_user_model().objects.filter(groups__name=REPORT_HANDLERS, is_active=True).order_by("display_name")
    )


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(
        label=_("Asignar a"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Sin asignar"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = _handlers()
        self.fields["handler"].label_from_instance = lambda user: user.display_name or user.email


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Nuevo estado"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Motivo"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Quien denuncia lo verá en el historial."),
    )
    authority = forms.CharField(
        label=_("Autoridad competente (si se traslada)"),
        required=False,
        max_length=200,
        help_text=_("Por ejemplo: Procuraduría Provincial de Bucaramanga, Fiscalía, Contraloría."),
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(v, label) for v, label in Status.choices if v in allowed]


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("Días hábiles de prórroga"), min_value=1, max_value=15)
    reason = forms.CharField(
        label=_("Motivo de la prórroga"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Quien denuncia lo verá."),
    )


class WriteForm(forms.Form):
    body = forms.CharField(label=_("Texto"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4}))
    internal = forms.TypedChoiceField(
        label=_("Para quién"),
        choices=[("0", _("Mensaje a quien denuncia")), ("1", _("Nota interna (quien denuncia no la ve)"))],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    attachments = MultipleFileField(label=_("Archivos (opcional)"), help_text=ATTACHMENTS_HELP)


# Other channels, referrals, the outcome and the reporter's survey


class StaffReportForm(ReportForm):
    """A handler records a report received by phone, in person, by letter or by e-mail."""

    channel = forms.ChoiceField(
        label=_("Por dónde llegó"),
        choices=[(value, label) for value, label in Channel.choices if value in STAFF_CHANNELS],
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Fecha de recepción"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("El término legal corre desde este día."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.HIDDEN_FIELDS:
            self.fields.pop(name, None)
        self.fields["contact_email"].help_text = _(
            "Si quien denuncia quiere avisos de novedades (el aviso nunca dice cuáles)."
        )
        self.order_fields(["channel", "received_on"])

    def clean(self):
        # People at the counter are not bots: no honeypot and no time check here.
        return forms.Form.clean(self)


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


class SuggestingTextInput(forms.TextInput):
    """A free-text field with suggestions (an HTML datalist): the city's offices for "another
    entity", while an entity outside the administration can still be written in."""

    template_name = "forms/widgets/text_with_suggestions.html"

    def __init__(self, attrs=None, suggestions=()):
        super().__init__(attrs)
        self.suggestions = list(suggestions)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-sugerencias"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["suggestions"] = self.suggestions
        return context


def _other_entity_field() -> forms.CharField:
    return forms.CharField(
        label=_("Nombre de la otra entidad"),
        required=False,
        max_length=200,
        widget=SuggestingTextInput(),
        help_text=_("Solo si es otra entidad: elija una dependencia de la Alcaldía o escriba el nombre."),
    )


class OtherEntityMixin:
    """Offers the active offices (dependencias) as suggestions for "another entity"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_authority"].widget.suggestions = list(
            Office.objects.filter(active=True).order_by("name").values_list("name", flat=True)
        )


class ReferralForm(OtherEntityMixin, forms.Form):
    prefix = "remitir"
    authority = forms.ChoiceField(label=_("Autoridad competente"), choices=Authority.choices)
    other_authority = _other_entity_field()
    referred_on = _date_field(_("Fecha de la remisión"))
    case_reference = forms.CharField(
        label=_("Radicado de la autoridad (opcional)"), required=False, max_length=100
    )
    stage = forms.ChoiceField(label=_("Etapa"), choices=Stage.choices, initial=Stage.SENT)


class ReferralStageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Nueva etapa"), choices=Stage.choices)
    updated_on = _date_field(_("Fecha de la novedad"), required=False, help_text=_("Hoy, si la deja vacía."))
    case_reference = forms.CharField(label=_("Radicado de la autoridad"), required=False, max_length=100)

    def __init__(self, *args, referral=None, **kwargs):
        if referral is not None:
            kwargs.setdefault("prefix", f"remision-{referral.pk}")
            kwargs.setdefault("initial", {"stage": referral.stage, "case_reference": referral.case_reference})
        super().__init__(*args, **kwargs)


class OutcomeForm(OtherEntityMixin, forms.Form):
    prefix = "decision"
    decision = forms.ChoiceField(label=_("Decisión"), choices=Decision.choices)
    decided_on = _date_field(_("Fecha de la decisión"))
    authority = forms.ChoiceField(label=_("Autoridad que decidió"), choices=Authority.choices)
    other_authority = _other_entity_field()
    summary = forms.CharField(
        label=_("Resumen para quien denuncia"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("En palabras sencillas: qué se decidió y qué sigue. Quien denuncia lo leerá."),
    )


SATISFACTION_CHOICES = [
    ("5", _("5: muy satisfecho/a")),
    ("4", _("4: satisfecho/a")),
    ("3", _("3: ni satisfecho/a ni insatisfecho/a")),
    ("2", _("2: insatisfecho/a")),
    ("1", _("1: nada satisfecho/a")),
]


class SurveyForm(forms.Form):
    receipt = ReceiptField(widget=forms.HiddenInput)
    satisfaction = forms.TypedChoiceField(
        label=_("¿Qué tan satisfecho/a está con la respuesta a su denuncia?"),
        choices=SATISFACTION_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_report_again = forms.TypedChoiceField(
        label=_("¿Volvería a usar el canal de denuncias?"),
        choices=[("1", _("Sí")), ("0", _("No")), ("", _("Prefiero no decirlo"))],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
