"""Corruption risks with controls, actions and follow-ups."""

import datetime

from observatory.models import Control, Risk, RiskAction, RiskFollowUp
from tests.projects.factories import OfficeFactory


def make_risk(code: str = "RC-01", **fields) -> Risk:
    values = {
        "title": "Direccionamiento de contratos hacia un proponente",
        "process": "contratacion",
        "description": "Pliegos hechos a la medida de un oferente.",
        "causes": "Requisitos habilitantes restrictivos.",
        "consequences": "Sobrecostos y obras mal hechas.",
        "inherent_probability": 4,
        "inherent_impact": 5,
        "residual_probability": 2,
        "residual_impact": 5,
        **fields,
    }
    if "office" not in values:
        values["office"] = OfficeFactory(name="Secretaría Jurídica", slug="juridica")
    risk = Risk(code=code, **values)
    risk.full_clean()
    risk.save()
    return Risk.objects.get(pk=risk.pk)  # the levels come from the database


def control(risk: Risk, description: str = "Pliegos tipo de Colombia Compra Eficiente", **fields) -> Control:
    values = {
        "kind": "preventive",
        "owner": "Secretaría Jurídica",
        "documented": True,
        "frequency": "each_time",
    }
    return Control.objects.create(risk=risk, description=description, **{**values, **fields})


def action(risk: Risk, description: str = "Publicar todos los pliegos en SECOP II", **fields) -> RiskAction:
    values = {
        "owner": "Secretaría Jurídica",
        "starts_on": datetime.date(2026, 2, 1),
        "due_on": datetime.date(2026, 11, 30),
    }
    return RiskAction.objects.create(risk=risk, description=description, **{**values, **fields})


def followup(
    risk: Risk, cut_on: datetime.date, progress: int = 50, notes: str = "Avance verificado."
) -> RiskFollowUp:
    return RiskFollowUp.objects.create(risk=risk, cut_on=cut_on, progress=progress, notes=notes)
