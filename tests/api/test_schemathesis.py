"""The OpenAPI schema against what the server does: schemathesis generates requests for every
operation of /api/v1/ (a bounded number of examples each) and checks that no answer is a
server error and that every answer matches the schema (status, content type, body)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from labplatform.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # The calls go through the WSGI handler, which closes old connections at each request's
    # start and end; inside the test's transaction that would drop it (as Django's test client
    # knows, and disconnects them too).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _open_limits(settings):
    # Generated requests come fast from one client: keep the rate limits out of the way here (they
    # have their own tests) so that every operation is exercised.
    settings.RATE_LIMITS = dict.fromkeys(("report", "comment", "idea", "support"), (10000, 60))


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_matches_its_schema_and_never_fails(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
