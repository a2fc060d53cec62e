"""The report channel in the public JSON API: anyone files a report; the holder of a receipt
reads and answers it. No session is used (a report never links to an account), so these
endpoints have no authentication and need no CSRF token; wrong receipts are rate limited."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core import page_cache, ratelimit
from core.api import LimitedJSONParser, RefusalSerializer, TranslatedNotFound
from reports import privacy, selectors, services, throttle
from reports.cache import STATISTICS
from reports.models import Outcome, Referral, Report
from reports.serializers import (
    LookupMessageSerializer,
    LookupSerializer,
    OutcomeSerializer,
    OutcomeWriteSerializer,
    ReferralCreateSerializer,
    ReferralHandlerSerializer,
    ReferralUpdateSerializer,
    ReportCreateSerializer,
    ReportStatusSerializer,
    StatsSerializer,
    SurveySerializer,
)
from reports.serializers import ReceiptSerializer as CreatedSerializer

NOT_FOUND = _("No encontramos una denuncia con ese código.")
NOT_HANDLER = _("Solo la Oficina de Transparencia gestiona denuncias.")


def _refusals(*codes):
    return {code: OpenApiResponse(RefusalSerializer) for code in codes}


def _private(response: Response) -> Response:
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _status_of(report: Report) -> dict:
    return ReportStatusSerializer(
        {
            "status": report.status,
            "category": report.category,
            "received_on": report.received_on,
            "due_on": report.due_on if report.is_open else None,
            "forwarded_to": report.forwarded_to,
            "history": report.status_changes.all(),
            "messages": report.messages.filter(internal=False),
            "channel": report.channel,
            "referrals": report.referrals.all(),
            "outcome": Outcome.objects.filter(report=report).first(),
        }
    ).data


@method_decorator(sensitive_post_parameters(), name="dispatch")
class ReportViewSet(viewsets.ViewSet):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    # JSON only: a cross-site HTML form can send form-encoded or multipart bodies without any
    # CORS check, and each report starts a legal deadline; those get 415.
    parser_classes = [LimitedJSONParser]

    def initial(self, request, *args, **kwargs):
        privacy.protect(request._request)
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, services.Refused):
            return _private(Response({"detail": exc.message, "code": exc.code}, status=exc.status))
        return _private(super().handle_exception(exc))

    @extend_schema(
        summary="Presentar una denuncia",
        description="Sin cuenta. Responde una sola vez el código de seguimiento (`receipt`) "
        "y la fecha límite.",
        request=ReportCreateSerializer,
        responses={201: CreatedSerializer, **_refusals(400, 415, 429)},
    )
    def create(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ratelimit.check(request, "report")
        values = dict(data.validated_data)
        contact = values.pop("contact", None) or {}
        report, receipt = services.report_create(
            **values,
            contact_name=contact.get("name", ""),
            contact_email=contact.get("email", ""),
            contact_phone=contact.get("phone", ""),
        )
        return _private(
            Response(
                {"receipt": services.receipt_format(receipt), "due_on": report.due_on},
                status=status.HTTP_201_CREATED,
            )
        )

    def _find(self, request, serializer_class):
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        throttle.check(request)
        report = services.report_find(receipt=data.validated_data["receipt"])
        if report is None:
            throttle.failed(request)
            raise services.Refused("not_found", NOT_FOUND, 404)
        return report, data.validated_data

    @extend_schema(
        summary="Consultar una denuncia",
        description="Con el código de seguimiento: estado, historial y mensajes. Un código que no existe "
        "responde siempre 404; demasiados intentos, 429.",
        request=LookupSerializer,
        responses={200: ReportStatusSerializer, **_refusals(400, 404, 429)},
    )
    @action(detail=False, methods=["post"], url_path="lookup")
    def lookup(self, request):
        report, _data = self._find(request, LookupSerializer)
        return _private(Response(_status_of(report)))

    @extend_schema(
        summary="Escribir a la oficina sobre una denuncia",
        description="Con el código de seguimiento: responder una pregunta o agregar información. Si la "
        "denuncia estaba pendiente de completar, el término vuelve a correr.",
        request=LookupMessageSerializer,
        responses={201: ReportStatusSerializer, **_refusals(400, 404, 409, 429)},
    )
    @action(detail=False, methods=["post"], url_path="lookup/messages")
    def lookup_messages(self, request):
        report, data = self._find(request, LookupMessageSerializer)
        services.reporter_message(report=report, body=data["body"])
        report.refresh_from_db()
        return _private(Response(_status_of(report), status=status.HTTP_201_CREATED))

    @extend_schema(
        summary="Responder la encuesta de satisfacción",
        description="Con el código de seguimiento, una vez, cuando la denuncia tiene una decisión. "
        "Alimenta solo las estadísticas públicas.",
        request=SurveySerializer,
        responses={201: ReportStatusSerializer, **_refusals(400, 404, 409, 429)},
    )
    @action(detail=False, methods=["post"], url_path="lookup/survey")
    def lookup_survey(self, request):
        report, data = self._find(request, SurveySerializer)
        services.outcome_survey_answer(
            report=report, satisfaction=data["satisfaction"], would_report_again=data["would_report_again"]
        )
        return _private(Response(_status_of(report), status=status.HTTP_201_CREATED))

    @extend_schema(
        summary="Estadísticas del canal de denuncias",
        description="Cifras agregadas, nunca una denuncia: por estado, tema, canal y decisión, respuesta "
        "dentro del término, medianas de días hábiles y satisfacción, en total y por año de recepción. "
        "Una cifra de 1 a 4 se publica como null («< 5»), y si en un desglose quedaría oculta una sola, "
        "se oculta también la siguiente más pequeña, para que nadie pueda ser identificado.",
        responses={200: StatsSerializer},
    )
    @action(detail=False, methods=["get"], url_path="stats")
    def stats(self, request):
        page_cache.shows(request._request, STATISTICS, until=page_cache.next_local_midnight())
        total, years = selectors.channel_statistics()
        return Response(
            {
                **total.as_json(),
                "small_cell_threshold": selectors.SMALL_CELL,
                "by_year": [year.as_json() for year in years],
            }
        )


class ReportHandlingViewSet(TranslatedNotFound, viewsets.ViewSet):
    """The handlers' writes on a report's referrals and outcome (session and CSRF, like the site)."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]{1,9}"

    def handle_exception(self, exc):
        if isinstance(exc, services.Refused):
            return _private(Response({"detail": exc.message, "code": exc.code}, status=exc.status))
        if isinstance(exc, PermissionDenied):
            exc = exceptions.PermissionDenied(NOT_HANDLER)
        return _private(super().handle_exception(exc))

    def _report(self, request, pk) -> Report:
        return selectors.access_report(request.user, int(pk))

    @extend_schema(
        summary="Remitir una denuncia a una autoridad (Oficina de Transparencia)",
        request=ReferralCreateSerializer,
        responses={201: ReferralHandlerSerializer, **_refusals(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"], url_path="referrals")
    def referrals(self, request, pk=None):
        report = self._get(request, pk)
        data = ReferralCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral = services.referral_create(report=report, by=request.user, **data.validated_data)
        return _private(Response(ReferralHandlerSerializer(referral).data, status=status.HTTP_201_CREATED))

    @extend_schema(
        summary="Actualizar la etapa de una remisión (Oficina de Transparencia)",
        request=ReferralUpdateSerializer,
        responses={200: ReferralHandlerSerializer, **_refusals(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["patch"], url_path=r"referrals/(?P<referral_id>[0-9]{1,9})")
    def referral(self, request, pk=None, referral_id=None):
        report = self._get(request, pk)
        data = ReferralUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral = Referral.objects.filter(report=report, pk=int(referral_id)).first()
        if referral is None:
            raise Http404
        referral = services.referral_update(referral=referral, by=request.user, **data.validated_data)
        return _private(Response(ReferralHandlerSerializer(referral).data))

    @extend_schema(
        summary="Registrar la decisión (Oficina de Transparencia)",
        description="Crea o corrige la decisión; quien denuncia la ve con su código y recibe un aviso.",
        request=OutcomeWriteSerializer,
        responses={200: OutcomeSerializer, **_refusals(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["put"], url_path="outcome")
    def outcome(self, request, pk=None):
        report = self._get(request, pk)
        data = OutcomeWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        outcome = services.outcome_record(report=report, by=request.user, **data.validated_data)
        return _private(Response(OutcomeSerializer(outcome).data))

    def _get(self, request, pk) -> Report:
        try:
            return self._report(request, pk)
        except Report.DoesNotExist as missing:
            raise Http404 from missing
