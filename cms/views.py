"""Open-data downloads of the CMS: the transparency self-assessment as CSV."""

import csv

from django.http import HttpResponse

from cms.selectors import transparency_checklist
from cms.transparency import TransparencyIndexPage


def transparency_checklist_csv(request, index: TransparencyIndexPage) -> HttpResponse:
    """One row per category and subcategory (UTF-8, ISO dates): what is published and when."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="autodiagnostico-transparencia.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["number", "title", "level", "status", "updated_at", "document_count", "latest_document_on", "url"]
    )
    for row in transparency_checklist(index).rows:
        writer.writerow(
            [
                row.page.number,
                row.page.title,
                row.level,
                row.status,
                row.updated_at.isoformat() if row.updated_at else "",
                row.document_count,
                row.latest_document_on.isoformat() if row.latest_document_on else "",
                request.build_absolute_uri(row.page.get_url(request)),
            ]
        )
    return response
