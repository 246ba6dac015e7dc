"""The curated set of blocks every page body is built from.

One body StreamBlock is shared by all page types so editors learn one set of
tools, and every block renders through its own template under
templates/components/blocks/.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading; pages use them to build their outline.")
        preview_value = {"text": _("How to take part"), "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        label = _("Image")
        description = _("An image with a required text alternative and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        label = _("Quote")
        description = _("Words from a person, with who said them.")
        preview_value = {
            "text": _("Working here gave me a reason to get up in the morning."),
            "attribution": _("A placement participant"),
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A short invitation with one clear link.")
        preview_value = {
            "text": _("Find a way to take part near you."),
            "button_label": _("See opportunities"),
            "url": "https://example.org/opportunities/",
        }

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or enter an address.")]}
            )
        return result


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"
        label = _("Document link")
        description = _("A link to a document, with its format and size.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/blocks/paragraph.html",
        icon="pilcrow",
        description=_("Paragraphs, lists and links."),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        template="components/blocks/table.html",
        description=_("A simple table with a header row."),
        table_options={"startRows": 3, "startCols": 3},
    )

    class Meta:
        template = "components/blocks/body.html"
