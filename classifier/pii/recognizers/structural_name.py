"""PERSON from where a name stands, not from what it looks like: mail and letters put people in
fixed places that a statistical tagger misses on short or foreign text.

- a display name before an address: `Darrell Duffie <duffie@…>`, `"Ruth" <ruth@…>`, and the
  Lotus Notes form `Kevin Kindall@ENRON`;
- a salutation: `Dear Pranav Ramaswamy,`, `Sehr geehrter Herr Vogel,`, `Chère Élodie,`,
  `Estimada Sra. Ruiz:`, and a line that is only a name and a comma at the top of a text (`Vince,`);
- a signature: the one to three capitalised words on the line under a closing (`Best regards,`,
  `Mit freundlichen Grüßen`, `Cordialement,`, `Atentamente,`);
- a self-introduction: `my name is …`, `mein Name ist …`, `je m'appelle …`, `me llamo …`;
- a form field that names a person: `Name: …`, `Contact person: …`, `Ansprechpartner: …`,
  `Nom : …`, `Apellidos: …`, `Remitido por: Dr. …`.

Names are capitalised words (any script's upper case, hyphens and apostrophes inside); the
recogniser never reads lower-case words as names.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifier.pii.recognizers import own_result

NAME_WORD = r"[^\W\d_a-zß-ÿ][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?"
NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}})"
TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau|Dr\.\s*med|M|Mme|Mlle|Me|Sr|Sra|Srta|D|Dña)\.?[ \t]+)?"
SALUTATION = (r"(?i:Dear|Hi|Hello|Hey|Liebe[rs]?|Hallo|Sehr[ \t]+geehrte[rs]?|Guten[ \t]+Tag|Cher|Chère|Bonjour|"
              r"Estimad[oa]s?|Querid[oa]s?|Hola|Buenos[ \t]+días)")
CLOSING = (r"(?i:(?:Best|Kind|Warm|Many)?[ \t]*(?:regards|wishes)|Regards|Sincerely(?:[ \t]+yours)?|Yours[ \t]+"
           r"(?:sincerely|faithfully|truly)|Cheers|Thanks|Thank[ \t]+you|Best|Cordially|"
           r"(?:Mit[ \t]+)?(?:freundlichen|besten|herzlichen|vielen)[ \t]+(?:Grüßen|Grüssen|Dank)|Viele[ \t]+Grüße|"
           r"Beste[ \t]+Grüße|Gruß|Grüße|Cordialement|Bien[ \t]+(?:cordialement|à[ \t]+vous)|"
           r"(?:Veuillez|Je[ \t]+vous[ \t]+prie)[^\n]{0,80}(?:salutations|sentiments)[^\n]{0,40}|Salutations|"
           r"Atentamente|Saludos(?:[ \t]+cordiales)?|Un[ \t]+(?:cordial[ \t]+)?saludo|Reciba[^\n]{0,60}saludo[^\n]{0,20})")
# Words that stand where a name would and are not one ("Dear Sir,", "Hi all,", "Thanks,").
NOT_NAMES = frozenset({
    "sir", "sirs", "madam", "all", "team", "everyone", "everybody", "folks", "colleagues", "customer", "customers",
    "friends", "guys", "there", "thanks", "thank", "regards", "best", "cheers", "hello", "hi", "hey", "dear",
    "gentlemen", "ladies", "damen", "herren", "kollegen", "kolleginnen", "zusammen", "alle", "team,", "madame",
    "monsieur", "messieurs", "mesdames", "señor", "señora", "señores", "todos", "equipo", "note", "notes", "ps",
    "subject", "re", "fw", "fwd", "attention", "attn", "update", "reminder", "hinweis", "objet", "asunto", "betreff",
    "yes", "no", "ok", "okay", "sorry", "please", "welcome", "congratulations", "morning", "afternoon", "evening",
    "important", "urgent", "warning", "question", "questions", "answer", "total", "summary", "agenda", "minutes",
})
# Labels of form fields whose value is a person (lower-case; the field ends with ":").
NAME_LABEL = (r"(?i:(?:full[ \t]+|first[ \t]+|last[ \t]+|given[ \t]+|family[ \t]+|customer[ \t]+|contact[ \t]+|"
              r"employee[ \t]+|account[ \t]+holder[ \t]+|card[ \t]*holder[ \t]+)?name|surname|contact[ \t]+person|"
              r"attn|attention|signed[ \t]+by|sent[ \t]+by|prepared[ \t]+by|approved[ \t]+by|requested[ \t]+by|"
              r"referred[ \t]+by|cardholder|account[ \t]+holder|beneficiary|patient|physician|doctor|"
              r"vorname|nachname|familienname|ansprechpartner(?:in)?|kontaktperson|mitarbeiter(?:in)?|"
              r"unterzeichnet[ \t]+von|erstellt[ \t]+von|"
              r"nom|pr[ée]nom|nom[ \t]+de[ \t]+famille|contact|interlocuteur|sign[ée][ \t]+par|"
              r"nombre|apellidos?|m[ée]dico|paciente|remitido[ \t]+por|firmado[ \t]+por|titular|contacto)")
PATTERNS = (
    re.compile(rf"(?:^|[\s:;,(]){TITLE}\"?{NAME}\"?[ \t]*<[^<>@\s]+@[^<>\s]+>", re.MULTILINE),
    re.compile(rf"(?:^|[\s:;,(]){NAME}@[A-Z][A-Z0-9-]+\b", re.MULTILINE),
    re.compile(rf"^[ \t]*{SALUTATION}[ \t]+{TITLE}{NAME}[ \t]*[,:!]", re.MULTILINE),
    re.compile(rf"\A\s*{NAME}[ \t]*,[ \t]*$", re.MULTILINE),
    re.compile(rf"^[ \t]*{CLOSING}[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n)?[ \t]*{TITLE}{NAME}[ \t]*$",
               re.MULTILINE),
    re.compile(rf"^[ \t]*{NAME_LABEL}[ \t]*:[ \t]*{TITLE}{NAME}[ \t]*[.,;]?[ \t]*(?:$|\n|[ \t]{{2,}})",
               re.MULTILINE),
    re.compile(rf"\b(?i:my[ \t]+name[ \t]+is|mein[ \t]+Name[ \t]+ist|je[ \t]+m['’]appelle|me[ \t]+llamo|"
               rf"mi[ \t]+nombre[ \t]+es)[ \t]+{TITLE}{NAME}"),
)
# Above NER's 0.85: Presidio drops a result that a same-type result of equal or higher score
# contains, and NER's span often runs on past the name ("Kevin Kindall@ENRON").
SCORE = 0.9
RECOGNIZER_NAME = "StructuralNameRecognizer"
NAME_ONLY = re.compile(rf"^{NAME}$")


def plausible_name(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not any(
        w.strip(".,'’").casefold() in NOT_NAMES for w in words)


class StructuralNameRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name=RECOGNIZER_NAME, supported_language="en")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: dict[tuple[int, int], RecognizerResult] = {}
        for pattern in PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span("name")
                name = match.group("name").rstrip(".")
                end = start + len(name)
                if not NAME_ONLY.match(name) or not plausible_name(name):
                    continue
                results[(start, end)] = own_result(RECOGNIZER_NAME, self.id, "PERSON", start, end, SCORE)
        return list(results.values())
