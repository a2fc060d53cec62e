"""allauth adapter: our signup fields land on the user before it is first saved."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        # Too many failed attempts: the form says so, and the sign-in page answers 429
        # (accounts.views.lockout_answers_429) so that programs see the lockout too.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if getattr(error, "code", "") == "too_many_login_attempts":
                request.login_locked_out = True
            raise

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.display_name = data.get("display_name", "")
        if data.get("participant_type"):
            user.participant_type = data["participant_type"]
        return super().save_user(request, user, form, commit=commit)
