"""Attachments: type and size checks, encrypted storage under random names, and a copy of
each image without its metadata (EXIF, GPS, comments), which is what handlers see by default.

Images are judged from their header before any pixel is decoded: a picture over the pixel
budget (or whose decoded pixels would exceed the byte budget) is refused, so a small file that
unpacks into gigabytes never reaches the decoder. PDFs lose their document information
dictionary and XMP packet on arrival (the cleaned file is the only one kept); encrypted or
broken PDFs are refused.
"""

import io
import secrets
from dataclasses import dataclass

import pikepdf
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from reports import crypto

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# A picture may have at most this many pixels (a 48-megapixel phone photo is 8000×6000)...
MAX_PIXELS = 50_000_000
# ...and its decoded pixels (four bytes each in colour) may take at most this much memory. JPEGs
# larger than MAX_DECODED_SIDE are decoded at 1/2, 1/4 or 1/8 scale, so a big photo still fits;
# the handler's clean copy is that smaller picture (the original stays available to them).
MAX_DECODED_BYTES = 48 * 1024 * 1024
MAX_DECODED_SIDE = 3072
FOLDER = "reports"

# extension → (content type, how the file must start)
DOCUMENTS = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (b"PK\x03\x04",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    "xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0",)),
}
IMAGES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
ACCEPT = ",".join(f".{ext}" for ext in [*DOCUMENTS, *sorted(IMAGE_EXTENSIONS)])


class BadFile(ValueError):
    pass


@dataclass
class CheckedFile:
    name: str
    content_type: str
    data: bytes
    is_image: bool


def check_files(files) -> list[CheckedFile]:
    """Read and check every upload; BadFile with a message for people on the first bad one."""
    files = list(files)
    if len(files) > MAX_FILES:
        raise BadFile(_("Puede adjuntar hasta %(max)s archivos a la vez.") % {"max": MAX_FILES})
    checked = []
    for upload in files:
        name = (upload.name or "archivo").rsplit("/", 1)[-1][:200]
        if upload.size > MAX_BYTES:
            raise BadFile(_("«%(name)s» pesa más de 10 MB.") % {"name": name})
        data = upload.read()
        if len(data) > MAX_BYTES:
            raise BadFile(_("«%(name)s» pesa más de 10 MB.") % {"name": name})
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension in IMAGE_EXTENSIONS:
            checked.append(CheckedFile(name, _check_image(name, data), data, True))
        elif extension == "pdf" and data.startswith(b"%PDF-"):
            checked.append(CheckedFile(name, DOCUMENTS["pdf"][0], _clean_pdf(name, data), False))
        elif extension in DOCUMENTS and data.startswith(DOCUMENTS[extension][1]):
            checked.append(CheckedFile(name, DOCUMENTS[extension][0], data, False))
        else:
            raise BadFile(
                _(
                    "«%(name)s» no es de un tipo aceptado: PDF, imágenes (JPG, PNG, GIF, WebP) "
                    "o documentos de oficina."
                )
                % {"name": name}
            )
    return checked


def _too_big(name: str) -> BadFile:
    return BadFile(
        _(
            "«%(name)s» tiene demasiados píxeles para procesarla (máximo %(max)s megapíxeles). "
            "Envíe una versión más pequeña de la imagen."
        )
        % {"name": name, "max": MAX_PIXELS // 1_000_000}
    )


def _open_within_budget(data: bytes) -> Image.Image:
    """Open an image lazily (header only) and refuse it before decoding if it is over budget.

    Pillow errors for unreadable data; `_TooBig` when over budget."""
    image = Image.open(io.BytesIO(data))
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        image.close()
        raise _TooBig
    if image.format == "JPEG" and max(width, height) > MAX_DECODED_SIDE:
        # Decode at 1/2, 1/4 or 1/8 of the size straight from the compressed data.
        scale = next((s for s in (2, 4, 8) if max(width, height) / s <= MAX_DECODED_SIDE), 8)
        image.draft("RGB", (-(-width // scale), -(-height // scale)))
        width, height = image.size
    bytes_per_pixel = 1 if image.mode in ("1", "L", "P") else 4
    if width * height * bytes_per_pixel > MAX_DECODED_BYTES:
        image.close()
        raise _TooBig
    return image


class _TooBig(Exception):
    pass


def _check_image(name: str, data: bytes) -> str:
    try:
        with _open_within_budget(data) as image:
            content_type = IMAGES.get(image.format or "")
            image.verify()
    except (_TooBig, Image.DecompressionBombError) as error:
        raise _too_big(name) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        content_type = None
    if content_type is None:
        raise BadFile(_("«%(name)s» no es una imagen válida.") % {"name": name})
    return content_type


def _clean_pdf(name: str, data: bytes) -> bytes:
    """The PDF without its document information (author, creator, dates) and XMP metadata."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise BadFile(
                    _("«%(name)s» está protegido con contraseña o cifrado. Envíe una copia sin protección.")
                    % {"name": name}
                )
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            if "/Metadata" in pdf.Root:
                del pdf.Root["/Metadata"]
            for page in pdf.pages:
                if "/Metadata" in page.obj:
                    del page.obj["/Metadata"]
            out = io.BytesIO()
            pdf.remove_unreferenced_resources()
            pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    except pikepdf.PasswordError as error:
        raise BadFile(
            _("«%(name)s» está protegido con contraseña o cifrado. Envíe una copia sin protección.")
            % {"name": name}
        ) from error
    except (pikepdf.PdfError, ValueError, RecursionError, OSError) as error:
        raise BadFile(
            _("«%(name)s» es un PDF dañado o ilegible. Revise el archivo y envíelo de nuevo.")
            % {"name": name}
        ) from error
    return out.getvalue()


def without_metadata(data: bytes) -> bytes:
    """The picture only: the decoded pixels saved afresh as PNG, with no EXIF, GPS, XMP or comment.

    One decoded copy at a time (turned upright in place), so memory stays within the budget."""
    with _open_within_budget(data) as image:
        image.seek(0)
        image.load()
        ImageOps.exif_transpose(image, in_place=True)
        if image.mode in ("RGB", "RGBA", "L", "LA"):
            clean = image
        else:
            clean = image.convert("RGBA" if "transparency" in image.info or image.mode == "P" else "RGB")
        clean.info = {}
        clean.encoderinfo = {}
        out = io.BytesIO()
        clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def store(data: bytes) -> str:
    """Encrypt and save under a random name; returns the name in the storage."""
    name = f"{FOLDER}/{secrets.token_hex(20)}"
    return default_storage.save(name, ContentFile(crypto.encrypt(data)))


def load(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return crypto.decrypt(handle.read())


def rotate_file(name: str) -> str:
    """Re-encrypt a stored file with the newest key, under a new random name."""
    with default_storage.open(name, "rb") as handle:
        token = handle.read()
    new_name = f"{FOLDER}/{secrets.token_hex(20)}"
    new_name = default_storage.save(new_name, ContentFile(crypto.rotate(token)))
    default_storage.delete(name)
    return new_name
