from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Status


class FilterForm(forms.Form):
    reto = forms.IntegerField(label=_("Reto"), required=False)
    dependencia = forms.IntegerField(label=_("Dependencia"), required=False)
    estado = forms.ChoiceField(label=_("Estado"), required=False, choices=[("", _("Todos")), *Status.choices])
    territorio = forms.CharField(label=_("Comuna o corregimiento"), required=False, max_length=20)


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Cumplido el"), widget=forms.DateInput(attrs={"type": "date"}))
    evidence_url = forms.URLField(
        label=_("Enlace a la evidencia (opcional)"), required=False, assume_scheme="https"
    )
