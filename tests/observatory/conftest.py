import pytest

from tests.observatory.factories import IndicatorFactory


@pytest.fixture
def indicator(db):
    return IndicatorFactory(
        name="Contratos por contratación directa",
        slug="contratacion-directa",
        unit="%",
        higher_is_better=False,
    )
