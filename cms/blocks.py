"""The shared block library: every StreamField of every page type is made of these."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texto"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("nivel"),
        choices=[("h2", _("Título de sección (h2)")), ("h3", _("Subtítulo (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = pgettext_lazy("bloque de contenido", "Título")
        template = "blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("imagen"))
    caption = blocks.CharBlock(label=_("pie de foto"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("crédito"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Imagen")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("cita"))
    attribution = blocks.CharBlock(label=_("autor/a"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("documento"))
    title = blocks.CharBlock(
        label=_("título"), required=False, help_text=_("Si lo deja vacío se usa el título del documento.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Documento")
        template = "blocks/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texto del enlace"), max_length=80)
    page = blocks.PageChooserBlock(label=_("página"), required=False)
    url = blocks.URLBlock(label=_("o dirección"), required=False)

    class Meta:
        icon = "link"
        label = _("Llamado a la acción")
        template = "blocks/call_to_action_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Párrafo"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
