"""allauth adapter: our signup fields land on the user before it is first saved."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.display_name = data.get("display_name", "")
        if data.get("participant_type"):
            user.participant_type = data["participant_type"]
        return super().save_user(request, user, form, commit=commit)
