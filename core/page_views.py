"""The views behind Wagtail pages' routes, and extra context for their templates, registered
by the modules that read for them (as Wagtail's own hooks are).

A page model names its routes and asks this registry for the view; the app that renders the
route registers it when Django starts (its AppConfig.ready()). So a model never imports the
selectors and views that import it, and a part of a page that belongs to another app (the
ideas on a challenge's page) is rendered by that app, which the page's app does not know.
"""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpResponse

View = Callable[..., HttpResponse]
ContextProvider = Callable[[Any, Any], dict]

_views: dict[tuple[str, str], View] = {}
_contexts: dict[str, list[ContextProvider]] = {}


def register(model: str, route: str = "") -> Callable[[View], View]:
    """Register `view(request, page, *args, **kwargs)` for the route `route` of the page type
    `model` ("app_label.modelname")."""

    def decorator(view: View) -> View:
        _views[(model.lower(), route)] = view
        return view

    return decorator


def register_context(model: str) -> Callable[[ContextProvider], ContextProvider]:
    """Register `provider(page, request) -> dict`, merged into the page's template context."""

    def decorator(provider: ContextProvider) -> ContextProvider:
        providers = _contexts.setdefault(model.lower(), [])
        if provider not in providers:
            providers.append(provider)
        return provider

    return decorator


def serve(page, route: str, request, *args, default: View | None = None, **kwargs) -> HttpResponse:
    """Answer `route` of `page` with the registered view; without one, `default` or 404."""
    view = _views.get((page._meta.label_lower, route), default)
    if view is None:
        raise Http404
    return view(request, page, *args, **kwargs)


def extra_context(page, request) -> dict:
    context: dict = {}
    for provider in _contexts.get(page._meta.label_lower, ()):
        context.update(provider(page, request))
    return context
