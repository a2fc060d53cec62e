"""JSON shapes of the report channel (CONTRACTS.md): file a report, look it up, answer."""

from rest_framework import serializers

from core.territories import TERRITORY_NAMES
from reports.models import Category, HowKnown, Kind, Status


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
