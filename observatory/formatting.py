"""Numbers for people (Spanish grouping and decimal comma) and for machines (plain dot decimals)."""

from decimal import Decimal

from django.utils import formats


def plain(value: Decimal | None) -> str:
    """Open-data spelling: "1234.5", "12", "-0.25"; no exponent, no trailing zeros."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in {"-0", ""} else text


def as_json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    value = Decimal(value).normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(value: Decimal | int | float | None) -> str:
    """In the active language: 1.234,5 in Spanish, 1,234.5 in English."""
    if value is None:
        return ""
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = plain(value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return formats.number_format(Decimal(text), decimal_pos=decimals, use_l10n=True, force_grouping=True)
