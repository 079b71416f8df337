"""Pipeline component: mentions that make sense as names, one type per name within a document.

The tagger reads sentence by sentence and knows nothing of the dictionary or the rest of the
document. The steps below mend what that costs, in the order they run; each module holds the
steps of one kind, each step's docstring shows the mistake it mends:

- ``people.py``: where a person's name starts and ends, and a job is no name;
- ``edges.py``: where any name ends, and the type the words around it give it;
- ``organisations.py``: companies, councils, unions, plants and institutions;
- ``document_wide.py``: one type per name, and a name found once is found throughout.
"""
from __future__ import annotations

from extractor.document import Document
from extractor.ner.consistency.document_wide import names_tagged_throughout, one_type_per_name, surnames_are_people
from extractor.ner.consistency.edges import (
    clock_times, close_quotes, cut_after_country, cut_before_town_word, cut_before_verb, kind_before_quotes,
    money_ranges, take_adjective_before, trim_stray_quotes)
from extractor.ner.consistency.edits import merge_neighbours
from extractor.ner.consistency.organisations import (
    brand_of_a_country, company_and_a_company, councils, institutions_are_organisations, institutions_at_sentence_start,
    latin_company_after_a_company, names_after_a_company_word, owner_out_of_company, place_before_a_latin_company,
    place_of_a_plant, two_companies_in_one, unions_and_plants)
from extractor.ner.consistency.people import (
    adjective_names_with_its_noun, around_particles, country_out_of_job, drop_honorifics, give_names_back_to_people,
    job_before_a_person, job_of_an_organisation, name_before_a_full_name, named_after, nickname_in_quotes,
    no_job_without_a_person, split_job_from_name, street_named_after, surname_after_first_name)


def make_names_consistent(document: Document) -> None:
    give_names_back_to_people(document)
    owner_out_of_company(document)
    merge_neighbours(document, around_particles)
    merge_neighbours(document, surname_after_first_name)
    merge_neighbours(document, named_after)
    name_before_a_full_name(document)
    drop_honorifics(document)
    job_before_a_person(document)
    job_of_an_organisation(document)
    split_job_from_name(document)
    cut_before_verb(document)
    cut_before_town_word(document)
    kind_before_quotes(document)
    close_quotes(document)
    nickname_in_quotes(document)
    trim_stray_quotes(document)
    street_named_after(document)
    names_after_a_company_word(document)
    cut_after_country(document)
    place_of_a_plant(document)
    brand_of_a_country(document)
    place_before_a_latin_company(document)
    councils(document)
    two_companies_in_one(document)
    company_and_a_company(document)
    latin_company_after_a_company(document)
    country_out_of_job(document)
    take_adjective_before(document)
    unions_and_plants(document)
    institutions_at_sentence_start(document)
    adjective_names_with_its_noun(document)
    institutions_are_organisations(document)
    no_job_without_a_person(document)
    surnames_are_people(document)
    one_type_per_name(document)
    names_tagged_throughout(document)
    money_ranges(document)
    clock_times(document)
