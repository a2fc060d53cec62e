from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import page_cache
from search.selectors import clean_query, declare_cached, site_search
from search.sitemap import sitemap_sections


@require_GET
def search_page(request):
    declare_cached(request)
    query = clean_query(request.GET.get("q"))
    chosen_type = request.GET.get("tipo") or ""
    results = site_search(query=query, type=chosen_type, page_number=request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "chosen_type": chosen_type, "results": results},
    )


@require_GET
@page_cache.cached()  # the menu, the footer and fixed links: `site`
def sitemap(request):
    return render(request, "search/sitemap.html", {"sections": sitemap_sections(request)})
