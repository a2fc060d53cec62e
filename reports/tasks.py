"""Background e-mail of the report channel: deadline reminders to the handlers and the
supervisors, and "there is news" to a reporter who left an e-mail (never the content)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from accounts.roles import SUPERVISORS
from core.urls import site_url
from reports.models import Report


@task()
def email_reporter_news(report_id: int) -> None:
    report = Report.objects.filter(pk=report_id).only("pk", "contact_email").first()
    if report is None or not report.contact_email:
        return
    base_url = site_url()
    with translation.override(settings.LANGUAGE_CODE):
        context = {"lookup_url": f"{base_url}{reverse('reports:lookup')}"}
        subject = render_to_string("reports/email/news_subject.txt", context).strip()
        body = render_to_string("reports/email/news_message.txt", context)
    send_mail(subject, body, None, [report.contact_email])


@task()
def email_deadline_reminder(report_id: int, overdue: bool) -> None:
    report = (
        Report.objects.select_related("assigned_to")
        .filter(pk=report_id)
        .only("pk", "due_on", "status", "assigned_to__email", "assigned_to__is_active")
        .first()
    )
    if report is None:
        return
    supervisors = get_user_model().objects.filter(groups__name=SUPERVISORS, is_active=True)
    recipients = {user.email for user in supervisors}
    if report.assigned_to and report.assigned_to.is_active:
        recipients.add(report.assigned_to.email)
    recipients.discard("")
    if not recipients:
        return
    base_url = site_url()
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "overdue": overdue,
            "url": f"{base_url}{reverse('reports:handle', args=[report.pk])}",
        }
        subject = render_to_string("reports/email/reminder_subject.txt", context).strip()
        body = render_to_string("reports/email/reminder_message.txt", context)
    send_mail(subject, body, None, sorted(recipients))
