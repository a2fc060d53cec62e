"""The open-data catalogue: /datos/ for people and /datos/catalogo.json for machines, in the
DCAT-US `data.json` shape (Project Open Data 1.1) that the national portal harvests.

Both read the registry in core/open_data.py; each app registers its own datasets.
"""

import datetime

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from cms.models import SiteIdentity
from core import open_data, page_cache
from core.search import fold
from core.urls import absolute

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
LANGUAGE = "es-CO"
POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
FORMATS = {open_data.CSV: "CSV", open_data.JSON: "JSON", open_data.ATOM: "Atom"}


def _iso(moment: datetime.date | datetime.datetime | None) -> str:
    if moment is None:
        return timezone.localdate().isoformat()
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).isoformat(timespec="seconds")
    return moment.isoformat()


def _distribution(request, distribution: open_data.Distribution) -> dict:
    entry = {
        "@type": "dcat:Distribution",
        "downloadURL": absolute(distribution.url),
        "mediaType": distribution.media_type,
        "format": FORMATS.get(distribution.media_type, distribution.media_type),
    }
    if distribution.title:
        entry["title"] = str(distribution.title)
    return entry


def dataset_entry(request, dataset: open_data.Dataset, identity: SiteIdentity) -> dict:
    """One dataset as Project Open Data 1.1 describes it."""
    entry = {
        **dataset.extra,
        "@type": "dcat:Dataset",
        "identifier": dataset.identifier,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "keyword": [str(keyword) for keyword in dataset.keywords] or ["datos abiertos"],
        "modified": _iso(dataset.modified),
        "publisher": {"@type": "org:Organization", "name": identity.entity_name},
        "contactPoint": {
            "@type": "vcard:Contact",
            "fn": identity.entity_name,
            "hasEmail": f"mailto:{identity.contact_email}",
        },
        "accessLevel": "public",
        "license": LICENSE,
        "language": [LANGUAGE],
        "distribution": [_distribution(request, distribution) for distribution in dataset.distributions],
    }
    if dataset.landing_page:
        entry["landingPage"] = absolute(dataset.landing_page)
    if dataset.theme:
        entry["theme"] = [str(theme) for theme in dataset.theme]
    if dataset.accrual_periodicity:
        entry["accrualPeriodicity"] = dataset.accrual_periodicity
    return entry


@require_safe
def catalogue(request):
    # Some datasets are dated today (their `modified`): until midnight at most.
    page_cache.shows(request, *open_data.namespaces(), until=page_cache.next_local_midnight())
    identity = SiteIdentity.for_request(request)
    body = {
        "@context": f"{POD_SCHEMA}/catalog.jsonld",
        "@id": absolute(reverse("open_data_catalogue")),
        "@type": "dcat:Catalog",
        "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
        "dataset": [dataset_entry(request, dataset, identity) for dataset in open_data.datasets()],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # harvesters and notebooks read it from other sites
    return response


PER_PAGE = 20
FORMAT_PARAMS = {"csv": open_data.CSV, "json": open_data.JSON, "atom": open_data.ATOM}


@require_safe
def open_data_page(request):
    """The catalogue for people: searched by words (as the site search matches them) and filtered
    by theme and format, with a plain GET form that needs no script; 20 datasets a page."""
    # Some datasets are dated today (their `modified`): until midnight at most.
    page_cache.shows(request, *open_data.namespaces(), until=page_cache.next_local_midnight())
    everything = open_data.datasets()
    themes = open_data.catalogue_themes(everything)
    theme_options = {
        slugify(fold(theme)): theme for theme in sorted({t for ts in themes.values() for t in ts}, key=fold)
    }
    used = {d.media_type for dataset in everything for d in dataset.distributions}
    format_options = {param: media for param, media in FORMAT_PARAMS.items() if media in used}

    query = " ".join(request.GET.get("q", "").split())[:200]
    theme = request.GET.get("tema", "")
    theme = theme if theme in theme_options else ""
    fmt = request.GET.get("formato", "")
    fmt = fmt if fmt in format_options else ""

    found = [
        dataset
        for dataset in everything
        if (not query or open_data.matches(dataset, query, themes[dataset.identifier]))
        and (not theme or theme_options[theme] in themes[dataset.identifier])
        and (not fmt or any(d.media_type == format_options[fmt] for d in dataset.distributions))
    ]
    if query:  # the datasets whose title holds the words first
        found.sort(key=lambda dataset: not open_data.in_title(dataset, query))
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("pagina"))
    datasets = [
        {
            "dataset": dataset,
            "themes": themes[dataset.identifier],
            "distributions": [
                (distribution, FORMATS.get(distribution.media_type, distribution.media_type))
                for distribution in dataset.distributions
            ],
        }
        for dataset in page.object_list
    ]
    return render(
        request,
        "open_data/index.html",
        {
            "datasets": datasets,
            "page_obj": page,
            "total": len(everything),
            "found": len(found),
            "query": query,
            "theme": theme,
            "format": fmt,
            "filtered": bool(query or theme or fmt),
            "theme_options": list(theme_options.items()),
            "format_options": [(param, FORMATS[media]) for param, media in format_options.items()],
            "license_url": LICENSE,
        },
    )
