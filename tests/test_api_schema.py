"""schemathesis against /openapi.json, in-process through the ASGI app: no server errors, and
every response conforms to the schema it documents (a bounded number of examples each)."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                                response_schema_conformance,
                                                status_code_conformance)

from api_fixtures import build_store
from warta.api import create_app

EXAMPLES = 20
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    app = create_app(build_store(tmp_path_factory.mktemp("schema") / "events.db"), allow_code=True)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def run_operation(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()


def test_api_schema_conformance(api_schema):
    labels = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        run_operation(operation)
    assert {"GET /events", "GET /events/{event_id}", "GET /counts", "POST /code"} <= set(labels)
