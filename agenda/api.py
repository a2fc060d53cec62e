"""The agenda in the public JSON API: the events, and registration for verified accounts."""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from agenda import selectors, services
from agenda.cache import AGENDA
from agenda.models import Event, EventKind, RegistrationStatus
from core.api import CachedForAnonymous, RefusalSerializer, TranslatedNotFound
from core.refusals import Refused
from core.urls import absolute


class EventSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=EventKind.choices, read_only=True, help_text="Tipo de evento.")
    venue = serializers.SerializerMethodField(help_text="Lugar y dirección; vacío si es solo en línea.")
    url = serializers.SerializerMethodField(help_text="Dirección absoluta del evento en el sitio.")
    registered_count = serializers.IntegerField(
        read_only=True, help_text="Personas inscritas (sin la lista de espera)."
    )
    capacity = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Cupo; null si no requiere inscripción."
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "venue",
            "online_url",
            "capacity",
            "registered_count",
            "url",
        ]

    def get_venue(self, event: Event) -> str:
        return ", ".join(part for part in (event.venue, event.address) if part)

    def get_url(self, event: Event) -> str:
        return absolute(event.get_absolute_url())


class RegistrationStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[RegistrationStatus.REGISTERED.value, RegistrationStatus.WAITLISTED.value],
        help_text="registered: tiene cupo; waitlisted: en lista de espera.",
    )


def _refusals(*codes):
    texts = {
        401: "Sin sesión iniciada.",
        403: "Cuenta sin verificar, evento sin inscripción, cancelado o ya comenzado.",
        404: "No existe un evento público con ese id.",
    }
    return {code: OpenApiResponse(response=RefusalSerializer, description=texts[code]) for code in codes}


@extend_schema_view(
    list=extend_schema(
        summary="Agenda",
        description="Eventos públicos (sesiones de debate, talleres, formaciones, reuniones) que no han "
        "terminado, del más próximo al más lejano. También en iCalendar en /agenda.ics.",
    ),
    retrieve=extend_schema(summary="Un evento", responses={200: EventSerializer, **_refusals(404)}),
)
class EventViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = (AGENDA,)
    serializer_class = EventSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        queryset = selectors.public_events().order_by("starts_at", "pk")
        if self.action == "list":
            queryset = queryset.filter(ends_at__gte=timezone.now())
        return queryset

    def page_cache_until(self, request):
        # The list holds the events not over yet: it changes when the next one ends.
        return selectors.next_event_end if self.action == "list" else None

    def handle_exception(self, exc):
        if isinstance(exc, Refused):
            headers = {"WWW-Authenticate": 'Session realm="api"'} if exc.status == 401 else None
            return Response({"detail": exc.message, "code": exc.code}, status=exc.status, headers=headers)
        return super().handle_exception(exc)

    @extend_schema(
        methods=["POST"],
        summary="Inscribirse en un evento",
        description="Cuenta verificada. 201 con `registered` o `waitlisted` (lista de espera cuando el cupo "
        "está lleno); pedirlo otra vez responde 200 con el mismo estado.",
        request=None,
        responses={
            201: RegistrationStatusSerializer,
            200: RegistrationStatusSerializer,
            **_refusals(401, 403, 404),
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Cancelar la inscripción",
        description="Libera el cupo; la primera persona de la lista de espera lo toma. 204 también si no "
        "estaba inscrita.",
        request=None,
        responses={204: None, **_refusals(401, 404)},
    )
    @action(
        detail=True,
        methods=["post", "delete"],
        filter_backends=[],
        serializer_class=RegistrationStatusSerializer,
    )
    def registration(self, request, *args, **kwargs):
        event = self.get_object()
        if request.method == "POST":
            registration, created = services.registration_create(user=request.user, event=event)
            return Response(
                {"status": registration.status},
                status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            )
        if not request.user.is_authenticated:
            raise Refused("not_authenticated", _("Ingrese con su cuenta."), 401)
        services.registration_cancel(user=request.user, event=event)
        return Response(status=status.HTTP_204_NO_CONTENT)
