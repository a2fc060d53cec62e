"""Forms of the participation loop."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.selectors import organizations_user_can_act_for
from ideas.models import Comment, IdeaStatus


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
