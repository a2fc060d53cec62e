"""JSON shapes of the report channel (CONTRACTS.md): file a report, look it up, answer."""

from rest_framework import serializers

from core.territories import TERRITORY_NAMES
from reports.models import Authority, Category, Channel, Decision, HowKnown, Kind, Stage, Status


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)


class ReportCreateSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices, help_text="Tema de la denuncia.")
    description = serializers.CharField(max_length=10_000, help_text="Qué pasó.")
    entity = serializers.CharField(max_length=300, help_text="Entidad u oficina involucrada.")
    kind = serializers.ChoiceField(
        choices=Kind.choices,
        required=False,
        default=Kind.REPORT,
        help_text="report (15 días hábiles) o information, solicitud de información (10).",
    )
    occurred_on = serializers.DateField(
        required=False, allow_null=True, help_text="Cuándo ocurrió (AAAA-MM-DD)."
    )
    territory = serializers.ChoiceField(
        choices=sorted(TERRITORY_NAMES),
        required=False,
        allow_blank=True,
        help_text="Comuna o corregimiento.",
    )
    place = serializers.CharField(
        required=False, allow_blank=True, max_length=300, help_text="Lugar, en texto libre."
    )
    people_involved = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    how_known = serializers.ChoiceField(choices=HowKnown.choices, required=False, allow_blank=True)
    contact = ContactSerializer(
        required=False, help_text="Solo si quiere que le contacten; si no, es anónima."
    )
    fears_retaliation = serializers.BooleanField(required=False, default=False)


class ReceiptSerializer(serializers.Serializer):
    receipt = serializers.CharField(
        help_text="El código de seguimiento de 16 dígitos que se mostró al crear la denuncia."
    )
    due_on = serializers.DateField(help_text="Fecha límite de respuesta.")


class LookupSerializer(serializers.Serializer):
    receipt = serializers.CharField(
        max_length=40, help_text="Código de seguimiento (los espacios no importan)."
    )


class LookupMessageSerializer(LookupSerializer):
    body = serializers.CharField(
        max_length=10_000, help_text="Mensaje o información adicional para la oficina."
    )


class HistorySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, source="to_status")
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()


class MessageSerializer(serializers.Serializer):
    author = serializers.ChoiceField(choices=["reporter", "handler"])
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class ReferralSerializer(serializers.Serializer):
    authority = serializers.ChoiceField(choices=Authority.choices)
    authority_name = serializers.CharField(help_text="El nombre de la autoridad, para leer.")
    referred_on = serializers.DateField()
    case_reference = serializers.CharField(allow_blank=True, help_text="El radicado de la autoridad.")
    stage = serializers.ChoiceField(choices=Stage.choices)
    updated_on = serializers.DateField()


class OutcomeSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    decided_on = serializers.DateField()
    authority = serializers.ChoiceField(choices=Authority.choices)
    authority_name = serializers.CharField()
    summary = serializers.CharField(help_text="Resumen de la decisión escrito para quien denuncia.")
    survey_answered = serializers.SerializerMethodField()

    def get_survey_answered(self, outcome) -> bool:
        return outcome.surveyed_on is not None


class ReportStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    received_on = serializers.DateField()
    due_on = serializers.DateField(
        allow_null=True, help_text="null mientras el término está detenido o cerrada."
    )
    forwarded_to = serializers.CharField(allow_blank=True)
    history = HistorySerializer(many=True)
    messages = MessageSerializer(many=True)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    referrals = ReferralSerializer(many=True, required=False)
    outcome = OutcomeSerializer(allow_null=True, required=False)


class SurveySerializer(LookupSerializer):
    satisfaction = serializers.IntegerField(
        min_value=1, max_value=5, help_text="De 1 (nada satisfecho) a 5 (muy satisfecho) con la respuesta."
    )
    would_report_again = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="¿Volvería a denunciar?"
    )


# Handlers: referrals and the outcome.


class ReferralCreateSerializer(serializers.Serializer):
    authority = serializers.ChoiceField(choices=Authority.choices)
    other_authority = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Solo con authority = other."
    )
    referred_on = serializers.DateField()
    case_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    stage = serializers.ChoiceField(choices=Stage.choices, required=False, default=Stage.SENT)


class ReferralUpdateSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    updated_on = serializers.DateField(required=False, help_text="Fecha de la novedad; hoy si falta.")
    case_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)


class ReferralHandlerSerializer(ReferralSerializer):
    id = serializers.IntegerField()


class OutcomeWriteSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    decided_on = serializers.DateField()
    authority = serializers.ChoiceField(choices=Authority.choices)
    other_authority = serializers.CharField(required=False, allow_blank=True, max_length=200)
    summary = serializers.CharField(max_length=5000)


# Public statistics. Every count is of reports; a count from 1 to 4 is null ("< 5").

SUPPRESSED = "null: entre 1 y 4, oculto para que nadie pueda ser identificado."


def _counts(choices, what: str):
    return serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text=f"Denuncias por {what} ({', '.join(value for value, _label in choices)}); {SUPPRESSED}",
    )


class SatisfactionSerializer(serializers.Serializer):
    answers = serializers.IntegerField(allow_null=True, help_text=f"Encuestas respondidas; {SUPPRESSED}")
    satisfied_pct = serializers.FloatField(
        allow_null=True, help_text="% que calificó 4 o 5 de 5; null con menos de 5 respuestas."
    )
    average = serializers.FloatField(allow_null=True, help_text="Promedio de 1 a 5; null con menos de 5.")
    would_report_again_pct = serializers.FloatField(allow_null=True)


class FiguresSerializer(serializers.Serializer):
    received = serializers.IntegerField(allow_null=True, help_text=f"Denuncias recibidas; {SUPPRESSED}")
    status = _counts(Status.choices, "estado")
    category = _counts(Category.choices, "tema")
    channel = _counts(Channel.choices, "canal")
    decision = _counts(Decision.choices, "decisión")
    answered_on_time_pct = serializers.FloatField(
        allow_null=True,
        help_text="% de las respondidas o trasladadas dentro del término; null con menos de 5.",
    )
    median_business_days_to_first_answer = serializers.FloatField(allow_null=True)
    median_business_days_to_decision = serializers.FloatField(allow_null=True)
    satisfaction = SatisfactionSerializer()


class YearFiguresSerializer(FiguresSerializer):
    year = serializers.IntegerField(help_text="Año de recepción.")


class StatsSerializer(FiguresSerializer):
    small_cell_threshold = serializers.IntegerField(
        help_text="Las cifras menores que este número se ocultan."
    )
    by_year = YearFiguresSerializer(many=True)
