"""Every public Wagtail page may be served from the page cache (core.page_cache); pages
behind a view restriction (password, signed-in visitors, groups) never are."""

from wagtail import hooks

from core import page_cache


@hooks.register("before_serve_page")
def declare_cached_page(page, request, serve_args, serve_kwargs):
    if not page_cache.may_store(request):
        return  # signed in, or the cache is off: nothing to declare, no query to spend
    if page.get_view_restrictions().exists():
        page_cache.never(request)
    else:
        page_cache.shows(request)
        # A page whose content changes without a publish (comments on a consultation, say)
        # declares what else it shows.
        declare = getattr(page, "page_cache_declare", None)
        if declare is not None:
            declare(request)
