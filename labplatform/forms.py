"""Form rendering shared by every form: one accessible field template."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    # Label, help text and errors tied to the control (aria-describedby, aria-invalid).
    field_template_name = "forms/field.html"
