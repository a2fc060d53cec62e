import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

def test_probe(page, live_server):
    call_command("seed_demo")
    for path in ["/", "/cuenta/signup/", "/cuenta/login/", "/noticias/", "/organizaciones/"]:
        page.goto(path)
        open("/tmp/probe/" + (path.strip("/").replace("/", "_") or "home") + ".html", "w").write(page.content())
