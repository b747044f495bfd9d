"""The bundled page: served by the app with a strict CSP, and nothing in it loads from elsewhere."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api_fixtures import build_store
from warta.api import create_app
from warta.api.app import web_dir
from warta.api.middleware import CONTENT_SECURITY_POLICY

REPO = Path(__file__).resolve().parent.parent
STATIC = web_dir() / "static"
# URIs that name XML namespaces inside the bundles; nothing is ever fetched from them.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
              "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace",
              "http://www.w3.org/2000/xmlns/"}


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("web") / "events.db")))


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "action", "poster", "data"):
            if attrs.get(name):
                self.refs.append((tag, name, attrs[name]))
        if "style" in attrs:
            self.inline_styles += 1
        if any(k.startswith("on") for k in attrs):
            self.inline_scripts += 1
        self._in_script = tag == "script" and "src" not in attrs
        if tag == "style":
            self.inline_styles += 1

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        self._in_script = False


@pytest.mark.parametrize("page", ["index.html", "docs.html"])
def test_web_pages_reference_only_this_server(page):
    parser = References()
    parser.feed((web_dir() / page).read_text(encoding="utf-8"))
    assert parser.refs, "no references found"
    for tag, attr, value in parser.refs:
        assert value.startswith(("/", "#")) and not value.startswith("//"), (tag, attr, value)
        if value.startswith("/static/"):
            assert (STATIC / value.removeprefix("/static/")).is_file(), value
    assert parser.inline_scripts == 0
    assert parser.inline_styles == 0


@pytest.mark.parametrize("asset", ["app.js", "app.css", "docs.js", "swagger/swagger-ui.css"])
def test_web_bundles_name_no_other_origin(asset):
    text = (STATIC / asset).read_text(encoding="utf-8")
    urls = set(re.findall(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*""", text))
    allowed = {ns.rstrip("/") for ns in NAMESPACES}
    assert {u for u in urls if u.rstrip("\\/;,") not in allowed} == set()


def test_web_swagger_bundle_makes_no_outside_calls():
    """Swagger UI's only outside URLs are its validator badge and docs links; docs.js turns the
    validator off, and the CSP forbids every other origin anyway."""
    init = (STATIC / "docs.js").read_text(encoding="utf-8")
    assert "validatorUrl:null" in init.replace(" ", "")


@pytest.mark.parametrize("path, kind", [
    ("/", "text/html"),
    ("/docs", "text/html"),
    ("/static/app.js", "text/javascript"),
    ("/static/app.css", "text/css"),
    ("/static/countries-110m.json", "application/json"),
    ("/static/swagger/swagger-ui-bundle.js", "text/javascript"),
    ("/favicon.ico", "image/svg+xml"),
    ("/openapi.json", "application/json"),
    ("/events?limit=1", "application/json"),
    ("/no/such/page", "application/json"),
    ("/static/no-such-file.js", "application/json"),
])
def test_web_every_response_has_the_csp(client, path, kind):
    got = client.get(path)
    assert got.headers["content-type"].startswith(kind)
    assert got.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert got.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("directive", ["default-src 'none'", "script-src 'self'", "style-src 'self'",
                                       "connect-src 'self'", "font-src 'self'", "frame-ancestors 'none'",
                                       "base-uri 'none'"])
def test_web_csp_forbids_other_origins(directive):
    assert directive in CONTENT_SECURITY_POLICY
    assert "http" not in CONTENT_SECURITY_POLICY and "*" not in CONTENT_SECURITY_POLICY
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_web_world_atlas_shapes_are_bundled():
    topo = json.loads((STATIC / "countries-110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology"
    ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
    assert {"116", "764", "051", "031", "840", "360"} <= ids   # KHM THA ARM AZE USA IDN


def test_web_versions_match_package_json():
    pkg = json.loads((REPO / "web" / "package.json").read_text(encoding="utf-8"))
    versions = json.loads((STATIC / "VERSIONS.json").read_text(encoding="utf-8"))
    for name, version in pkg["dependencies"].items():
        assert versions[name]["version"] == version, name
    assert (STATIC / "LICENSES.txt").is_file()


def test_web_highlight_unit_tests_in_node():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (only needed to rebuild or unit-test the page)")
    done = subprocess.run([node, "--test", "test/"], cwd=REPO / "web", capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout


def test_web_serve_binds_loopback_by_default(tmp_path, monkeypatch):
    import uvicorn

    from warta.cli.app import app
    db = build_store(tmp_path / "events.db")
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append((application, kw)))
    result = CliRunner().invoke(app, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    application, kw = calls[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    assert application.state.allow_code is False
    result = CliRunner().invoke(app, ["serve", "--db", db, "--port", "9001", "--allow-code"])
    assert calls[1][1]["port"] == 9001 and calls[1][0].state.allow_code is True


@pytest.mark.parametrize("args, words", [
    (["serve", "--db", "/nonexistent/dir/events.db"], "no store"),
    (["serve"], "--db"),
    (["serve", "--db", "x.db", "--port", "70000"], "port"),
])
def test_web_serve_refuses_bad_options(args, words):
    from warta.cli.app import app
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert words in result.output
