"""What the transparency pages show beyond their own fields: the category tree, the
self-assessment and its CSV (registered in core.page_views for the page models)."""

import csv

from django.http import HttpResponse

from cms.selectors import (
    transparency_breadcrumbs,
    transparency_checklist,
    transparency_subcategories,
    transparency_tree,
)
from cms.transparency import TransparencyCategoryPage, TransparencyIndexPage
from core import page_views
from core.urls import absolute


@page_views.register_context("cms.TransparencyIndexPage")
def transparency_index_context(index: TransparencyIndexPage, request) -> dict:
    return {"categories": transparency_tree(index)}


@page_views.register_context("cms.TransparencyCategoryPage")
def transparency_category_context(category: TransparencyCategoryPage, request) -> dict:
    return {
        "subcategories": transparency_subcategories(category),
        "breadcrumbs": transparency_breadcrumbs(category),
    }


@page_views.register("cms.TransparencyIndexPage", "checklist")
def transparency_checklist_page(request, index: TransparencyIndexPage) -> HttpResponse:
    return index.render(
        request,
        template="cms/transparency_checklist.html",
        context_overrides={"checklist": transparency_checklist(index)},
    )


@page_views.register("cms.TransparencyIndexPage", "checklist_csv")
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
                absolute(row.page.get_url(request)),
            ]
        )
    return response
