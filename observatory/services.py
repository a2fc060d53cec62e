"""Writes of the observatory: observations by hand or from a CSV file (checked line by line, saved
all or nothing), and the observations of the indicators the platform computes itself."""

import csv
import io
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import indicators, page_cache
from core.refusals import Refused
from core.territories import CITY, TERRITORY_NAMES
from observatory.cache import OBSERVATORY
from observatory.models import Indicator, Observation, Periodicity, RiskFollowUp, valuation_error
from observatory.periods import PERIOD_HELP, normalize_period, period_start

__all__ = ["Refused"]

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_NOTE = Observation._meta.get_field("note").max_length
# Largest absolute value the column holds (18 digits, 4 after the point).
MAX_VALUE = Decimal("1e14")

COLUMNS = {
    "period": "period",
    "periodo": "period",
    "territory": "territory",
    "territorio": "territory",
    "value": "value",
    "valor": "value",
    "note": "note",
    "nota": "note",
}
REQUIRED_COLUMNS = ("period", "value")

_TERRITORY_LOOKUP = {
    **{code.lower(): code for code in TERRITORY_NAMES},
    **{name.lower(): code for code, name in TERRITORY_NAMES.items()},
    "": CITY,
}


@dataclass(frozen=True)
class Row:
    line: int
    period: str
    territory: str
    value: Decimal
    note: str = ""


@dataclass
class ParsedFile:
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message); line 0: the file

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def parse_value(text: str) -> Decimal:
    """A machine number: digits, an optional minus and a dot for decimals. ValueError otherwise."""
    text = text.strip()
    if not text or "," in text or " " in text or "_" in text:
        raise ValueError(text)
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite() or abs(value) >= MAX_VALUE or value.as_tuple().exponent < -4:
        raise ValueError(text)
    return value


def territory_code(text: str) -> str:
    """A territory's code from its code or official name (any case); KeyError if unknown."""
    return _TERRITORY_LOOKUP[" ".join(text.split()).lower()]


def observations_parse_csv(data: bytes) -> ParsedFile:
    """Check a CSV file of observations. Columns (Spanish or English names): period/periodo,
    value/valor, and optionally territory/territorio (the city when empty) and note/nota."""
    parsed = ParsedFile()
    if len(data) > MAX_FILE_BYTES:
        parsed.errors.append((0, _("El archivo pesa más de 2 MB. Divídalo en varios archivos.")))
        return parsed
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.errors.append(
            (
                0,
                _(
                    "El archivo no está en UTF-8. Guárdelo como «CSV UTF-8» (en Excel: Guardar como → "
                    "CSV UTF-8 delimitado por comas) y vuelva a cargarlo."
                ),
            )
        )
        return parsed
    if not text.strip():
        parsed.errors.append((0, _("El archivo está vacío.")))
        return parsed
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error:
        parsed.errors.append((1, _("No se pudo leer la fila de encabezados.")))
        return parsed
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = COLUMNS.get(name.strip().lower())
        if key and key not in columns:
            columns[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        names = {"period": "periodo (period)", "value": "valor (value)"}
        parsed.errors.append(
            (
                1,
                _("Falta la columna %(columns)s. La primera fila debe nombrar las columnas: %(expected)s.")
                % {
                    "columns": ", ".join(f"«{names[name]}»" for name in missing),
                    "expected": "periodo, territorio, valor, nota",
                },
            )
        )
        return parsed

    seen: dict[tuple[str, str], int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(parsed.rows) + len(parsed.errors) >= MAX_ROWS:
                parsed.errors.append(
                    (line, _("El archivo tiene más de %(max)s filas. Divídalo.") % {"max": f"{MAX_ROWS:,}"})
                )
                break
            row, problems = _parse_line(line, cells, columns)
            if row is not None:
                key = (row.period, row.territory)
                if key in seen:
                    problems.append(
                        _(
                            "repite el periodo %(period)s y el territorio «%(territory)s» "
                            "de la línea %(other)s"
                        )
                        % {
                            "period": row.period,
                            "territory": TERRITORY_NAMES[row.territory],
                            "other": seen[key],
                        }
                    )
                else:
                    seen[key] = line
            if problems:
                text = "; ".join(problems)
                parsed.errors.append((line, text[:1].upper() + text[1:] + "."))
            elif row is not None:
                parsed.rows.append(row)
    except csv.Error as error:
        parsed.errors.append(
            (reader.line_num, _("El archivo no es un CSV válido (%(error)s).") % {"error": error})
        )
    if not parsed.rows and not parsed.errors:
        parsed.errors.append((0, _("El archivo no trae ninguna medición, solo encabezados.")))
    return parsed


def _parse_line(line: int, cells: list[str], columns: dict[str, int]) -> tuple[Row | None, list[str]]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    problems = []
    raw_period, raw_value, raw_territory, note = (
        cell("period"),
        cell("value"),
        cell("territory"),
        cell("note"),
    )
    period = territory = value = None
    try:
        period = normalize_period(raw_period)
    except ValueError:
        if raw_period:
            problems.append(
                _("«%(value)s» no es un periodo válido (use %(help)s)")
                % {"value": raw_period, "help": PERIOD_HELP}
            )
        else:
            problems.append(_("falta el periodo"))
    try:
        value = parse_value(raw_value)
    except ValueError:
        if raw_value:
            problems.append(
                _(
                    "«%(value)s» no es un número válido (use punto decimal, sin separador de miles "
                    "y hasta 4 decimales: 1234.5)"
                )
                % {"value": raw_value}
            )
        else:
            problems.append(_("falta el valor"))
    try:
        territory = territory_code(raw_territory)
    except KeyError:
        problems.append(
            _(
                "el territorio «%(value)s» no existe (use bucaramanga, comuna-1 … comuna-17 o "
                "corregimiento-1 … 3)"
            )
            % {"value": raw_territory}
        )
    if len(note) > MAX_NOTE:
        problems.append(_("la nota pasa de %(max)s caracteres") % {"max": MAX_NOTE})
    if problems:
        return None, problems
    return Row(line=line, period=period, territory=territory, value=value, note=note), problems


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int


def observations_preview(*, indicator: Indicator, rows: list[Row]) -> list[tuple[Row, str, Decimal | None]]:
    """Each row with what saving it would do: "new", "update" (with the value it replaces) or "same"."""
    existing = {
        (period, territory): (value, note)
        for period, territory, value, note in indicator.observations.values_list(
            "period", "territory", "value", "note"
        )
    }
    preview = []
    for row in rows:
        before = existing.get((row.period, row.territory))
        if before is None:
            preview.append((row, "new", None))
        elif before == (row.value, row.note):
            preview.append((row, "same", before[0]))
        else:
            preview.append((row, "update", before[0]))
    return preview


def _check_can_load(user, indicator: Indicator) -> None:
    if not user.has_perm("observatory.load_observations", indicator):
        raise Refused("forbidden", _("Solo el equipo editorial carga mediciones del observatorio."))
    if indicator.computed:
        raise Refused(
            "computed",
            _("Las mediciones de este indicador las calcula la plataforma; no se cargan a mano."),
            400,
        )


@transaction.atomic
def observations_import(*, indicator: Indicator, rows: list[Row], by) -> ImportSummary:
    """Save the rows, all or none: a new period and territory is added, an existing one updated."""
    _check_can_load(by, indicator)
    if not rows:
        raise Refused("invalid", _("No hay mediciones para guardar."), 400)
    preview = observations_preview(indicator=indicator, rows=rows)
    _upsert(indicator, [(row.period, row.territory, row.value, row.note) for row in rows])
    return ImportSummary(
        created=sum(1 for _row, change, _before in preview if change == "new"),
        updated=sum(1 for _row, change, _before in preview if change == "update"),
        unchanged=sum(1 for _row, change, _before in preview if change == "same"),
    )


@transaction.atomic
def observation_save(
    *, indicator: Indicator, period: str, territory: str, value: Decimal, note: str = "", by
) -> Observation:
    """One observation by hand (added, or updated if its period and territory exist)."""
    _check_can_load(by, indicator)
    try:
        period = normalize_period(period)
    except ValueError as error:
        raise Refused("invalid", _("Periodo inválido: use %(help)s") % {"help": PERIOD_HELP}, 400) from error
    if territory not in TERRITORY_NAMES:
        raise Refused("invalid", _("Ese territorio no existe."), 400)
    _upsert(indicator, [(period, territory, value, note)])
    return indicator.observations.get(period=period, territory=territory)


@transaction.atomic
def observation_delete(*, indicator: Indicator, period: str, territory: str, by) -> bool:
    """Remove one observation (a wrong period or territory, say); False if there was none."""
    _check_can_load(by, indicator)
    deleted, _detail = indicator.observations.filter(period=period, territory=territory).delete()
    if deleted:
        Indicator.objects.filter(pk=indicator.pk).update(updated_at=timezone.now())
    return bool(deleted)


def _upsert(indicator: Indicator, rows: list[tuple[str, str, Decimal, str]]) -> None:
    now = timezone.now()
    Observation.objects.bulk_create(
        [
            Observation(
                indicator=indicator,
                period=period,
                period_start=period_start(period),
                territory=territory,
                value=value,
                note=note,
                updated_at=now,
            )
            for period, territory, value, note in rows
        ],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["indicator", "period", "territory"],
        update_fields=["value", "note", "period_start", "updated_at"],
    )
    Indicator.objects.filter(pk=indicator.pk).update(updated_at=now)
    page_cache.bump(OBSERVATORY)  # bulk_create sends no signal


@dataclass(frozen=True)
class ComputedSummary:
    indicators: int
    observations: int


def computed_indicators_update() -> ComputedSummary:
    """Recompute every registered participation indicator and store its monthly observations for
    the city. Idempotent: months that no longer have a value are removed, the rest upserted."""
    total = 0
    with translation.override(settings.LANGUAGE_CODE):
        registered = indicators.computed_indicators()
        for spec in registered:
            if Indicator.objects.filter(slug=spec.slug, computed=False).exists():
                # An editor's indicator already has this slug: never overwrite hand-loaded data.
                logger.warning(
                    "Computed indicator %s skipped: an editor's indicator has its slug.", spec.slug
                )
                continue
            rows = [(normalize_period(period), Decimal(value)) for period, value in spec.compute()]
            with transaction.atomic():
                indicator, _created = Indicator.objects.update_or_create(
                    slug=spec.slug,
                    defaults={
                        "name": str(spec.name),
                        "unit": str(spec.unit),
                        "description": str(spec.description),
                        "methodology": str(spec.methodology),
                        "higher_is_better": spec.higher_is_better,
                        "theme": spec.theme,
                        "computed": True,
                        "periodicity": Periodicity.MONTHLY,
                        "source": _("Laboratorio de Innovación Pública de Bucaramanga (cálculo automático)"),
                        "responsible_office": _("Laboratorio de Innovación Pública"),
                    },
                )
                periods = [period for period, _value in rows]
                # Everything but the city's rows for the months computed now: a month that lost its
                # value (its ideas were hidden, say) must not keep the old one.
                indicator.observations.exclude(territory=CITY, period__in=periods).delete()
                if rows:
                    _upsert(indicator, [(period, CITY, value, "") for period, value in rows])
                total += len(rows)
    return ComputedSummary(indicators=len(registered), observations=total)


# --- the corruption risk map ---


def check_can_follow_up_risks(user) -> None:
    if not user.has_perm("observatory.follow_up_risk"):
        raise Refused(
            "not_allowed", _("Solo la oficina de control interno registra el seguimiento de los riesgos.")
        )


def risk_values_check(
    *, inherent_probability: int, inherent_impact: int, residual_probability: int, residual_impact: int
) -> None:
    """The guide's rules for a corruption risk's valuation, with a message for each."""
    error = valuation_error(inherent_probability, inherent_impact, residual_probability, residual_impact)
    if error:
        raise Refused(error[0], error[1], status=400)


@transaction.atomic
def risk_followup_record(*, risk, cut_on, progress: int, notes: str, by):
    """The control office's follow-up of a risk at a legal cut (30 April, 31 August, 31 December)."""
    check_can_follow_up_risks(by)
    followup = RiskFollowUp(risk=risk, cut_on=cut_on, progress=progress, notes=notes, author=by)
    try:
        followup.full_clean()
    except ValidationError as error:
        raise Refused("invalid", " ".join(error.messages), status=400) from error
    followup.save()
    return followup
