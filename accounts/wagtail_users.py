"""Wagtail's user screens for our user model: e-mail, public name and participant type.

Our users have no first or last name (people choose a public display name), so Wagtail's
default forms, which require both, are replaced here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.models import ParticipantType

_FIELDS = ["email", "display_name", "participant_type", "is_superuser", "groups"]


class _LabUserFields(forms.Form):
    first_name = None
    last_name = None
    display_name = forms.CharField(label=_("Nombre público"), max_length=80)
    participant_type = forms.ChoiceField(label=_("Tipo de participante"), choices=ParticipantType.choices)


class LabUserCreationForm(_LabUserFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = _FIELDS


class LabUserEditForm(_LabUserFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = [*_FIELDS, "is_active"]


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return LabUserEditForm if for_update else LabUserCreationForm
