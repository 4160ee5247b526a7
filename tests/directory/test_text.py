"""Pure helpers: summary line, sanitised presentation, e-mail masking, accent folding."""

from directory.search import normalise
from directory.text import mask_emails, safe_presentation, summary


def test_summary_is_the_first_sentence_in_plain_text():
    html = "<p>Nous <b>créons</b> des logiciels &amp; des sites. Deuxième phrase.</p><p>Suite</p>"
    assert summary(html) == "Nous créons des logiciels & des sites."


def test_summary_separates_paragraphs_and_is_cut():
    assert summary("<p>Un</p><p>deux</p>") == "Un deux"
    assert len(summary("<p>" + "mot " * 100 + "</p>")) <= 140


def test_summary_masks_emails():
    assert summary("<p>Écrire à jean.dupont@exemple.fr</p>") == "Écrire à [adresse masquée]"


def test_safe_presentation_keeps_formatting_and_drops_scripts():
    html = safe_presentation(
        '<p onclick="x()"><b>Gras</b> <a href="javascript:alert(1)">lien</a> <a href="https://ok.test">ok</a>'
        "<script>alert(1)</script><iframe src=x></iframe></p>"
    )
    assert "<b>Gras</b>" in html
    assert 'href="https://ok.test"' in html
    for bad in ("onclick", "javascript:", "<script", "<iframe"):
        assert bad not in html


def test_mask_emails_leaves_other_text():
    assert mask_emails("www.exemple.fr, contact@exemple.fr") == "www.exemple.fr, [adresse masquée]"


def test_normalise():
    assert normalise("Numérique ÉLAN Œuvre") == "numerique elan œuvre"
