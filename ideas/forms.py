"""Forms of the participation loop."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.selectors import organizations_user_can_act_for
from ideas import images
from ideas.models import COMUNA_CHOICES, Comment, IdeaStatus
from ideas.services import IMAGE_ALT_REQUIRED


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Título"), max_length=140, help_text=_("En una frase: qué propone."))
    body = forms.CharField(
        label=_("Descripción"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Qué problema resuelve, cómo funcionaría y quién participaría. Admite Markdown: **negrita**, "
            "*cursiva*, listas y enlaces."
        ),
    )
    comuna = forms.ChoiceField(
        label=_("Comuna o corregimiento"),
        choices=COMUNA_CHOICES,
        required=False,
        help_text=_("Dónde se haría realidad su idea. Deje «Toda la ciudad» si no es de un solo lugar."),
        error_messages={
            "invalid_choice": _("Elija una comuna o corregimiento de la lista, o «Toda la ciudad»."),
        },
    )
    image = forms.FileField(
        label=_("Imagen (opcional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": images.ACCEPT}),
        help_text=_(
            "Una foto o ilustración de su idea: JPEG, PNG o WebP, hasta 5 MB. Se publica sin sus "
            "datos ocultos (lugar, fecha, teléfono)."
        ),
    )
    image_alt = forms.CharField(
        label=_("Descripción de la imagen"),
        required=False,
        max_length=250,
        help_text=_("Obligatoria si sube una imagen: qué se ve en ella, para quienes no pueden verla."),
    )
    organization = forms.ModelChoiceField(
        label=_("Proponer en nombre de"),
        required=False,
        queryset=None,
        empty_label=_("A título personal"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = organizations_user_can_act_for(user)
        self.fields["organization"].queryset = organizations
        if not organizations.exists():
            del self.fields["organization"]

    def clean_image(self) -> images.CleanImage | None:
        upload = self.cleaned_data.get("image")
        return images.clean_upload(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not " ".join(cleaned.get("image_alt", "").split()):
            self.add_error("image_alt", IMAGE_ALT_REQUIRED)
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Su comentario"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    parent = forms.ModelChoiceField(queryset=Comment.objects.none(), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, idea=None, **kwargs):
        super().__init__(*args, **kwargs)
        if idea is not None:
            self.fields["parent"].queryset = idea.comments.all()


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Su comentario"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nuevo estado"),
        choices=[(v, label) for v, label in IdeaStatus.choices if v != IdeaStatus.HIDDEN],
    )
    reason = forms.CharField(
        label=_("Motivo público"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Se publica en el historial de la idea y se avisa a su autor/a."),
    )


class EvaluationForm(forms.Form):
    """One score field (1–5) and one comment per criterion of the challenge."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        self.criteria = list(criteria)
        for criterion in self.criteria:
            score, comment = initial_scores.get(criterion.pk, (None, ""))
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                coerce=int,
                choices=[(n, str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect,
                initial=score,
                help_text=criterion.description,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comentario sobre «%(criterion)s» (opcional)") % {"criterion": criterion.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=comment,
            )

    def scores(self):
        for criterion in self.criteria:
            yield (
                criterion,
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
