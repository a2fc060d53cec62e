"""JSON shapes of ideas, supports and comments for the public API.

Output serializers read what the selectors annotate; input serializers only parse, and the
services decide (phase, verified account, membership, limits).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organization
from challenges.selectors import visible_challenges
from ideas.models import COMUNA_CHOICES, Comment, Idea

COMUNA_HELP = (
    "Comuna o corregimiento donde se haría realidad: comuna-1 … comuna-17, corregimiento-1 … "
    "corregimiento-3; vacío para toda la ciudad."
)


class IdeaSerializer(serializers.ModelSerializer):
    # Expects `supported_by_me` annotated (ideas.selectors.public_ideas).

    challenge = serializers.IntegerField(source="challenge_id", read_only=True, help_text="Id del reto.")
    author = serializers.CharField(
        source="author.public_name", read_only=True, help_text="Nombre público de quien la propuso."
    )
    organization = serializers.CharField(
        source="organization.name",
        read_only=True,
        allow_null=True,
        help_text="Organización en cuyo nombre se propuso, o null.",
    )
    body_html = serializers.CharField(read_only=True, help_text="Descripción en HTML saneado.")
    supported_by_me = serializers.BooleanField(
        read_only=True, help_text="Si la cuenta con sesión la apoya; false sin sesión."
    )
    comuna = serializers.CharField(read_only=True, help_text=COMUNA_HELP)
    comuna_name = serializers.CharField(
        read_only=True, help_text="Nombre oficial de la comuna o corregimiento; vacío para toda la ciudad."
    )

    class Meta:
        model = Idea
        fields = [
            "id",
            "challenge",
            "title",
            "body_html",
            "author",
            "organization",
            "status",
            "support_count",
            "comment_count",
            "supported_by_me",
            "created_at",
            "comuna",
            "comuna_name",
        ]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.INT)
class VisibleChallengeField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        # Built per request: which pages are private can change at any time.
        return visible_challenges()


class IdeaCreateSerializer(serializers.Serializer):
    challenge = VisibleChallengeField(help_text="Id del reto (en fase de recepción de ideas).")
    title = serializers.CharField(max_length=Idea._meta.get_field("title").max_length)
    body = serializers.CharField(
        max_length=Idea._meta.get_field("body").max_length, help_text="Descripción en Markdown."
    )
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id de una organización de la que es miembro aprobado, para proponer en su nombre.",
    )
    comuna = serializers.ChoiceField(
        choices=COMUNA_CHOICES,
        required=False,
        allow_blank=True,
        default="",
        help_text=COMUNA_HELP,
        error_messages={
            "invalid_choice": _(
                "«{input}» no es una comuna o corregimiento de Bucaramanga: use comuna-1 … comuna-17, "
                "corregimiento-1 … corregimiento-3, o vacío para toda la ciudad."
            )
        },
    )


class SupportSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Id de la idea.")
    support_count = serializers.IntegerField()
    supported_by_me = serializers.BooleanField()


class CommentSerializer(serializers.ModelSerializer):
    parent = serializers.IntegerField(
        source="parent_id", read_only=True, allow_null=True, help_text="Id del comentario respondido."
    )
    author = serializers.CharField(source="author.public_name", read_only=True)
    body_html = serializers.SerializerMethodField(help_text="HTML saneado; vacío si fue ocultado.")

    class Meta:
        model = Comment
        fields = ["id", "parent", "author", "body_html", "created_at", "hidden"]
        read_only_fields = fields

    def get_body_html(self, comment: Comment) -> str:
        return "" if comment.hidden else comment.body_html


class CommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=Comment._meta.get_field("body").max_length, help_text="Texto en Markdown."
    )
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Comment.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id del comentario de esta misma idea al que responde.",
    )
