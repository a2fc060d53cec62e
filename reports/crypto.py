"""Encryption at rest of everything a report says: text fields and attached files.

Keys come from settings.REPORTS_ENCRYPTION_KEYS, newest first. Each is any high-entropy
string; a Fernet key is derived from it (HKDF-SHA256), and a MultiFernet encrypts with the
newest and reads with any, so keys rotate (`manage.py rotate_report_keys`) without downtime.
"""

import base64
import functools
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models

__all__ = ["EncryptedTextField", "InvalidToken", "decrypt", "encrypt", "keyed_digest"]


def _fernet_key(secret: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"labplatform.reports", info=b"fernet").derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(derived)


@functools.cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(key)) for key in keys])


def fernet() -> MultiFernet:
    keys = tuple(settings.REPORTS_ENCRYPTION_KEYS)
    if not keys:
        raise RuntimeError("REPORTS_ENCRYPTION_KEYS is empty: reports cannot be encrypted.")
    return _fernet_for(keys)


def encrypt(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    return fernet().decrypt(token)


def rotate(token: bytes) -> bytes:
    """The same plaintext, encrypted again with the newest key."""
    return fernet().rotate(token)


def keyed_digest(purpose: str, value: str) -> str:
    """HMAC-SHA256 of a value with a key derived from SECRET_KEY for one purpose.

    For look-up indexes and rate-limit counters: equal inputs give equal digests, and
    nobody without the secret can go from a digest back to a short input (a receipt, an IP).
    """
    key = hashlib.sha256(f"labplatform.reports.{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


_SERIALIZED = "encrypted:"


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token (base64 text); Python code sees plain text.

    Serialized (dumpdata, fixtures) it stays encrypted too: `encrypted:<token>`, which
    loaddata reads back with the keys of the day.
    """

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        if not value:
            return value or ""
        return _SERIALIZED + encrypt(value.encode()).decode()

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(_SERIALIZED):
            try:
                return decrypt(value.removeprefix(_SERIALIZED).encode()).decode()
            except InvalidToken:
                return value
        return super().to_python(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value.encode()).decode()

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value.encode()).decode()

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "reports.crypto.EncryptedTextField", args, kwargs
