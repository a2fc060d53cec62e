"""Fixtures of the report channel: a handler, a supervisor, a superuser who is not a handler,
media in a temporary folder, and reports filed through the service."""

import datetime
import io
import time

import pikepdf
import pytest
from PIL import Image

from reports import services
from reports.forms import form_token
from tests.accounts.factories import UserFactory

DESCRIPTION = "El interventor de la obra del parque pidió 5 millones para aprobar el acta de recibo."
ENTITY = "Secretaría de Infraestructura"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def handler(db):
    return UserFactory(
        display_name="Gestora de denuncias", groups=["report_handlers"], participant_type="public_entity"
    )


@pytest.fixture
def other_handler(db):
    return UserFactory(
        display_name="Otro gestor", groups=["report_handlers"], participant_type="public_entity"
    )


@pytest.fixture
def supervisor(db):
    return UserFactory(display_name="Supervisora", groups=["supervisors"], participant_type="public_entity")


@pytest.fixture
def superuser(db):
    return UserFactory(display_name="Administración", is_staff=True, is_superuser=True)


@pytest.fixture
def make_report(db):
    def make(**kwargs):
        values = {"category": "soborno", "description": DESCRIPTION, "entity": ENTITY, **kwargs}
        return services.report_create(**values)

    return make


@pytest.fixture
def report_and_receipt(make_report):
    return make_report(
        contact_name="Rosa Quintero",
        contact_email="rosa.quintero@correo.example",
        contact_phone="3001234567",
        people_involved="Ingeniero Julián Mantilla",
    )


def form_data(**overrides) -> dict:
    data = {
        "kind": "report",
        "category": "contratacion",
        "description": DESCRIPTION,
        "entity": ENTITY,
        "territory": "comuna-15",
        "place": "Parque Centenario",
        "occurred_on": "2026-10-02",
        "people_involved": "",
        "how_known": "witness",
        "how_known_detail": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "started": form_token(time.time() - 60),
    }
    data.update(overrides)
    return data


def jpeg_with_gps() -> bytes:
    """A small photo whose EXIF says where it was taken (Bucaramanga, 7.119 N, 73.122 W)."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CamaraDelDenunciante"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (7.0, 7.0, 8.0)
    gps[3] = "W"
    gps[4] = (73.0, 7.0, 19.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def has_gps(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return bool(exif.get_ifd(0x8825)) or 0x010F in exif


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def a_pdf(text: str, author: str = "") -> bytes:
    """A one-page PDF that shows `text`; with `author`, its document information and XMP name them."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 100))
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    literal = text.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    page.obj.Contents = pdf.make_stream(b"BT /F1 8 Tf 10 50 Td (" + literal + b") Tj ET")
    if author:
        pdf.docinfo["/Author"] = author
        pdf.docinfo["/Creator"] = f"Escáner de {author}"
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [author]
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def pdf_text(data: bytes) -> bytes:
    """The drawing instructions of every page (where the text is)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return b"".join(page.Contents.read_bytes() for page in pdf.pages)
