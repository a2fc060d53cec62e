"""Hostile attachments: images that unpack into gigabytes, PDFs that name their author,
encrypted and broken PDFs. Each is refused with a Spanish message, or kept without metadata."""

import io
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from reports.models import Attachment, Report
from tests.reports.conftest import a_pdf, form_data, pdf_text


def png_bomb(width: int, height: int) -> bytes:
    """A black 1-bit PNG of width×height pixels: a few kilobytes on disk, width×height bytes
    (and more) once decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _peak_rss_reset() -> bool:
    """Reset the kernel's peak-memory mark of this process (Linux); False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


def _rss_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096


def _peak_growth_of(action) -> int:
    """How much the process grew at its peak while `action` ran."""
    if not _peak_rss_reset():
        pytest.skip("this kernel does not let a process reset its peak memory mark")
    before = _rss_bytes()
    action()
    return _peak_rss_bytes() - before


MB = 1024 * 1024
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("side", [20000, 12000])
def test_an_image_bomb_is_refused_before_decoding_with_memory_bounded(client, side):
    bomb = png_bomb(side, side)
    assert len(bomb) < 200 * 1024
    responses = []

    def post():
        upload = SimpleUploadedFile("foto.png", bomb, content_type="image/png")
        responses.append(client.post(reverse("reports:create"), {**form_data(), "attachments": [upload]}))

    growth = _peak_growth_of(post)
    response = responses[0]
    assert response.status_code == 400
    assert "demasiados píxeles" in response.content.decode()
    assert not Report.objects.exists() and not Attachment.objects.exists()
    assert growth < 100 * MB, f"grew {growth / MB:.0f} MB"


def test_a_large_real_photo_is_kept_and_reencoded_with_memory_bounded(client, client_for, handler):
    # 8000×6000: a 48-megapixel phone photo.
    out = io.BytesIO()
    Image.new("RGB", (8000, 6000), (40, 120, 60)).save(out, format="JPEG", quality=70)
    photo = out.getvalue()
    responses = []

    def post(attachments):
        responses.append(client.post(reverse("reports:create"), {**form_data(), "attachments": attachments}))

    # Filing any report costs memory of its own (the receipt's slow hash): the photo's share is
    # what it adds to that.
    plain = _peak_growth_of(lambda: post([]))
    growth = _peak_growth_of(lambda: post([SimpleUploadedFile("obra.jpg", photo, content_type="image/jpeg")]))
    assert [response.status_code for response in responses] == [201, 201]
    assert growth - plain < 100 * MB, f"grew {growth / MB:.0f} MB, {plain / MB:.0f} MB without the photo"
    attachment = Attachment.objects.get()
    clean = client_for(handler).get(reverse("reports:attachment", args=[attachment.report_id, attachment.pk]))
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.format == "PNG" and max(image.size) <= 3072


def test_a_pdf_is_kept_and_downloaded_without_its_author(client, client_for, handler):
    signed = a_pdf("Acta de recibo del parque", author="Rosa Quintero")
    assert b"Rosa Quintero" in signed
    upload = SimpleUploadedFile("acta.pdf", signed, content_type="application/pdf")
    response = client.post(reverse("reports:create"), {**form_data(), "attachments": [upload]})
    assert response.status_code == 201
    attachment = Attachment.objects.get()
    handler_client = client_for(handler)
    url = reverse("reports:attachment", args=[attachment.report_id, attachment.pk])
    for got in (handler_client.get(url), handler_client.get(url + "?original=1")):
        assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
        assert b"Rosa Quintero" not in got.content and b"Esc" not in got.content
        with pikepdf.open(io.BytesIO(got.content)) as pdf:
            assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert b"Acta de recibo del parque" in pdf_text(got.content)


def _encrypted_pdf() -> bytes:
    with pikepdf.open(io.BytesIO(a_pdf("secreto"))) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="dueño", user="clave", R=6))
        return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_encrypted_pdf(), "protegido con contraseña"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "PDF dañado"),
        (a_pdf("x")[:60], "PDF dañado"),
    ],
    ids=["encrypted", "broken", "truncated"],
)
def test_encrypted_or_broken_pdfs_are_refused_with_a_clear_message(client, data, message):
    upload = SimpleUploadedFile("acta.pdf", data, content_type="application/pdf")
    response = client.post(reverse("reports:create"), {**form_data(), "attachments": [upload]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()
