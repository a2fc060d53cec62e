"""Forms of the observatory's editorial screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.territories import CITY, TERRITORY_CHOICES
from observatory.periods import PERIOD_HELP, validate_period


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo CSV"),
        help_text=_(
            "UTF-8, con una fila de encabezados: periodo, territorio, valor y nota (opcional). Periodo: "
            "2025, 2025-Q3 o 2025-07; territorio: bucaramanga, comuna-1 … comuna-17 o corregimiento-1 … 3 "
            "(vacío: toda la ciudad); valor con punto decimal y sin separador de miles."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": _("Elija el archivo CSV que quiere cargar."),
            "empty": _("El archivo está vacío."),
        },
    )


class ObservationForm(forms.Form):
    period = forms.CharField(
        label=_("Periodo"), max_length=7, help_text=PERIOD_HELP, validators=[validate_period]
    )
    territory = forms.ChoiceField(label=_("Territorio"), choices=TERRITORY_CHOICES, initial=CITY)
    value = forms.DecimalField(
        label=_("Valor"), max_digits=18, decimal_places=4, localize=True, help_text=_("Por ejemplo 45,3.")
    )
    note = forms.CharField(label=_("Nota (opcional)"), max_length=300, required=False)
