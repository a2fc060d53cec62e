"""Forms of a consultation: an observation on a section, an answer, a moderation reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.selectors import organizations_user_can_act_for
from consultations.models import Decision, Stance
from consultations.services import BODY_MAX, REASON_MAX


class CommentForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("Su postura"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija su postura: a favor, en contra o neutral.")},
    )
    body = forms.CharField(
        label=_("Su observación"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Escriba su observación.")},
    )
    proposed_text = forms.CharField(
        label=_("Redacción propuesta (opcional)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Escriba cómo quedaría el texto de la sección; se mostrarán los cambios."),
    )
    organization = forms.ModelChoiceField(
        label=_("Comentar en nombre de"),
        required=False,
        queryset=None,
        empty_label=_("A título personal"),
    )

    def __init__(self, *args, user, section=None, **kwargs):
        self.section = section
        prefix = f"s{section.pk}" if section is not None else None
        super().__init__(*args, prefix=prefix, **kwargs)
        organizations = organizations_user_can_act_for(user)
        self.fields["organization"].queryset = organizations
        if not organizations.exists():
            del self.fields["organization"]


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decisión"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija la decisión.")},
    )
    body = forms.CharField(
        label=_("Respuesta pública"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Explique por qué se acoge o no la observación."),
        error_messages={"required": _("Explique la decisión: la respuesta es pública.")},
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Motivo público"), max_length=REASON_MAX)
