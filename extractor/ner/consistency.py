"""Pipeline component: mentions that make sense as names, one type per name within a document.

The tagger reads sentence by sentence and knows nothing of the dictionary or
the rest of the document. In the order they run:

- a word that is only a name, at the end of a mention right before a person's
  name, starts that name ("Європейської комісії Урсула" + "фон дер Ляєн");
- a name split around a particle is joined ("Урсулою" + "фон дер" + "Ляєн"), and
  so is a first name with the one-word mention right after it ("Джорджа" + "Мелоні")
  and a name given after a person ("Університет імені" + "Тараса Шевченка"); a
  person's name after a company's acronym is its owner ("ДТЕК" + "Ахметова");
- a form of address is cut off a name ("Пані Зеркаль"), a common noun for people read
  as a person right before a name is a job ("Адвокат пан Свиридовський"), and a job the tagger read
  into a name is split from it ("Перший віце-президент Європейської комісії",
  "Канцлер Олаф Шольц"); an organisation that is only a job becomes JOB;
- a name that opens a quote takes in the closing quote right after it;
- a name stops before a verb ("Дунай зріс") and before the word for a town before a
  town's name ("церкви міста" + "Славутич"), and a name in quotes after the kind of
  thing it names has that kind's type (ORG «Місто» after "романом" -> ART, PERS
  «Дружба» after "фабрика" -> ORG, LOC after "газопровід" -> MISC, and a Latin-script
  name after "газопровід" needs no quotes: "Baltic Pipe"), as a name
  without quotes after a word for a company does ("Компанія Рошен", "акції Кернела"),
  and a person after a word for a street is a street ("проспект Руставелі");
- a mention that runs on from a country's name or an acronym like "ЄС" into lower-case
  words is cut back to it ("КНДР агресивної війни Росії проти України"), the country
  at the end of a job is a place of its own ("Міністр оборони" + "України"),
  and one after a Latin-script brand is part of a company's name ("Vodafone Україна"), while
  a town before a Latin-script company's name is a place ("в Таллінні" + "Macte Gzu Ou");
  a one-word place joined by "і"/"та" to an organisation before it is one too, unless
  it is a country or a town ("Vodafone Україна та Київстар"), and so is an untagged
  Latin-script name joined to a Latin-script organisation ("Shell та BP");
  a council named in one word is an organisation ("у Київраді"), and two companies read as
  one are two ("Приватбанк і Ощадбанк");
  a power plant's name ends at the plant, and the place after it is a place
  ("Трипільську ТЕС" + "у Київській області");
- a capitalized adjective the tagger left out before an organisation or place
  it agrees with is taken in ("Європейська" + "Комісія" at a sentence's start),
  and one before a lower-case noun for a union or association names an
  organisation with the genitive words after it ("Незалежна профспілка
  гірників України"; a capitalized such noun too, when those words end in a
  name), as one before a plant does ("Криворізький залізорудний комбінат"),
  and a person read as an adjective before its noun is a place ("Білого дому");
  at a sentence's start, adjectives of relation before a noun for an institution are
  an organisation ("Національний банк", "Європейська комісія"), and so is such a noun
  before a name in the genitive ("Прокуратура Німеччини");
- news names a person in full first, so the surname of a full PERS name is a
  person throughout the document ("Трамп" as a place, or untagged);
- a place, organisation or MISC name takes the type most of its mentions have,
  and a name of two or more words is tagged wherever the document repeats it;
- the lower bound of a money range joins the amount ("від" + "200" + "до 500 гривень").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from extractor.document import Document, Entity
from extractor.morphology.analyzer import is_company_name, is_first_name, is_name, parses
from extractor.ner.constraints import ORGANISATIONS, town_names
from extractor.normalize import CLOSING_QUOTES, NAME_PARTICLES, OPENING_QUOTES, normalize_entity
from extractor.rules.countries import country_code
from extractor.text import has_latin, latin_script

OTHER_NAMES = {"LOC", "ORG", "MISC"}  # names that are not people's
WORKS = {"роман", "повість", "вистава", "п'єса", "фільм", "серіал", "пісня", "альбом", "книга", "поема", "вірш",
         "опера", "балет", "картина", "мюзикл", "оповідання", "збірка", "кліп", "трек"}
COMPANIES = {"компанія", "фірма", "підприємство", "держпідприємство", "завод", "фабрика", "комбінат", "шахта",
             "концерн", "корпорація", "холдинг", "банк", "партія", "організація", "агентство", "видавництво",
             "товариство", "фонд", "телеканал", "газета", "клуб", "гурт", "профспілка", "спілка", "об'єднання",
             "асоціація", "консорціум", "тов", "пат", "прат", "ат", "дп", "кп", "пп", "ват", "зат"}
ASSOCIATIONS = {"профспілка", "спілка", "федерація", "конфедерація", "асоціація", "об'єднання", "партія", "рух",
                "союз", "товариство", "фонд", "палата"}
POWER_PLANTS = {"тес", "тец", "гес", "аес", "гаес", "грес", "сес", "вес"}
# councils named in one word: "Київраді", "облради"; NER-UK tags all its 53 of them ORG
COUNCIL = re.compile(r"(київ|міськ|обл|рай|сіль|селищ)рад(а|и|і|у|ою|ам|ах)")
PLACE_PREPOSITIONS = {"у", "в", "на", "під", "біля"}
TOWN_WORDS = {"місто", "міста", "місту", "містом", "місті", "село", "села", "селу", "селом", "селі", "селище",
              "селища", "селищу", "селищем", "селищі", "смт"}
AND = {"і", "й", "та"}  # coordinated names: "мережі Сільпо та Фокстрот"
# words after which a capitalized name is a company's: "компанія Рошен", "акції Кернела", "мережа Сільпо"
COMPANY_WORDS = COMPANIES - {"газета", "гурт", "клуб", "партія", "фонд", "спілка", "організація"} | {
    "акція", "мережа", "оператор", "бренд", "виробник", "ритейлер", "забудовник", "девелопер", "постачальник"}
# a surname in the genitive after a company is its owner: "компанія Машненкова", "фірми Іванової"
OWNER = re.compile(r"((ов|ев|єв|ін|ин|їн)(а|ої)|(ськ|цьк|зьк)(ого|ої)|енка)$")
PLANTS = {"завод", "комбінат", "фабрика"}
# nouns that, after adjectives of relation, name an institution: "Національний банк", "Європейська комісія"
INSTITUTIONS = {"банк", "комісія", "поліція", "служба", "система", "фонд", "суд", "агенція", "агентство", "бюро",
                "прокуратура", "інспекція", "гвардія", "асамблея", "організація", "союз", "палата", "міністерство",
                "казначейство", "митниця", "біржа", "конгрес", "парламент"}
ORDINALS = {"перший", "другий", "третій", "четвертий", "п'ятий", "останній", "наступний", "попередній"}
PRODUCTS = {"газопровід", "нафтопровід", "трубопровід", "газогін"}
KINDS = {**{kind: "ART" for kind in WORKS}, **{kind: "ORG" for kind in COMPANIES}, **{kind: "MISC" for kind in PRODUCTS}}
STREETS = {"вулиця", "проспект", "площа", "бульвар", "провулок", "узвіз", "набережна", "шосе", "майдан"}
HEADS = {"глава", "голова"}  # of a state, a ministry, a board: nouns for things too
HONORIFICS = {"пан", "пані", "панна", "містер", "міс", "місіс", "сер", "мадам", "мсьє", "синьйор", "сеньйор"}
# quotes that tell opening from closing (a straight " is both)
PAIRED_OPENING, PAIRED_CLOSING = OPENING_QUOTES.replace('"', ""), CLOSING_QUOTES.replace('"', "")


def make_names_consistent(document: Document) -> None:
    _give_names_back_to_people(document)
    _owner_out_of_company(document)
    _merge_neighbours(document, _around_particles)
    _merge_neighbours(document, _surname_after_first_name)
    _merge_neighbours(document, _named_after)
    _drop_honorifics(document)
    _job_before_a_person(document)
    _split_job_from_name(document)
    _cut_before_verb(document)
    _cut_before_town_word(document)
    _kind_before_quotes(document)
    _close_quotes(document)
    _street_named_after(document)
    _names_after_a_company_word(document)
    _cut_after_country(document)
    _place_of_a_plant(document)
    _brand_of_a_country(document)
    _place_before_a_latin_company(document)
    _councils(document)
    _two_companies_in_one(document)
    _company_and_a_company(document)
    _latin_company_after_a_company(document)
    _country_out_of_job(document)
    _take_adjective_before(document)
    _unions_and_plants(document)
    _institutions_at_sentence_start(document)
    _adjective_person_to_place(document)
    _surnames_are_people(document)
    _one_type_per_name(document)
    _names_tagged_throughout(document)
    _money_ranges(document)


def _set_tokens(document: Document, entity: Entity, token_start: int, token_end: int) -> None:
    """Make ``entity`` tokens[token_start:token_end] of its sentence; its offsets and text follow."""
    tokens = document.sentences[entity.sentence_id].tokens
    entity.token_start, entity.token_end = token_start, token_end
    entity.start, entity.end = tokens[token_start].start, tokens[token_end - 1].end
    entity.text = document.text[entity.start:entity.end]


def _mention(document: Document, sentence: int, token_start: int, token_end: int, label: str) -> Entity:
    """A new mention of tokens[token_start:token_end] of a sentence."""
    entity = Entity(0, 0, "", label, sentence, token_start, token_end)
    _set_tokens(document, entity, token_start, token_end)
    return entity


def _tagged(document: Document) -> set[tuple[int, int]]:
    """(sentence, token) of every token inside a mention."""
    return {(e.sentence_id, i) for e in document.entities for i in range(e.token_start, e.token_end)}


def _merge_neighbours(document: Document, belong_together) -> None:
    """A mention and the next one in its sentence become one (the first's label) when
    ``belong_together(tokens, previous, entity)``."""
    kept: list[Entity] = []
    for entity in sorted(document.entities, key=lambda e: e.start):
        previous = kept[-1] if kept else None
        if previous is not None and previous.sentence_id == entity.sentence_id \
                and belong_together(document.sentences[entity.sentence_id].tokens, previous, entity):
            _set_tokens(document, previous, previous.token_start, entity.token_end)
            continue
        kept.append(entity)
    document.entities = kept


def _only_a_name(word: str) -> bool:
    readings = [p for p in parses(word.lower()) if p.is_known]
    return word[:1].isupper() and bool(readings) and all(is_name(p) for p in readings)


def _give_names_back_to_people(document: Document) -> None:
    """"Європейської комісії Урсула" + "фон дер Ляєн" -> ORG "Європейської комісії" + PERS "Урсула фон
    дер Ляєн": a word that is only a name, at the end of a mention right before a person's name
    (or the particles of one), starts that person's name."""
    ordered = sorted(document.entities, key=lambda e: e.start)
    for before, person in zip(ordered, ordered[1:]):
        tokens = document.sentences[person.sentence_id].tokens
        if before.label == "PERS" or person.label != "PERS" or before.sentence_id != person.sentence_id \
                or before.token_end - before.token_start < 2 or not _only_a_name(tokens[before.token_end - 1].norm) \
                or not all(t.norm in NAME_PARTICLES for t in tokens[before.token_end:person.token_start]):
            continue
        _set_tokens(document, person, before.token_end - 1, person.token_end)
        _set_tokens(document, before, before.token_start, before.token_end - 1)


def _a_name_in_the_genitive(word: str) -> bool:
    """"Ахметова", "Ріната": a capitalized name that can be genitive, and no thing's name ("Львова")."""
    readings = parses(word.lower())
    return word[:1].isupper() and any(is_name(p) and p.tag.case == "gent" for p in readings) \
        and not any(p.tag.POS == "NOUN" and "inan" in p.tag.grammemes for p in readings)


def _owner_out_of_company(document: Document) -> None:
    """ORG "ДТЕК Ахметова" -> ORG "ДТЕК" + PERS "Ахметова": a person's name in the genitive right
    after a company's acronym or compound name is its owner, not part of the name; so is one the
    tagger read into one person with the acronym ("ДНР Губарєва")."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        names = entity.token_end
        while names > entity.token_start + 1 and _a_name_in_the_genitive(tokens[names - 1].norm):
            names -= 1
        company = tokens[names - 1].norm
        if entity.label == "PERS" and names == entity.token_start + 1 < entity.token_end and len(company) > 1 \
                and company.isupper() and company.isalpha():  # PERS "ДНР Губарєва": no name starts with an acronym
            entity.label = "ORG"
        elif entity.label != "ORG" or names == entity.token_end or entity.token_end - names > 2 \
                or not (company.isupper() or is_company_name(company.lower())):
            continue
        document.entities.append(_mention(document, entity.sentence_id, names, entity.token_end, "PERS"))
        _set_tokens(document, entity, entity.token_start, names)
    document.entities.sort(key=lambda e: e.start)


def _named_after(tokens, previous: Entity, entity: Entity) -> bool:
    """ORG "Університет імені" + PERS "Тараса Шевченка": a name given after a person is one name."""
    return previous.label in OTHER_NAMES and entity.label == "PERS" and previous.token_end == entity.token_start \
        and tokens[previous.token_end - 1].norm.lower() == "імені"


def _around_particles(tokens, previous: Entity, entity: Entity) -> bool:
    """PERS, particles, PERS: "Урсулою" + "фон дер" + "Ляєн"."""
    between = tokens[previous.token_end:entity.token_start]
    return previous.label == entity.label == "PERS" and bool(between) and all(t.norm in NAME_PARTICLES for t in between)


def _surname_after_first_name(tokens, previous: Entity, entity: Entity) -> bool:
    """PERS "Джорджа" + LOC "Мелоні" right after it: a one-word name that follows a first name
    directly is its surname, whatever the tagger made of it."""
    return previous.label == "PERS" and entity.label in OTHER_NAMES and previous.token_end == entity.token_start \
        and entity.token_end - entity.token_start == 1 and tokens[entity.token_start].norm.istitle() \
        and is_first_name(tokens[previous.token_end - 1].norm)


def _drop_honorifics(document: Document) -> None:
    """"Пані Зеркаль" -> "Зеркаль": a form of address is not part of the name (NER-UK never
    takes it in; the tagger does at the start of a sentence, where it is capitalized)."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        while entity.label == "PERS" and entity.token_end - entity.token_start > 1 \
                and tokens[entity.token_start].lemma.lower() in HONORIFICS:
            _set_tokens(document, entity, entity.token_start + 1, entity.token_end)


def _job_before_a_person(document: Document) -> None:
    """PERS "Адвокат" + "пан Свиридовський" -> JOB "Адвокат": a one-word person that the dictionary
    knows only as a common noun for people, right before a person's name (a form of address between
    them allowed), is what that person is (alone it may be a story's character: "Бог", "Тюлень")."""
    for entity in document.entities:
        if entity.label != "PERS" or entity.token_end - entity.token_start != 1:
            continue
        tokens, after = document.sentences[entity.sentence_id].tokens, entity.token_end
        while after < len(tokens) and tokens[after].lemma.lower() in HONORIFICS:
            after += 1
        readings = [p for p in parses(tokens[entity.token_start].norm.lower()) if p.is_known]
        if readings and all(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and not is_name(p) for p in readings) \
                and any(e.sentence_id == entity.sentence_id and e.label == "PERS" and e.token_start == after
                        for e in document.entities):
            entity.label = "JOB"


def _is_person_noun(token) -> bool:
    """A common noun for a person ("віце-президент", "речник"), by the reading chosen in context, or a
    head of something whose reading out of context is a thing ("Глава" as "chapter")."""
    parse = token.parse
    return parse is not None and parse.tag.POS == "NOUN" and not is_name(parse) and (
        "anim" in parse.tag.grammemes or parse.normal_form in HEADS)


def _split_job_from_name(document: Document) -> None:
    """"Перший віце-президент Європейської комісії" -> JOB "Перший віце-президент" + ORG "Європейської
    комісії", "Канцлер Олаф Шольц" -> JOB "Канцлер" + PERS "Олаф Шольц": a name is not headed by a
    noun for a person. An organisation without a capitalized word after that noun ("голови
    комісії") is a job; a person without one stays (a story's characters: "Тюлень")."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        nouns = [i for i in range(entity.token_start, entity.token_end) if tokens[i].pos == "NOUN"]
        if entity.label not in ("ORG", "PERS") or not nouns or not _is_person_noun(tokens[nouns[0]]) \
                or (entity.label == "PERS" and any(is_name(p) for p in parses(tokens[nouns[0]].norm.lower()))):
            continue
        name = next((i for i in range(nouns[0] + 1, entity.token_end) if tokens[i].norm[:1].isupper()), None)
        if name is None:
            if entity.label == "ORG":
                entity.label = "JOB"
            continue
        document.entities.append(_mention(document, entity.sentence_id, entity.token_start, name, "JOB"))
        _set_tokens(document, entity, name, entity.token_end)
    document.entities.sort(key=lambda e: e.start)


def _kind_before_quotes(document: Document) -> None:
    """A name in quotes right after the kind of thing it names has that kind's type: ORG «Місто» after
    "романом" is a title (ART), PERS «Дружба» after "фабрика" or "фірмою" a company (ORG), LOC
    «Північний потік» after "газопровід" a product (MISC). A Latin-script name needs no quotes to be a
    pipeline's: PERS "Baltic Pipe" after "газопровід" is MISC."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        before = entity.token_start - 1
        if entity.label in ("ORG", "LOC", "MISC", "PERS") and before >= 1 and tokens[before].norm in OPENING_QUOTES:
            entity.label = KINDS.get(tokens[before - 1].lemma.lower(), entity.label)
        elif before >= 0 and tokens[before].lemma.lower() in PRODUCTS and latin_script(entity.text):
            entity.label = "MISC"


def _close_quotes(document: Document) -> None:
    """ORG "кінофестивалю «Корона Карпат" -> "кінофестивалю «Корона Карпат»": a name that opens a quote
    and stops right before it closes takes the closing quote in."""
    tagged = _tagged(document)
    for entity in document.entities:
        tokens, after = document.sentences[entity.sentence_id].tokens, entity.token_end
        words = [t.norm for t in tokens[entity.token_start:after]]
        opened = sum(w in PAIRED_OPENING for w in words) - sum(w in PAIRED_CLOSING for w in words)
        if opened > 0 and after < len(tokens) and tokens[after].norm in PAIRED_CLOSING \
                and (entity.sentence_id, after) not in tagged:
            _set_tokens(document, entity, entity.token_start, after + 1)


def _street_named_after(document: Document) -> None:
    """PERS "Руставелі" after "проспект" -> LOC "проспект Руставелі": a street named after a person
    is a place, with the word for the street, as NER-UK tags most of its streets ("вулиця Франка")."""
    for entity in document.entities:
        tokens, before = document.sentences[entity.sentence_id].tokens, entity.token_start - 1
        if entity.label == "PERS" and before >= 0 and tokens[before].norm.islower() \
                and tokens[before].lemma in STREETS:
            entity.label = "LOC"
            _set_tokens(document, entity, before, entity.token_end)


def _names_after_a_company_word(document: Document) -> None:
    """"Компанія Рошен", "акції Кернела", "мережа Сільпо": capitalized words right after a word for a
    company (no quotes) name the company (the tagger read "Кернела" as a person, "Сільпо" as nothing),
    unless they are a person's or a country's name ("компанії Ріната Ахметова", "компанія Машненкова",
    "компанія Маска", "банк Японії")."""
    for sentence in document.sentences:
        tokens = sentence.tokens
        starts = [i for i in range(1, len(tokens)) if tokens[i - 1].lemma.lower() in COMPANY_WORDS]
        while starts:
            i = starts.pop(0)
            word = tokens[i].norm
            if not word[:1].isupper() or not word.isalpha() or _only_a_name(word) or _is_country(tokens[i:i + 1]) \
                    or OWNER.search(word) or any(p.is_known and is_name(p) and p.tag.case == "gent"
                                                 for p in parses(word.lower())):
                continue
            end = i + 1
            while end < len(tokens) and tokens[end].norm[:1].isupper() and tokens[end].norm.isalpha():
                end += 1
            if end + 1 < len(tokens) and tokens[end].norm in AND:
                starts.insert(0, end + 1)  # "мережі Сільпо та Фокстрот"
            covering = [e for e in document.entities if e.sentence_id == sentence.index
                        and e.token_start < end and e.token_end > i]
            if not covering:
                document.entities.append(_mention(document, sentence.index, i, end, "ORG"))
            elif len(covering) == 1 and covering[0].token_start == i and covering[0].label in ("PERS", "LOC", "MISC") \
                    and not (covering[0].label == "PERS" and covering[0].token_end - i > 1):
                covering[0].label = "ORG"
    document.entities.sort(key=lambda e: e.start)


def _cut_before_verb(document: Document) -> None:
    """LOC "Дунай зріс" -> "Дунай": a person's, place's or organisation's name holds no verb
    (titles of works may: "Я піду в далекі гори")."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        verb = next((i for i in range(entity.token_start + 1, entity.token_end)
                     if tokens[i].pos == "VERB" and tokens[i].norm.islower() and tokens[i].norm not in NAME_PARTICLES),
                    None)
        if entity.label in ("PERS", "LOC", "ORG") and verb is not None:
            _set_tokens(document, entity, entity.token_start, verb)


def _cut_before_town_word(document: Document) -> None:
    """ORG "церкви міста" + "Славутич" -> ORG "церкви": the word for a settlement before a town's
    name belongs to neither (NER-UK ends no person's, place's or organisation's name with it)."""
    for entity in document.entities:
        tokens, end = document.sentences[entity.sentence_id].tokens, entity.token_end
        if entity.label in ("PERS", "LOC", "ORG") and end - entity.token_start > 1 and end < len(tokens) \
                and tokens[end - 1].norm in TOWN_WORDS and tokens[end].norm[:1].isupper():
            _set_tokens(document, entity, entity.token_start, end - 1)


def _is_country(tokens) -> bool:
    """Whether the tokens name a country, as written or in dictionary form ("Південної Кореї")."""
    return bool(country_code(" ".join(t.norm for t in tokens)) or country_code(normalize_entity(tokens, "LOC")))


def _a_country_or_a_town(token) -> bool:
    """Whether one word names a country or (as written or by its lemma) a town: "Україна", "Києві"."""
    return bool({token.lemma.lower(), token.norm.lower()} & town_names()) or _is_country([token])


def _cut_after_country(document: Document) -> None:
    """"КНДР агресивної війни ..." -> "КНДР", "ЄС із закордонних справ" -> "ЄС": a name complete in itself
    (a country, an international organisation's acronym, a town) does not go on in lower case (NER-UK's gold
    starts such a run with a country once in 3,600 organisations)."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        first = entity.token_start
        if entity.token_end - first < 2 or not tokens[first].norm[:1].isupper() \
                or not tokens[first + 1].norm.isalpha() or not tokens[first + 1].norm.islower():
            continue
        word = tokens[first].norm
        if _is_country(tokens[first:first + 1]) or (word.isupper() and word.lower() in ORGANISATIONS):
            _set_tokens(document, entity, first, first + 1)
        elif entity.label in ("ORG", "LOC") and word.istitle() and tokens[first].lemma.lower() in town_names() \
                and not any(p.tag.POS == "ADJF" for p in parses(word.lower())):  # "Краматорська міська рада"
            entity.label = "LOC"  # "Москви ролі центру Східної Європи" was one ORG
            _set_tokens(document, entity, first, first + 1)


def _place_of_a_plant(document: Document) -> None:
    """ORG "Трипільську ТЕС у Київській області" -> ORG "Трипільську ТЕС" + LOC "Київській області":
    a power plant's name ends at the plant; one named by its kind alone ("ТЕС у Київській області")
    is no name, and only the place is left."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        plant = next((k for k in range(entity.token_start, entity.token_end - 2)
                      if tokens[k].norm.lower() in POWER_PLANTS and tokens[k + 1].norm.lower() in PLACE_PREPOSITIONS
                      and tokens[k + 2].norm[:1].isupper()), None)
        if plant is None:
            continue
        if plant > entity.token_start:
            document.entities.append(_mention(document, entity.sentence_id, entity.token_start, plant + 1, entity.label))
        entity.label = "LOC"
        _set_tokens(document, entity, plant + 2, entity.token_end)
    document.entities.sort(key=lambda e: e.start)


def _brand_of_a_country(document: Document) -> None:
    """"Vodafone Україна" is a company, not the country: a Latin-script name right before a country's
    name in the nominative is one organisation with it."""
    for entity in list(document.entities):
        tokens, before = document.sentences[entity.sentence_id].tokens, entity.token_start - 1
        country = tokens[entity.token_start]
        if entity.label != "LOC" or entity.token_end - entity.token_start != 1 or before < 0 \
                or not (tokens[before].norm[:1].isupper() and has_latin(tokens[before].norm)) \
                or not _is_country([country]) or country.parse is None or country.parse.tag.case != "nomn":
            continue
        brand = next((e for e in document.entities if e.sentence_id == entity.sentence_id and e.token_end == before + 1), None)
        if brand is not None:
            document.entities.remove(brand)
        entity.label, entity.country_code = "ORG", None
        _set_tokens(document, entity, brand.token_start if brand else before, entity.token_end)


def _place_before_a_latin_company(document: Document) -> None:
    """ORG "Таллінні Macte Gzu Ou" -> LOC "Таллінні" + ORG "Macte Gzu Ou": a town or a country in
    Cyrillic before a Latin-script company's name is where it is registered, not part of its name."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        first = tokens[entity.token_start]
        if entity.label == "ORG" and entity.token_end - entity.token_start > 1 and not has_latin(first.norm) \
                and latin_script(document.text[tokens[entity.token_start + 1].start:entity.end]) \
                and _a_country_or_a_town(first):
            document.entities.append(_mention(document, entity.sentence_id, entity.token_start,
                                              entity.token_start + 1, "LOC"))
            _set_tokens(document, entity, entity.token_start + 1, entity.token_end)
    document.entities.sort(key=lambda e: e.start)


def _councils(document: Document) -> None:
    """LOC "Київраді", "Львівській облраді" -> ORG: a council is an organisation, though news says
    "у Київраді" as of a place."""
    for entity in document.entities:
        last = document.sentences[entity.sentence_id].tokens[entity.token_end - 1]
        if entity.label == "LOC" and COUNCIL.fullmatch(last.norm.lower()):
            entity.label = "ORG"


def _money_ranges(document: Document) -> None:
    """"від 200 до 500 гривень" tagged DATE "200" + MON "500 гривень" -> MON "200 до 500 гривень": the
    lower bound of a money range is part of the amount (the quantities step then reads the range)."""
    for money in [e for e in document.entities if e.label == "MON"]:
        tokens, start = document.sentences[money.sentence_id].tokens, money.token_start
        if start < 3 or tokens[start - 1].norm.lower() != "до" or not tokens[start - 2].norm.isdigit() \
                or tokens[start - 3].norm.lower() != "від":
            continue
        document.entities = [e for e in document.entities if not (
            e.sentence_id == money.sentence_id and e.token_start == start - 2 and e.token_end == start - 1)]
        _set_tokens(document, money, start - 2, money.token_end)


def _two_companies_in_one(document: Document) -> None:
    """ORG "Приватбанк і Ощадбанк" -> ORG "Приватбанк" + ORG "Ощадбанк": two capitalized words joined by
    "і"/"та", one of them a company-built name, are two companies (NER-UK has no such three-word name
    but "Пукшин і Партнери" and "Дух і Літера")."""
    for entity in list(document.entities):
        words = [t.norm for t in document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]]
        if entity.label == "ORG" and len(words) == 3 and words[1] in AND and words[0][:1].isupper() \
                and words[2][:1].isupper() and any(is_company_name(w.lower()) for w in (words[0], words[2])):
            document.entities.append(_mention(document, entity.sentence_id, entity.token_start + 2,
                                              entity.token_end, "ORG"))
            _set_tokens(document, entity, entity.token_start, entity.token_start + 1)
    document.entities.sort(key=lambda e: e.start)


def _company_and_a_company(document: Document) -> None:
    """"Vodafone Україна та Київстар": a one-word place coordinated right after an organisation is an
    organisation too, unless it is a country or a town ("НАТО та Україна", "Нафтогаз і Київ")."""
    mentions = sorted(document.entities, key=lambda e: e.start)
    for first, second in zip(mentions, mentions[1:]):
        tokens = document.sentences[second.sentence_id].tokens
        if first.label != "ORG" or second.label != "LOC" or first.sentence_id != second.sentence_id \
                or second.token_end - second.token_start != 1 or second.token_start != first.token_end + 1 \
                or tokens[first.token_end].norm not in AND:
            continue
        if not _a_country_or_a_town(tokens[second.token_start]):
            second.label = "ORG"


def _latin_company_after_a_company(document: Document) -> None:
    """"Shell та BP": a Latin-script name the tagger left untagged, coordinated right after a
    Latin-script organisation, is an organisation too."""
    tagged = _tagged(document)
    for entity in list(document.entities):
        tokens, after = document.sentences[entity.sentence_id].tokens, entity.token_end + 1
        if entity.label != "ORG" or after >= len(tokens) or tokens[entity.token_end].norm not in AND \
                or not latin_script(entity.text):
            continue
        end = after
        while end < len(tokens) and tokens[end].norm[:1].isupper() and latin_script(tokens[end].norm) \
                and tokens[end].norm.isalnum() and (entity.sentence_id, end) not in tagged:
            end += 1
        if end > after:
            document.entities.append(_mention(document, entity.sentence_id, after, end, "ORG"))
    document.entities.sort(key=lambda e: e.start)


def _country_out_of_job(document: Document) -> None:
    """JOB "Міністр оборони України" -> JOB "Міністр оборони" + LOC "України": the country a job
    belongs to is a place of its own, which an analyst counts (NER-UK leaves it out of both)."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        for width in (2, 1):  # "Південної Кореї" before "Кореї"
            tail = tokens[entity.token_end - width:entity.token_end]
            if entity.label == "JOB" and entity.token_end - entity.token_start > width \
                    and tail[0].norm[:1].isupper() and _is_country(tail):
                document.entities.append(_mention(document, entity.sentence_id, entity.token_end - width,
                                                  entity.token_end, "LOC"))
                _set_tokens(document, entity, entity.token_start, entity.token_end - width)
                break
    document.entities.sort(key=lambda e: e.start)


def _agrees(adjective: str, noun: str) -> bool:
    """Whether some reading of ``adjective`` agrees in case and gender (or plural) with one of ``noun``."""
    nouns = [(p.tag.case, p.tag.gender, p.tag.number) for p in parses(noun.lower()) if p.tag.POS == "NOUN"]
    return any(a.tag.POS == "ADJF" and a.is_known and any(
        a.tag.case == case and (a.tag.gender == gender if number != "plur" else a.tag.number == "plur")
        for case, gender, number in nouns) for a in parses(adjective.lower()))


def _take_adjective_before(document: Document) -> None:
    tagged = _tagged(document)
    for entity in document.entities:
        tokens, before = document.sentences[entity.sentence_id].tokens, entity.token_start - 1
        if entity.label not in OTHER_NAMES or before < 0 or (entity.sentence_id, before) in tagged:
            continue
        adjective = tokens[before].norm
        # at a sentence's start the capital says nothing: "Сучасна Росія" is Russia, described
        named = before > 0 or _relational_adjective(tokens[before]) or _is_country(tokens[before:entity.token_end])
        if adjective.istitle() and adjective.isalpha() and named \
                and _agrees(adjective, tokens[entity.token_start].norm):
            _set_tokens(document, entity, before, entity.token_end)


def _genitive(token) -> bool:
    """A genitive noun or adjective that is no person's name ("партії Дональда Трампа" is the party's owner)."""
    return token.parse is not None and token.parse.tag.case == "gent" and token.pos in ("NOUN", "ADJF") \
        and not is_name(token.parse)


def _genitive_chain_end(tokens, start: int) -> int:
    """Where the genitive words from ``start`` end, coordinated ones included ("залізничників і
    транспортних будівельників України")."""
    end = start
    while end < len(tokens) and (_genitive(tokens[end]) or (
            tokens[end].norm in AND and end > start and end + 1 < len(tokens) and _genitive(tokens[end + 1]))):
        end += 1
    return end


def _organisation_at(tokens, i: int) -> int | None:
    """Where an organisation's name that starts at ``i`` ends: a capitalized adjective, a lower-case
    singular noun for a union or association agreeing with it and the genitive words after that
    ("Незалежна профспілка гірників України"); a capitalized such noun and genitive words ending in a
    name ("Профспілка залізничників і транспортних будівельників України"); or a capitalized
    adjective and a noun for a plant with an adjective between ("Криворізькому залізорудному комбінаті")."""
    first = tokens[i]
    if first.norm.istitle() and first.lemma in ASSOCIATIONS and first.parse is not None \
            and "plur" not in first.parse.tag:
        end = _genitive_chain_end(tokens, i + 1)
        return end if end > i + 1 and tokens[end - 1].norm[:1].isupper() else None
    head = i + 1
    while head < len(tokens) and tokens[head].pos == "ADJF" and tokens[head].norm.islower():
        head += 1
    if head >= len(tokens) or not first.norm.istitle() or first.pos != "ADJF" \
            or not tokens[head].norm.islower() or tokens[head].lemma not in ASSOCIATIONS | PLANTS \
            or tokens[head].parse is None or "plur" in tokens[head].parse.tag \
            or not _agrees(first.norm, tokens[head].norm):
        return None
    end = _genitive_chain_end(tokens, head + 1)
    named = end > head + 1 or (tokens[head].lemma in PLANTS and head > i + 1)
    return end if named else None


def _unions_and_plants(document: Document) -> None:
    """Names of unions, associations and plants the tagger read only in part ("України" in
    "Незалежна профспілка гірників України", LOC "Криворізькому" in "Криворізькому залізорудному
    комбінаті") are organisations; mentions reaching outside such a name are left alone."""
    for sentence in document.sentences:
        i = 0
        while i < len(sentence.tokens) - 1:
            end = _organisation_at(sentence.tokens, i)
            inside = [e for e in document.entities if e.sentence_id == sentence.index
                      and e.token_start < end and e.token_end > i] if end else []
            if end is None or any(e.token_start < i or e.token_end > end for e in inside):
                i += 1
                continue
            document.entities = [e for e in document.entities if e not in inside]
            document.entities.append(_mention(document, sentence.index, i, end, "ORG"))
            i = end
    document.entities.sort(key=lambda e: e.start)


def _institutions_at_sentence_start(document: Document) -> None:
    """"Національний банк підвищив ставку", "Європейська комісія схвалила": at a sentence's start,
    where a capital says nothing, the tagger misses a lower-case institution's name. Relational
    adjectives (not comparable: "Національний", "Федеральна резервна", unlike "Новий банк") before a
    singular noun for an institution that agrees with them, and a name in the genitive after it
    ("Національний банк України"), are an organisation, unless the tagger tagged some of it (but
    for a mention within the genitive words: "Центральний банк" + LOC "Росії"); so is such a noun
    without adjectives before a name in the genitive ("Прокуратура" + LOC "Німеччини"; NER-UK:
    ORG "Прокуратура Києва")."""
    for sentence in document.sentences:
        tokens = sentence.tokens
        head = 0
        while head < len(tokens) and _relational_adjective(tokens[head]) and (head == 0) == tokens[head].norm.istitle():
            head += 1
        alone = head == 0 and len(tokens) > 1 and tokens[0].norm.istitle()  # "Прокуратура Німеччини"
        after_adjectives = 0 < head < len(tokens) and tokens[head].norm.islower() \
            and _agrees(tokens[0].norm, tokens[head].norm)
        if not (alone or after_adjectives) or tokens[head].lemma.lower() not in INSTITUTIONS \
                or tokens[head].parse is None or "plur" in tokens[head].parse.tag or "plur" in tokens[0].parse.tag:
            continue
        end = _genitive_chain_end(tokens, head + 1)
        end = end if tokens[end - 1].norm[:1].isupper() else head + 1
        if alone and end == 1:
            continue  # an institution's noun alone is no name
        inside = [e for e in document.entities if e.sentence_id == sentence.index and e.token_start < end]
        if all(e.token_start > head and e.token_end <= end for e in inside):
            document.entities = [e for e in document.entities if e not in inside]
            document.entities.append(_mention(document, sentence.index, 0, end, "ORG"))
    document.entities.sort(key=lambda e: e.start)


def _relational_adjective(token) -> bool:
    """An adjective of relation ("національний", "світовий"): pymorphy3 marks the others comparable,
    but not their superlatives ("найстаріша"), which "най-" makes."""
    return token.pos == "ADJF" and token.parse is not None and "compb" not in token.parse.tag \
        and token.lemma.lower() not in ORDINALS and token.norm.isalpha() and not token.norm.lower().startswith("най")


def _adjective_person_to_place(document: Document) -> None:
    """PERS "Білого" before "дому" -> LOC "Білого дому": a one-word person read as a qualitative
    adjective that agrees with the lower-case noun after it names, with that noun, a place
    (possessive ones are people's: "Данкова компанія" is Danko's)."""
    for entity in document.entities:
        tokens, after = document.sentences[entity.sentence_id].tokens, entity.token_end
        if entity.label == "PERS" and entity.token_end - entity.token_start == 1 and after < len(tokens) \
                and tokens[entity.token_start].pos == "ADJF" and "compb" in tokens[entity.token_start].parse.tag \
                and "plur" not in tokens[entity.token_start].parse.tag \
                and tokens[after].pos == "NOUN" \
                and tokens[after].norm.isalpha() and tokens[after].norm.islower() \
                and not any(e.sentence_id == entity.sentence_id and e.token_start == after for e in document.entities) \
                and _agrees(tokens[entity.token_start].norm, tokens[after].norm):
            entity.label = "LOC"
            _set_tokens(document, entity, entity.token_start, after + 1)


def _surnames(document: Document) -> set[str]:
    """Lemmas of the last words of the document's PERS mentions of two or more words."""
    found = set()
    for entity in document.entities:
        if entity.label == "PERS" and entity.token_end - entity.token_start >= 2:
            last = document.sentences[entity.sentence_id].tokens[entity.token_end - 1]
            if last.norm.istitle() and last.norm.isalpha() and len(last.norm) > 2 and last.pos not in ("ADJF", "PRTF"):
                found.add(last.lemma.lower())
    return found


def _surnames_are_people(document: Document) -> None:
    surnames = _surnames(document)
    if not surnames:
        return
    tagged = _tagged(document)
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        if entity.label in OTHER_NAMES and entity.token_end - entity.token_start == 1 \
                and tokens[entity.token_start].lemma.lower() in surnames:
            entity.label = "PERS"  # "Трамп" as a place, in a text about Дональд Трамп
    for sentence in document.sentences:
        for i, token in enumerate(sentence.tokens):
            if (sentence.index, i) not in tagged and token.norm[:1].isupper() and token.lemma.lower() in surnames:
                document.entities.append(_mention(document, sentence.index, i, i + 1, "PERS"))
    document.entities.sort(key=lambda e: e.start)


def _one_type_per_name(document: Document) -> None:
    """A place, organisation or MISC name keeps the type most of its mentions have ("Європейського
    Союзу" as a place, in a text that names "Європейський Союз" an organisation twice); a one-word
    person votes too ("Зайцевого" as a person, in a text that names the village "Зайцеве" a place
    twice); the surnames of full names are people by now (``_surnames_are_people``)."""
    by_name = defaultdict(list)
    for entity in document.entities:
        name = _lemmas(document, entity.sentence_id, entity.token_start, entity.token_end)
        if entity.label in OTHER_NAMES or (entity.label == "PERS" and len(name) == 1):
            by_name[name].append(entity)
    for name, mentions in by_name.items():
        if " ".join(name) in ORGANISATIONS:  # "країн Європейського Союзу": an organisation news names like a place
            for entity in mentions:
                entity.label = "ORG"
            continue
        ranked = Counter(e.label for e in mentions).most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:  # a tie stays as tagged
            for entity in mentions:
                entity.label = ranked[0][0]


def _lemmas(document: Document, sentence: int, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lemma.lower() for t in document.sentences[sentence].tokens[start:end])


def _names_tagged_throughout(document: Document) -> None:
    """A name of two or more words the tagger found once is found wherever the document repeats it
    in any case form ("Європейська комісія" in a headline, after "Європейської комісії" in the text)."""
    names: dict[tuple[str, ...], str] = {}
    for entity in document.entities:
        first = document.sentences[entity.sentence_id].tokens[entity.token_start].norm
        if entity.label in OTHER_NAMES and entity.token_end - entity.token_start >= 2 and first[:1].isupper():
            names.setdefault(_lemmas(document, entity.sentence_id, entity.token_start, entity.token_end), entity.label)
    if not names:
        return
    widths = sorted({len(name) for name in names}, reverse=True)  # the longest name first
    tagged = _tagged(document)
    for sentence in document.sentences:
        i = 0
        while i < len(sentence.tokens):
            found = sentence.tokens[i].norm[:1].isupper() and next(
                (w for w in widths if i + w <= len(sentence.tokens) and _lemmas(document, sentence.index, i, i + w) in names
                 and not any((sentence.index, k) in tagged for k in range(i, i + w))), 0)
            if found:
                label = names[_lemmas(document, sentence.index, i, i + found)]
                document.entities.append(_mention(document, sentence.index, i, i + found, label))
            i += found or 1
    document.entities.sort(key=lambda e: e.start)
