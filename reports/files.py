"""Attachments: type and size checks, encrypted storage under random names, and a copy of
each image without its metadata (EXIF, GPS, comments), which is what handlers see by default."""

import io
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from reports import crypto

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
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
            try:
                with Image.open(io.BytesIO(data)) as image:
                    image.verify()
                    content_type = IMAGES.get(image.format or "")
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
                content_type = None
            if content_type is None:
                raise BadFile(_("«%(name)s» no es una imagen válida.") % {"name": name})
            checked.append(CheckedFile(name, content_type, data, True))
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


def without_metadata(data: bytes) -> bytes:
    """The picture only: pixels rebuilt in a new image, so no EXIF, GPS, XMP or comment survives."""
    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert(
                "RGBA" if "transparency" in image.info or upright.mode == "P" else "RGB"
            )
        clean = Image.new(upright.mode, upright.size)
        clean.paste(upright)
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
