"""An idea's picture on arrival: its type and size checked, its metadata dropped.

A participant's photo often carries where and when it was taken (EXIF, GPS) and the phone it
came from; what the platform stores is only the picture, decoded and saved afresh in its own
format (JPEG, PNG or WebP), turned upright and at most MAX_SIDE pixels on its longer side.
The header is read before any pixel is decoded, so a small file that would unpack into
gigabytes is refused without decoding it.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 24_000_000
MAX_SIDE = 2400
# Pillow's format → the extension it is stored with.
# A phone's JPEG with several pictures inside (MPF: HDR gain maps, depth maps) opens as MPO: its
# first picture is kept, as a JPEG.
FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"

TOO_BIG = _("La imagen pesa más de 5 MB. Reduzca su tamaño o elija otra.")
WRONG_TYPE = _(
    "El archivo no es una imagen JPEG, PNG o WebP. Elija una foto o imagen en uno de esos formatos."
)
TOO_MANY_PIXELS = _(
    "La imagen tiene demasiados píxeles para procesarla (máximo 24 megapíxeles). "
    "Envíe una versión más pequeña."
)


@dataclass(frozen=True)
class CleanImage:
    """A checked picture without metadata, ready to be stored."""

    data: bytes
    extension: str
    width: int
    height: int


def clean_upload(upload) -> CleanImage:
    """The checked, cleaned picture of an uploaded file; ValidationError with a message for
    people otherwise."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    try:
        # Only the three formats' decoders ever see the bytes (an MPO opens through JPEG's).
        with Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP")) as image:
            extension = FORMATS.get(image.format or "")
            if extension is None:
                raise ValidationError(WRONG_TYPE, code="wrong_type")
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
            image_format = "JPEG" if image.format == "MPO" else image.format
            return _without_metadata(image, image_format, extension)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except Exception as error:  # noqa: BLE001
        # A malformed file can fail anywhere in a decoder (struct, key, type errors...): for the
        # person it is the same thing, a file that is not a usable picture.
        raise ValidationError(WRONG_TYPE, code="wrong_type") from error


def _without_metadata(image: Image.Image, image_format: str, extension: str) -> CleanImage:
    if image_format == "JPEG":
        # Decode a large JPEG at 1/2, 1/4 or 1/8 scale straight from the compressed data.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
    # Shrink first, then turn upright: the copy that exif_transpose makes is the small one.
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    upright = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info or upright.mode == "P" else "RGB")
    upright.info = {}
    out = io.BytesIO()
    if image_format == "JPEG":
        upright.save(out, format="JPEG", quality=88, optimize=True)
    elif image_format == "WEBP":
        upright.save(out, format="WEBP", quality=88)
    else:
        upright.save(out, format="PNG", optimize=True)
    return CleanImage(out.getvalue(), extension, upright.width, upright.height)
