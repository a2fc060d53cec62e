"""Answers to what a page's view may raise on hostile input, instead of a 500.

- `RateLimited` (core.ratelimit): the site's 429 page with `Retry-After`.
- `OverflowError`: an id too large for the database (SQLite refuses integers over 2**63-1 with
  OverflowError before running the query); no such object exists, so 404.
- `RecursionError`: input nested too deep to process; 400.
"""

from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import render
from django.views.defaults import bad_request, page_not_found

from core.ratelimit import RateLimited


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            response = render(request, "429.html", {"message": exception.message}, status=429)
            response["Retry-After"] = str(exception.retry_after)
            return response
        if isinstance(exception, OverflowError):
            return page_not_found(request, Http404())
        if isinstance(exception, RecursionError):
            return bad_request(request, BadRequest())
        return None
