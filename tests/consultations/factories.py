"""Consultations in a chosen status, with numbered sections; comments and answers."""

import datetime

from django.utils import timezone

from accounts.models import Office
from cms.models import HomePage
from consultations.models import (
    CommentAnswer,
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
)
from core.markdown import render_markdown

DAY = datetime.timedelta(days=1)
OFFSETS = {"upcoming": (3, 20), "open": (-3, 10), "closed": (-30, -2), "answered": (-30, -2)}


def consultation_index() -> ConsultationIndexPage:
    index = ConsultationIndexPage.objects.first()
    if index is None:
        index = ConsultationIndexPage(title="Consultas públicas", slug="consultas")
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def office() -> Office:
    return Office.objects.get_or_create(
        slug="secretaria-juridica", defaults={"name": "Secretaría Jurídica", "acronym": "SJ"}
    )[0]


def make_consultation(
    status: str = "open", *, title: str | None = None, sections: int = 3
) -> ConsultationPage:
    now = timezone.now()
    opens, closes = OFFSETS[status]
    count = ConsultationPage.objects.count()
    page = ConsultationPage(
        title=title or f"Borrador del Plan Anticorrupción {count + 1}",
        slug=f"consulta-{count + 1}",
        summary="Borrador del PAAC abierto a observaciones de la ciudadanía.",
        opens_at=now + opens * DAY,
        closes_at=now + closes * DAY,
        office=office(),
    )
    for number in range(1, sections + 1):
        page.sections.add(
            ConsultationSection(
                number=str(number),
                heading=f"Artículo {number}",
                text=f"La administración publicará los contratos del componente {number} cada mes.",
                sort_order=number,
            )
        )
    consultation_index().add_child(instance=page)
    page.save_revision().publish()
    page = ConsultationPage.objects.get(pk=page.pk)
    if status == "answered":
        ConsultationPage.objects.filter(pk=page.pk).update(report_published_at=now - DAY)
        page.refresh_from_db()
    return page


def add_comment(section, author, body="Propongo publicar también las adiciones.", stance="for", **fields):
    return ConsultationComment.objects.create(
        section=section, author=author, body=body, body_html=render_markdown(body), stance=stance, **fields
    )


def add_answer(
    comment, *, decision="accepted", body="Se acoge: el artículo incluirá las adiciones.", by=None
):
    return CommentAnswer.objects.create(
        comment=comment,
        decision=decision,
        body=body,
        body_html=render_markdown(body),
        office=comment.section.page.office,
        answered_by=by,
        answered_at=timezone.now(),
    )
