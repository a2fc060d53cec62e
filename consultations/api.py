"""Consultations in the public JSON API: the list and each draft with its sections and counts,
the comments of a section (and commenting while open), and the global report."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from accounts.models import Organization
from consultations import selectors, services
from consultations.models import (
    CONSULTATIONS,
    ConsultationPage,
    ConsultationSection,
    Stance,
    next_consultation_boundary,
)
from core.api import CachedForAnonymous, RefusalSerializer, TranslatedNotFound
from core.markdown import render_markdown


class RefusalsAsResponses:
    def handle_exception(self, exc):
        if isinstance(exc, services.Refused):
            headers = {"WWW-Authenticate": 'Session realm="api"'} if exc.status == 401 else None
            return Response({"detail": exc.message, "code": exc.code}, status=exc.status, headers=headers)
        return super().handle_exception(exc)


class ConsultationSectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    heading = serializers.CharField()
    text_html = serializers.SerializerMethodField()
    comment_count = serializers.IntegerField(help_text="Observaciones visibles de la sección.")

    def get_text_html(self, section) -> str:
        return render_markdown(section.text)


class ConsultationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField(help_text="upcoming, open, closed o answered.")
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    office = serializers.CharField(source="office.name")
    summary = serializers.CharField()
    report_published_at = serializers.DateTimeField(allow_null=True)

    def get_url(self, page) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(page.url) if request else page.url

    def get_status(self, page) -> str:
        return page.status


class ConsultationDetailSerializer(ConsultationSerializer):
    sections = serializers.SerializerMethodField()

    @extend_schema_field(ConsultationSectionSerializer(many=True))
    def get_sections(self, page) -> list[dict]:
        return ConsultationSectionSerializer(selectors.sections_with_counts(page), many=True).data


class ConsultationAnswerSerializer(serializers.Serializer):
    body_html = serializers.CharField()
    answered_at = serializers.DateTimeField()
    office = serializers.CharField(source="office.name")
    accepted = serializers.CharField(source="decision", help_text="accepted, partly o not_accepted.")


class ConsultationCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    section = serializers.IntegerField(source="section_id")
    author = serializers.CharField(source="author.public_name")
    organization = serializers.CharField(source="organization.name", allow_null=True, default=None)
    body_html = serializers.SerializerMethodField()
    proposed_text = serializers.SerializerMethodField()
    stance = serializers.ChoiceField(choices=Stance.choices)
    created_at = serializers.DateTimeField()
    hidden = serializers.BooleanField()
    hidden_reason = serializers.CharField()
    answer = serializers.SerializerMethodField()

    def get_body_html(self, comment) -> str:
        return "" if comment.hidden else comment.body_html

    def get_proposed_text(self, comment) -> str:
        return "" if comment.hidden else comment.proposed_text

    def get_answer(self, comment) -> dict | None:
        if not self.context.get("answers_visible"):
            return None
        answer = getattr(comment, "answer", None)
        return ConsultationAnswerSerializer(answer).data if answer is not None else None


class ConsultationCommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=services.BODY_MAX)
    stance = serializers.ChoiceField(choices=Stance.choices)
    proposed_text = serializers.CharField(max_length=services.BODY_MAX, required=False, allow_blank=True)
    organization = serializers.IntegerField(required=False, allow_null=True)


def _refusals(*codes: int) -> dict:
    return {code: OpenApiResponse(response=RefusalSerializer) for code in codes}


@extend_schema_view(
    list=extend_schema(summary="Consultas públicas", responses={200: ConsultationSerializer}),
    retrieve=extend_schema(
        summary="Una consulta con sus secciones",
        responses={200: ConsultationDetailSerializer, **_refusals(404)},
    ),
)
class ConsultationViewSet(
    CachedForAnonymous,
    RefusalsAsResponses,
    TranslatedNotFound,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [permissions.AllowAny]
    serializer_class = ConsultationSerializer
    queryset = ConsultationPage.objects.none()
    page_cache_shows = (CONSULTATIONS,)

    def page_cache_until(self, request):
        return next_consultation_boundary  # a consultation opens or closes: its status changes

    def get_queryset(self):
        return selectors.public_consultations().order_by("-opens_at", "-pk")

    def get_serializer_class(self):
        return ConsultationDetailSerializer if self.action == "retrieve" else ConsultationSerializer

    def consultation(self) -> ConsultationPage:
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(
        methods=["GET"],
        summary="Observaciones de una sección",
        description="En orden de publicación; `answer` es null hasta que se publica el informe.",
        responses={200: ConsultationCommentSerializer(many=True), **_refusals(404)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Comentar una sección",
        description="Cuenta verificada, mientras la consulta está abierta; 403 con el motivo si no.",
        request=ConsultationCommentCreateSerializer,
        responses={
            201: ConsultationCommentSerializer,
            400: OpenApiResponse(OpenApiTypes.OBJECT),
            **_refusals(401, 403, 404),
        },
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path=r"sections/(?P<section_id>\d+)/comments",
        filter_backends=[],
    )
    def section_comments(self, request, pk=None, section_id=None):
        page = self.consultation()
        section = get_object_or_404(
            ConsultationSection.objects.select_related("page"), pk=section_id, page=page
        )
        if request.method == "POST":
            data = ConsultationCommentCreateSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            organization = None
            if data.validated_data.get("organization"):
                organization = Organization.objects.filter(pk=data.validated_data["organization"]).first()
                if organization is None:
                    raise services.Refused("invalid", _("Esa organización no existe."), 400)
            comment = services.comment_create(
                author=request.user,
                section=section,
                stance=data.validated_data["stance"],
                body=data.validated_data["body"],
                proposed_text=data.validated_data.get("proposed_text", ""),
                organization=organization,
            )
            return Response(ConsultationCommentSerializer(comment).data, status=status.HTTP_201_CREATED)
        comments = selectors.section_comments(section)
        page_of = self.paginate_queryset(comments)
        context = {"answers_visible": page.report_published_at is not None}
        return self.get_paginated_response(
            ConsultationCommentSerializer(page_of, many=True, context=context).data
        )

    @extend_schema(
        summary="Informe global de observaciones",
        description="Cada sección con cada observación y su respuesta; 404 hasta que se publica. "
        "También en CSV en la dirección de la consulta + `informe.csv`.",
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT), **_refusals(404)},
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def report(self, request, pk=None):
        page = self.consultation()
        if page.report_published_at is None:
            raise NotFound(_("El informe de esta consulta aún no se ha publicado."))
        rows = selectors.report_sections(page)
        context = {"answers_visible": True}
        return Response(
            {
                "id": page.pk,
                "title": page.title,
                "url": request.build_absolute_uri(page.url),
                "office": page.office.name,
                "published_at": timezone.localtime(page.report_published_at).isoformat(),
                "csv_url": request.build_absolute_uri(page.url + "informe.csv"),
                "pdf_url": request.build_absolute_uri(page.url + "informe.pdf"),
                "totals": selectors.report_totals(rows),
                "sections": [
                    {
                        "id": row.section.pk,
                        "number": row.section.number,
                        "heading": row.section.heading,
                        "comments": ConsultationCommentSerializer(
                            row.comments, many=True, context=context
                        ).data,
                    }
                    for row in rows
                ],
            }
        )
