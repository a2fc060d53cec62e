"""The global report of observations as a PDF (fpdf2), in DejaVu Sans so that every letter
prints; the font is the system's (Debian: fonts-dejavu-core), or CONSULTATIONS_PDF_FONT_DIR.
Where neither is there, the PDF's built-in Helvetica still prints every Spanish letter (Latin-1);
anything beyond it (an emoji) becomes "?" rather than failing the download."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from consultations.models import Decision, Stance

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
]
FAMILY = "DejaVu"


def _font_dir() -> Path | None:
    configured = getattr(settings, "CONSULTATIONS_PDF_FONT_DIR", "")
    for directory in [Path(configured)] if configured else FONT_DIRS:
        if (directory / "DejaVuSans.ttf").is_file() and (directory / "DejaVuSans-Bold.ttf").is_file():
            return directory
    if configured:
        raise ImproperlyConfigured(
            "CONSULTATIONS_PDF_FONT_DIR must hold DejaVuSans.ttf and DejaVuSans-Bold.ttf."
        )
    return None


def report_pdf_bytes(page, rows, totals) -> bytes:
    fonts = _font_dir()
    pdf = FPDF(format="A4")
    pdf.set_title(_("Informe global de observaciones: %(title)s") % {"title": page.title})
    pdf.set_lang("es-CO")
    pdf.set_creator(_("Laboratorio de Innovación Pública de Bucaramanga"))
    family = FAMILY if fonts else "helvetica"
    if fonts:
        pdf.add_font(FAMILY, "", str(fonts / "DejaVuSans.ttf"))
        pdf.add_font(FAMILY, "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.epw

    def write(text: str, *, size: int = 10, bold: bool = False, gap: float = 1.5) -> None:
        pdf.set_font(family, "B" if bold else "", size)
        if not fonts:
            text = text.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    write(_("Informe global de observaciones"), size=16, bold=True)
    write(page.title, size=13, bold=True)
    write(
        _("Dependencia responsable: %(office)s. Consulta abierta del %(opens)s al %(closes)s.")
        % {
            "office": page.office.name,
            "opens": timezone.localtime(page.opens_at).strftime("%d/%m/%Y %H:%M"),
            "closes": timezone.localtime(page.closes_at).strftime("%d/%m/%Y %H:%M"),
        }
    )
    if page.report_intro:
        write(page.report_intro)
    write(
        _(
            "%(comments)s observaciones: %(accepted)s aceptadas, %(partly)s aceptadas parcialmente, "
            "%(not_accepted)s no aceptadas; %(hidden)s ocultadas por moderación."
        )
        % totals,
        gap=4,
    )
    for row in rows:
        section = row.section
        write(f"{section.number}. {section.heading}", size=12, bold=True)
        write(section.text, size=9)
        if not row.comments:
            write(_("Sin observaciones."), size=9, gap=3)
        for comment in row.comments:
            who = comment.author.public_name
            if comment.organization:
                who = f"{who} ({comment.organization.name})"
            header = f"#{comment.pk} · {who} · {Stance(comment.stance).label} · " + timezone.localtime(
                comment.created_at
            ).strftime("%d/%m/%Y")
            write(header, size=9, bold=True, gap=0.5)
            if comment.hidden:
                write(_("Ocultada por moderación: %(reason)s") % {"reason": comment.hidden_reason}, size=9)
                continue
            write(comment.body, size=9, gap=0.5)
            if comment.proposed_text:
                write(_("Redacción propuesta: %(text)s") % {"text": comment.proposed_text}, size=9, gap=0.5)
            answer = getattr(comment, "answer", None)
            if answer is not None:
                write(
                    _("Respuesta (%(decision)s, %(office)s): %(body)s")
                    % {
                        "decision": Decision(answer.decision).label,
                        "office": answer.office.name,
                        "body": answer.body,
                    },
                    size=9,
                    gap=3,
                )
            else:
                write(_("Sin respuesta."), size=9, gap=3)
    return bytes(pdf.output())
