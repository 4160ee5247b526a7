"""StreamField blocks of the content pages."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre")
    text = blocks.TextBlock(label="texte", required=False)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.URLBlock(label="ou adresse", required=False)
    button_label = blocks.CharBlock(label="libellé du bouton")

    class Meta:
        icon = "link"
        label = "appel à l'action"
        template = "blocks/call_to_action.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="citation")
    author = blocks.CharBlock(label="auteur", required=False)

    class Meta:
        icon = "openquote"
        label = "citation"
        template = "blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label="intertitre", form_classname="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label="texte",
        features=["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"],
        template="blocks/rich_text.html",
    )
    image = ImageBlock(label="image", template="blocks/image.html")
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label="vidéo ou contenu intégré", max_width=800, template="blocks/embed.html")
